// The library page (#/): import panel, sessions, and the list of documents. Records are checked
// as they are read (db/records.ts): a damaged one is left out and reported, never breaks the list.
import { getDb } from '../../db/db';
import { loadLibrary } from '../../db/records';
import { t } from '../../base/i18n';
import { useLiveQuery } from '../../base/use-live-query';
import { DocumentTable } from './DocumentTable';
import { ImportPanel } from './ImportPanel';
import { SessionsPanel } from './SessionsPanel';

export function LibraryPage() {
  const db = getDb();
  const library = useLiveQuery(() => loadLibrary(db), []);
  const sessions = library?.sessions ?? [];
  const skipped = library?.skipped ?? [];
  return (
    <div class="hdnd-library">
      <div class="hdnd-library-side">
        <ImportPanel />
        <SessionsPanel db={db} sessions={sessions} />
      </div>
      <div class="hdnd-library-main">
        {skipped.length > 0 && (
          <div class="hdnd-library-skipped" role="status" data-testid="library-skipped">
            <p>{t('library.skipped', { n: skipped.length })}</p>
            <details>
              <summary>{t('library.skippedDetail')}</summary>
              <ul>
                {skipped.map((s) => (
                  <li key={`${s.table}:${s.key}`}>
                    <code>
                      {s.table} {s.key}
                    </code>{' '}
                    — {s.problem}
                  </li>
                ))}
              </ul>
            </details>
          </div>
        )}
        {library && <DocumentTable db={db} docs={library.docs} sessions={sessions} />}
      </div>
    </div>
  );
}
