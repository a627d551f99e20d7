// Issue #22's sequence on a real (fake-indexeddb) database: a tab left open on version 2 while
// version 3 takes the delegate's comment and highlight; an edit of the comment there lands on
// version 3, the highlight's re-anchoring there is refused, nothing is moved back or lost, and the
// open tab follows the database (the moved records leave it).
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../db/db';
import { freshDb } from '../testing/corpus';
import { annotationSaver } from '../ui/viewer/open-document';
import { AnnotationManager, type Refused } from './annotation-manager';
import { moveAnnotations } from './store';

const on = (id: string, kind: Annotation['kind'], body?: string): Annotation => ({
  id,
  docId: 'v2',
  kind,
  color: 'yellow',
  ...(body ? { body } : {}),
  draftComment: kind === 'comment',
  target: { pageIndex: 1, rects: [[1, 2, 3, 4]], quote: { exact: id, prefix: '', suffix: '' } },
  createdAt: 1,
  updatedAt: 1,
  rev: `r-${id}`,
});

describe('a tab left open on an old version', () => {
  it('edits land on the new version; nothing moves back, nothing is lost', async () => {
    const db = freshDb();
    await db.annotations.bulkAdd([
      on('comment', 'comment', 'Đề nghị làm rõ'),
      on('mark', 'highlight'),
    ]);
    const refused: string[] = [];
    let shown: Annotation[] = [];
    const oldTab = new AnnotationManager({
      initial: await db.annotations.where('docId').equals('v2').toArray(),
      save: annotationSaver(db),
      onChange: (list) => (shown = list),
      onRefused: (r) => refused.push(...r.map((x) => `${x.id}:${x.reason}`)),
      debounceMs: 0,
    });
    // Version 3 arrives and takes both onto its pages.
    await moveAnnotations(db, [
      { id: 'comment', patch: { docId: 'v3', target: { pageIndex: 2, rects: [] } } },
      { id: 'mark', patch: { docId: 'v3', target: { pageIndex: 2, rects: [] } } },
    ]);
    // In the old tab: Sửa → new text → Lưu; and the highlight's rectangles are re-measured.
    oldTab.update('comment', { body: 'Đề nghị làm rõ nguồn vốn' });
    oldTab.adjust('mark', { target: { pageIndex: 1, rects: [[9, 9, 9, 9]] } });
    await oldTab.flush();

    expect(await db.annotations.get('comment')).toMatchObject({
      docId: 'v3',
      body: 'Đề nghị làm rõ nguồn vốn',
      target: { pageIndex: 2 },
    });
    expect(await db.annotations.get('mark')).toMatchObject({
      docId: 'v3',
      target: { pageIndex: 2 },
    });
    expect(refused).toEqual(['mark:moved']);
    expect(await db.annotations.where('docId').equals('v2').count()).toBe(0);
    // The old tab no longer shows (or writes) records that live on version 3.
    expect(shown).toEqual([]);
    oldTab.update('comment', { body: 'lần nữa' });
    oldTab.remove('mark');
    await oldTab.flush();
    expect(await db.annotations.get('comment')).toMatchObject({ body: 'Đề nghị làm rõ nguồn vốn' });
    expect(await db.annotations.get('mark')).toBeDefined();
  });

  it('follows the database: another tab’s edit shows, a record moved away leaves', async () => {
    const db = freshDb();
    await db.annotations.bulkAdd([on('comment', 'comment', 'một'), on('mark', 'highlight')]);
    let shown: Annotation[] = [];
    const tab = new AnnotationManager({
      initial: await db.annotations.toArray(),
      save: annotationSaver(db),
      onChange: (list) => (shown = list),
      debounceMs: 0,
    });
    const other = (await db.annotations.get('comment'))!;
    await annotationSaver(db)([{ kind: 'update', seen: other, next: { ...other, body: 'hai' } }]);
    await moveAnnotations(db, [{ id: 'mark', patch: { docId: 'v3' } }]);
    tab.sync(await db.annotations.where('docId').equals('v2').toArray());
    expect(shown.map((a) => [a.id, a.body])).toEqual([['comment', 'hai']]);
    // An edit now starts from what the database holds.
    tab.update('comment', { color: 'pink' });
    await tab.flush();
    expect(await db.annotations.get('comment')).toMatchObject({ body: 'hai', color: 'pink' });
  });

  it('an editor left open while the record moves saves onto the new version', async () => {
    const db = freshDb();
    await db.annotations.add(on('comment', 'comment', 'một'));
    let shown: Annotation[] = [];
    const tab = new AnnotationManager({
      initial: await db.annotations.toArray(),
      save: annotationSaver(db),
      onChange: (list) => (shown = list),
      debounceMs: 0,
    });
    tab.hold('comment'); // Sửa pressed
    await moveAnnotations(db, [{ id: 'comment', patch: { docId: 'v3' } }]);
    tab.sync(await db.annotations.where('docId').equals('v2').toArray());
    expect(tab.list().map((a) => a.id)).toEqual(['comment']); // still being edited here
    tab.update('comment', { body: 'đã sửa' }); // Lưu
    tab.hold(null);
    await tab.flush();
    expect(await db.annotations.get('comment')).toMatchObject({ docId: 'v3', body: 'đã sửa' });
    expect(shown).toEqual([]);
    // Still listed here, read-only, as this page showed it (on version 2).
    expect(tab.departed().map((a) => [a.id, a.docId])).toEqual([['comment', 'v2']]);
  });

  it('an edit the new version changed since is refused with what was typed, never written over', async () => {
    const db = freshDb();
    await db.annotations.add(on('comment', 'comment', 'một'));
    const refused: Refused[] = [];
    const tab = new AnnotationManager({
      initial: await db.annotations.toArray(),
      save: annotationSaver(db),
      onChange: () => undefined,
      onRefused: (r) => refused.push(...r),
      debounceMs: 0,
    });
    tab.hold('comment');
    await moveAnnotations(db, [{ id: 'comment', patch: { docId: 'v3' } }]);
    // In the tab on version 3, the delegate changes the text first.
    const onV3 = (await db.annotations.get('comment'))!;
    await annotationSaver(db)([{ kind: 'update', seen: onV3, next: { ...onV3, body: 'ba' } }]);
    tab.update('comment', { body: 'hai' });
    tab.hold(null);
    await tab.flush();

    expect(await db.annotations.get('comment')).toMatchObject({ docId: 'v3', body: 'ba' });
    expect(refused).toMatchObject([
      { id: 'comment', reason: 'changed', current: { docId: 'v3' }, tried: { body: 'hai' } },
    ]);
    expect(tab.list()).toEqual([]);
    expect(tab.departed().map((a) => a.id)).toEqual(['comment']);
  });
});
