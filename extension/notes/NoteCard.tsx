// One note shown: title, formatted text, links to its highlights/comments (click jumps to the
// annotation in the viewer), and edit / delete.
import { useState } from 'preact/hooks';
import { getDb, type Note } from '../db/db';
import { lang, t } from '../base/i18n';
import { useLiveQuery } from '../base/use-live-query';
import { NoteBody } from './NoteBody';
import { NoteEditor } from './NoteEditor';
import { annotationHref, annotationLabel, deleteNote } from './notes';

export function NoteCard({
  note,
  fixedDocId,
  highlighted = false,
}: {
  note: Note;
  fixedDocId?: string;
  highlighted?: boolean;
}) {
  const db = getDb();
  const [editing, setEditing] = useState(false);
  const linked = useLiveQuery(
    () => db.annotations.bulkGet(note.annotationIds),
    [note.annotationIds.join(',')],
  );
  if (editing) {
    return (
      <NoteEditor
        note={note}
        {...(fixedDocId ? { fixedDocId } : {})}
        onDone={() => setEditing(false)}
      />
    );
  }
  const when = new Date(note.updatedAt).toLocaleString(lang.value === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <article
      class={`hdnd-note${highlighted ? ' hdnd-note-current' : ''}`}
      id={`note-${note.id}`}
      data-testid="note"
    >
      <h3>{note.title || t('notes.untitled')}</h3>
      <NoteBody body={note.body} />
      {note.annotationIds.length > 0 && (
        <ul class="hdnd-note-links" aria-label={t('notes.links')}>
          {note.annotationIds.map((id, i) => {
            const a = linked?.[i];
            return (
              <li key={id}>
                {a ? (
                  <a href={annotationHref(a)}>
                    {t('notes.page', { n: a.target.pageIndex + 1 })} — {annotationLabel(a)}
                  </a>
                ) : (
                  t('notes.missingAnnotation')
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p class="hdnd-row hdnd-muted">
        <small>{t('notes.updated', { when })}</small>
        <button type="button" onClick={() => setEditing(true)}>
          {t('notes.edit')}
        </button>
        <button
          type="button"
          onClick={() => {
            if (confirm(t('notes.deleteConfirm', { title: note.title || t('notes.untitled') }))) {
              void deleteNote(db, note.id, note).catch(() => alert(t('notes.conflict')));
            }
          }}
        >
          {t('notes.delete')}
        </button>
      </p>
    </article>
  );
}
