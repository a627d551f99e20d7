// Notes data: created per document or session, edited in place, links kept only for a document's
// annotations, and a linked annotation opens its document at its page.
import { describe, expect, it } from 'vitest';
import { freshDb } from '../testing/corpus';
import { annotationHref, annotationLabel, createNote, updateNote } from './notes';

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
});
