// Export buttons for one document: the annotated PDF copy and the comment sheet (.docx / .pdf),
// with the delegate's name field printed on the sheet (kept in settings). Mounted in the viewer's
// side panel and on the document's notes page.
import { useEffect, useState } from 'preact/hooks';
import { getDb } from '../db/db';
import { useLiveQuery } from '../base/use-live-query';
import { downloadBytes } from './download';
import {
  DELEGATE_NAME_KEY,
  ExportError,
  exportAnnotatedPdf,
  exportCommentSheet,
  type ExportedFile,
} from './export';
import { loadSheetFonts } from './fonts';
import { t } from '../base/i18n';

export function ExportButtons({
  docId,
  onBeforeExport,
}: {
  docId: string;
  /** Runs first (the viewer saves annotation edits still pending). */
  onBeforeExport?: () => Promise<void>;
}) {
  const db = getDb();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>();
  const savedName = useLiveQuery(() => db.settings.get(DELEGATE_NAME_KEY), []);
  const [name, setName] = useState('');
  useEffect(() => {
    if (typeof savedName?.value === 'string') setName(savedName.value);
  }, [savedName?.value]);
  const draftComments = useLiveQuery(
    () =>
      db.annotations
        .where('docId')
        .equals(docId)
        .filter((a) => a.draftComment)
        .count(),
    [docId],
  );

  async function run(make: () => Promise<ExportedFile>) {
    setBusy(true);
    setMessage({ text: t('export.working'), error: false });
    try {
      await onBeforeExport?.();
      await db.settings.put({ key: DELEGATE_NAME_KEY, value: name.trim() });
      const file = await make();
      downloadBytes(file.bytes, file.fileName, file.mimeType);
      setMessage({ text: t('export.done', { file: file.fileName }), error: false });
    } catch (error) {
      setMessage({
        text:
          error instanceof ExportError
            ? t(`export.error.${error.code}`)
            : t('export.error.unknown', { detail: String(error) }),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="hdnd-export" aria-labelledby={`export-${docId}`}>
      <h2 id={`export-${docId}`}>{t('export.heading')}</h2>
      <div class="hdnd-row">
        <button
          type="button"
          disabled={busy}
          title={t('export.annotatedHint')}
          onClick={() => void run(() => exportAnnotatedPdf(db, docId))}
        >
          {t('export.annotated')}
        </button>
      </div>
      <p class="hdnd-muted">{t('export.annotatedHint')}</p>
      <label>
        {t('export.delegateName')}{' '}
        <input value={name} onInput={(e) => setName(e.currentTarget.value)} autoComplete="name" />
      </label>
      <div class="hdnd-row">
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => exportCommentSheet(db, docId, 'docx'))}
        >
          {t('export.sheetDocx')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => exportCommentSheet(db, docId, 'pdf', loadSheetFonts))}
        >
          {t('export.sheetPdf')}
        </button>
      </div>
      {draftComments === 0 && <p class="hdnd-muted">{t('export.noComments')}</p>}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'hdnd-error' : ''}>
          {message.text}
        </p>
      )}
    </section>
  );
}
