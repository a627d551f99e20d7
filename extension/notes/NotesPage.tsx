// The notes page #/notes: every note, session notes first, then notes per document; a new note can
// belong to a document, a session or neither. `#/notes?doc=<id>` shows one document's notes with
// its export buttons; `#/notes?note=<id>` scrolls to a note (search results link here).
import { useEffect, useState } from 'preact/hooks';
import { getDb, type Note } from '../db/db';
import { ExportButtons } from '../export/ExportButtons';
import { useLiveQuery } from '../base/use-live-query';
import { NoteCard } from './NoteCard';
import { NoteEditor } from './NoteEditor';
import { NotesPanel } from './NotesPanel';
import { t } from '../base/i18n';

export function NotesPage({ docId, noteId }: { docId?: string; noteId?: string }) {
  const db = getDb();
  const [adding, setAdding] = useState(false);
  const notes = useLiveQuery(() => db.notes.orderBy('updatedAt').reverse().toArray(), []);
  const documents = useLiveQuery(() => db.documents.toArray(), []);
  const sessions = useLiveQuery(() => db.sessions.toArray(), []);
  useEffect(() => {
    if (noteId && notes)
      document.getElementById(`note-${noteId}`)?.scrollIntoView({ block: 'center' });
  }, [noteId, notes !== undefined]);

  if (docId) {
    const doc = documents?.find((d) => d.id === docId);
    return (
      <section class="hdnd-notes-page">
        <h2>
          <a href={`#/doc/${encodeURIComponent(docId)}`}>{doc?.title ?? docId}</a>
        </h2>
        <ExportButtons docId={docId} />
        <NotesPanel docId={docId} />
      </section>
    );
  }

  const titleOfDoc = new Map(documents?.map((d) => [d.id, d.title]));
  const titleOfSession = new Map(sessions?.map((s) => [s.id, s.title]));
  const groups = new Map<string, { heading: string; href?: string; notes: Note[] }>();
  for (const n of notes ?? []) {
    const key = n.docId ? `d:${n.docId}` : n.sessionId ? `s:${n.sessionId}` : 'other';
    const heading = n.docId
      ? (titleOfDoc.get(n.docId) ?? n.docId)
      : n.sessionId
        ? `${t('notes.sessionNotes')}: ${titleOfSession.get(n.sessionId) ?? n.sessionId}`
        : t('notes.otherNotes');
    let g = groups.get(key);
    if (!g) {
      groups.set(
        key,
        (g = {
          heading,
          notes: [],
          ...(n.docId ? { href: `#/notes?doc=${encodeURIComponent(n.docId)}` } : {}),
        }),
      );
    }
    g.notes.push(n);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) =>
    a[0] === b[0] ? 0 : a.startsWith('s:') ? -1 : b.startsWith('s:') ? 1 : a.localeCompare(b),
  );

  return (
    <section class="hdnd-notes-page" aria-labelledby="hdnd-notes-heading">
      <h2 id="hdnd-notes-heading">{t('notes.heading')}</h2>
      {adding ? (
        <NoteEditor onDone={() => setAdding(false)} />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('notes.new')}
        </button>
      )}
      {notes?.length === 0 && !adding && <p>{t('notes.empty')}</p>}
      {ordered.map(([key, g]) => (
        <section key={key} class="hdnd-notes-group">
          <h3>{g.href ? <a href={g.href}>{g.heading}</a> : g.heading}</h3>
          {g.notes.map((n) => (
            <NoteCard key={n.id} note={n} highlighted={n.id === noteId} />
          ))}
        </section>
      ))}
    </section>
  );
}
