// Writing or editing a note: title, formatted text with a live preview, what it belongs to (a
// document or a session), and links to the document's highlights and comments.
import { useState } from 'preact/hooks';
import { getDb, type Annotation, type Note } from '../db/db';
import { useLiveQuery } from '../base/use-live-query';
import { NoteBody } from './NoteBody';
import { NoteConflict, annotationLabel, createNote, updateNote, type NoteDraft } from './notes';
import { t } from '../base/i18n';

export function NoteEditor({
  note,
  fixedDocId,
  onDone,
}: {
  note?: Note;
  /** In a document's panel the note always belongs to that document. */
  fixedDocId?: string;
  onDone: (saved?: Note) => void;
}) {
  const db = getDb();
  const [draft, setDraft] = useState<NoteDraft>({
    title: note?.title ?? '',
    body: note?.body ?? '',
    annotationIds: note?.annotationIds ?? [],
    ...((fixedDocId ?? note?.docId) ? { docId: fixedDocId ?? note?.docId } : {}),
    ...(note?.sessionId ? { sessionId: note.sessionId } : {}),
  });
  const [problem, setProblem] = useState<string | undefined>();
  const documents = useLiveQuery(() => db.documents.orderBy('title').toArray(), []);
  const sessions = useLiveQuery(() => db.sessions.orderBy('title').toArray(), []);
  const annotations = useLiveQuery(
    () =>
      draft.docId
        ? db.annotations.where('docId').equals(draft.docId).toArray()
        : Promise.resolve([] as Annotation[]),
    [draft.docId],
  );
  const set = (patch: Partial<NoteDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const idBase = note?.id ?? fixedDocId ?? 'new';

  async function save(e: Event) {
    e.preventDefault();
    if (!draft.title.trim() && !draft.body.trim()) {
      setProblem(t('notes.titleRequired'));
      return;
    }
    try {
      const saved = note
        ? await updateNote({ db }, note.id, draft, note)
        : await createNote({ db }, draft);
      onDone(saved);
    } catch (err) {
      // Changed or deleted in another tab since this editor opened it: nothing was written.
      if (err instanceof NoteConflict) setProblem(t('notes.conflict'));
      else throw err;
    }
  }

  return (
    <form class="hdnd-note-editor" onSubmit={(e) => void save(e)} data-testid="note-editor">
      <label>
        {t('notes.title')}
        <input
          value={draft.title}
          onInput={(e) => set({ title: e.currentTarget.value })}
          data-testid="note-title"
        />
      </label>
      {!fixedDocId && (
        <fieldset class="hdnd-row">
          <legend>{t('notes.attachTo')}</legend>
          <label>
            {t('notes.document')}{' '}
            <select
              value={draft.docId ?? ''}
              onChange={(e) =>
                set({ docId: e.currentTarget.value || undefined, annotationIds: [] })
              }
            >
              <option value="">{t('notes.none')}</option>
              {documents?.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('notes.session')}{' '}
            <select
              value={draft.sessionId ?? ''}
              onChange={(e) => set({ sessionId: e.currentTarget.value || undefined })}
            >
              <option value="">{t('notes.none')}</option>
              {sessions?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      )}
      <label for={`note-body-${idBase}`}>{t('notes.body')}</label>
      <textarea
        id={`note-body-${idBase}`}
        rows={8}
        value={draft.body}
        aria-describedby={`note-hint-${idBase}`}
        onInput={(e) => set({ body: e.currentTarget.value })}
        data-testid="note-body"
      />
      <p id={`note-hint-${idBase}`} class="hdnd-muted">
        {t('notes.formatHint')}
      </p>
      {draft.body.trim() && (
        <div class="hdnd-note-preview" aria-label={t('notes.preview')}>
          <NoteBody body={draft.body} />
        </div>
      )}
      <fieldset>
        <legend>{t('notes.links')}</legend>
        {!draft.docId && <p class="hdnd-muted">{t('notes.chooseDocFirst')}</p>}
        {draft.docId && annotations?.length === 0 && (
          <p class="hdnd-muted">{t('notes.noAnnotations')}</p>
        )}
        {annotations
          ?.sort((a, b) => a.target.pageIndex - b.target.pageIndex)
          .map((a) => (
            <label key={a.id} class="hdnd-note-link-choice">
              <input
                type="checkbox"
                checked={draft.annotationIds.includes(a.id)}
                onChange={(e) =>
                  set({
                    annotationIds: e.currentTarget.checked
                      ? [...draft.annotationIds, a.id]
                      : draft.annotationIds.filter((id) => id !== a.id),
                  })
                }
              />{' '}
              {t('notes.page', { n: a.target.pageIndex + 1 })} — {annotationLabel(a)}
            </label>
          ))}
      </fieldset>
      {problem && <p role="alert">{problem}</p>}
      <div class="hdnd-row">
        <button type="submit">{t('notes.save')}</button>
        <button type="button" onClick={() => onDone()}>
          {t('notes.cancel')}
        </button>
      </div>
    </form>
  );
}
