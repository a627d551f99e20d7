// Export buttons for one document: the annotated PDF copy and the comment sheet (.docx / .pdf),
// with the delegate's name field printed on the sheet (kept in settings).
import { useEffect, useState } from 'preact/hooks';
import { getDb } from '../db/db';
import { useLiveQuery } from '../ui/use-live-query';
import { downloadBytes } from './download';
import {
  DELEGATE_NAME_KEY,
  ExportError,
  exportAnnotatedPdf,
  exportCommentSheet,
  type ExportedFile,
} from './export';
import { loadSheetFonts } from './fonts';
import { et } from './strings';

export function ExportButtons({ docId }: { docId: string }) {
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
    setMessage({ text: et('export.working'), error: false });
    try {
      await db.settings.put({ key: DELEGATE_NAME_KEY, value: name.trim() });
      const file = await make();
      downloadBytes(file.bytes, file.fileName, file.mimeType);
      setMessage({ text: et('export.done', { file: file.fileName }), error: false });
    } catch (error) {
      setMessage({
        text:
          error instanceof ExportError
            ? et(`export.error.${error.code}`)
            : et('export.error.unknown', { detail: String(error) }),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="hdnd-export" aria-labelledby={`export-${docId}`}>
      <h2 id={`export-${docId}`}>{et('export.heading')}</h2>
      <div class="hdnd-row">
        <button
          type="button"
          disabled={busy}
          title={et('export.annotatedHint')}
          onClick={() => void run(() => exportAnnotatedPdf(db, docId))}
        >
          {et('export.annotated')}
        </button>
      </div>
      <p class="hdnd-muted">{et('export.annotatedHint')}</p>
      <label>
        {et('export.delegateName')}{' '}
        <input value={name} onInput={(e) => setName(e.currentTarget.value)} autoComplete="name" />
      </label>
      <div class="hdnd-row">
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => exportCommentSheet(db, docId, 'docx'))}
        >
          {et('export.sheetDocx')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => exportCommentSheet(db, docId, 'pdf', loadSheetFonts))}
        >
          {et('export.sheetPdf')}
        </button>
      </div>
      {draftComments === 0 && <p class="hdnd-muted">{et('export.noComments')}</p>}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'hdnd-error' : ''}>
          {message.text}
        </p>
      )}
    </section>
  );
}
