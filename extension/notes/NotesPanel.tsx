// The notes of one document, as a panel the viewer (or any page) can mount: its notes and a
// "new note" editor bound to that document.
import { useState } from 'preact/hooks';
import { getDb } from '../db/db';
import { useLiveQuery } from '../base/use-live-query';
import { NoteCard } from './NoteCard';
import { NoteEditor } from './NoteEditor';
import { t } from '../base/i18n';

export function NotesPanel({ docId }: { docId: string }) {
  const db = getDb();
  const [adding, setAdding] = useState(false);
  const notes = useLiveQuery(
    () => db.notes.where('docId').equals(docId).reverse().sortBy('updatedAt'),
    [docId],
  );
  return (
    <section class="hdnd-notes-panel" aria-labelledby={`notes-panel-${docId}`}>
      <h2 id={`notes-panel-${docId}`}>{t('notes.panelHeading')}</h2>
      {adding ? (
        <NoteEditor fixedDocId={docId} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('notes.new')}
        </button>
      )}
      {notes?.map((n) => (
        <NoteCard key={n.id} note={n} fixedDocId={docId} />
      ))}
    </section>
  );
}
