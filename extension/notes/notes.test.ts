// Notes data: created per document or session, edited in place, links kept only for a document's
// annotations, and a linked annotation opens its document at its page.
import { describe, expect, it } from 'vitest';
import { freshDb } from '../testing/corpus';
import {
  NoteConflict,
  annotationHref,
  annotationLabel,
  createNote,
  deleteNote,
  updateNote,
} from './notes';

const deps = () => {
  let t = 1000;
  let n = 0;
  return { db: freshDb(), now: () => t++, newId: () => `note-${++n}` };
};

describe('notes', () => {
  it('creates a document note with its annotation links, once each', async () => {
    const d = deps();
    const note = await createNote(d, {
      docId: 'doc-1',
      title: '  Góp ý dự thảo  ',
      body: '- **ngân sách**',
      annotationIds: ['a1', 'a2', 'a1'],
    });
    expect(await d.db.notes.get(note.id)).toEqual({
      id: 'note-1',
      docId: 'doc-1',
      title: 'Góp ý dự thảo',
      body: '- **ngân sách**',
      annotationIds: ['a1', 'a2'],
      createdAt: 1000,
      updatedAt: 1000,
      rev: expect.any(String),
    });
  });

  it('drops annotation links from a note that belongs to no document', async () => {
    const d = deps();
    const note = await createNote(d, {
      sessionId: 'k13',
      title: 'Kỳ họp',
      body: '',
      annotationIds: ['a1'],
    });
    expect(note.annotationIds).toEqual([]);
  });

  it('edits in place: same id and creation time, later updatedAt', async () => {
    const d = deps();
    const note = await createNote(d, {
      sessionId: 'k13',
      title: 'Một',
      body: '',
      annotationIds: [],
    });
    const edited = await updateNote(d, note.id, {
      sessionId: 'k13',
      title: 'Hai',
      body: 'x',
      annotationIds: [],
    });
    expect(edited).toMatchObject({ id: note.id, createdAt: note.createdAt, title: 'Hai' });
    expect(edited.updatedAt).toBeGreaterThan(note.updatedAt);
    expect(await d.db.notes.count()).toBe(1);
  });

  it('links an annotation to its document at its (1-based) page', () => {
    expect(
      annotationHref({ id: 'a 1', docId: 'doc/1', target: { pageIndex: 44, rects: [] } }),
    ).toBe('#/doc/doc%2F1?page=45&ann=a+1');
  });

  it('labels an annotation by its quoted passage, shortened', () => {
    const label = annotationLabel(
      {
        id: 'a',
        docId: 'd',
        kind: 'highlight',
        color: 'yellow',
        draftComment: false,
        target: {
          pageIndex: 0,
          rects: [],
          quote: { exact: 'Điều 1.\nPhạm vi  điều chỉnh', prefix: '', suffix: '' },
        },
        createdAt: 1,
        updatedAt: 1,
      },
      12,
    );
    expect(label).toBe('Điều 1. Phạ…');
  });

  it('an edit from a tab left open never writes over another tab’s edit or brings a note back', async () => {
    const d = deps();
    const note = await createNote(d, { title: 'Ý kiến', body: 'một', annotationIds: [] });
    // Tab 2 changes the title; tab 1 (opened before) changes the body: both kept.
    const tab2 = await updateNote(d, note.id, { ...note, title: 'Ý kiến mới' }, note);
    const tab1 = await updateNote(d, note.id, { ...note, body: 'hai' }, note);
    expect(tab1).toMatchObject({ title: 'Ý kiến mới', body: 'hai' });
    // Tab 1 again with what it saw at first: the body changed since, so it is refused.
    await expect(updateNote(d, note.id, { ...note, body: 'ba' }, note)).rejects.toThrow(
      NoteConflict,
    );
    expect(await d.db.notes.get(note.id)).toMatchObject({ title: 'Ý kiến mới', body: 'hai' });
    await expect(deleteNote(d.db, note.id, tab2)).rejects.toThrow(NoteConflict);
    await deleteNote(d.db, note.id, tab1);
    await expect(updateNote(d, note.id, { ...note, body: 'bốn' }, tab1)).rejects.toThrow(
      NoteConflict,
    );
    expect(await d.db.notes.get(note.id)).toBeUndefined();
  });
});
