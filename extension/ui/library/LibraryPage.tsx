// The library page (#/): import panel, sessions, and the list of documents.
import { getDb } from '../../db/db';
import { useLiveQuery } from '../use-live-query';
import { DocumentTable } from './DocumentTable';
import { ImportPanel } from './ImportPanel';
import { SessionsPanel } from './SessionsPanel';

export function LibraryPage() {
  const db = getDb();
  const docs = useLiveQuery(() => db.documents.toArray(), []);
  const sessions = useLiveQuery(() => db.sessions.toArray(), []) ?? [];
  return (
    <div class="hdnd-library">
      <div class="hdnd-library-side">
        <ImportPanel />
        <SessionsPanel db={db} sessions={sessions} />
      </div>
      <div class="hdnd-library-main">
        {docs && <DocumentTable db={db} docs={docs} sessions={sessions} />}
      </div>
    </div>
  );
}
