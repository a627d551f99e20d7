// The annotation store under interleaved writers (fast-check): tabs holding revisions of any age
// edit, delete and create while new versions move records and a backup is restored. Whatever the
// order, a stale writer never moves a record back, never resurrects one, never drops one it did not
// see last, and an edit is either applied on the record as it is now or refused, never lost in
// between; the sequence of issue #22 (edit in a tab left on the old version) is one case.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../db/db';
import { freshDb } from '../testing/corpus';
import { applyAnnotationChanges, moveAnnotations } from './store';

const IDS = ['a', 'b', 'c'];
const TABS = 3;

const record = (id: string, docId: string, body: string): Annotation => ({
  id,
  docId,
  kind: 'comment',
  color: '#ffd400',
  body,
  draftComment: false,
  target: { pageIndex: 0, rects: [], quote: { exact: `câu ${id}`, prefix: '', suffix: '' } },
  createdAt: 1,
  updatedAt: 1,
});

type Op =
  | { op: 'read'; tab: number; id: string }
  | { op: 'edit'; tab: number; id: string; body: string }
  | { op: 'place'; tab: number; id: string; page: number }
  | { op: 'remove'; tab: number; id: string }
  | { op: 'create'; tab: number; id: string }
  | { op: 'move'; id: string; version: number }
  | { op: 'backup' }
  | { op: 'restore' };

const tab = fc.integer({ min: 0, max: TABS - 1 });
const id = fc.constantFrom(...IDS);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('read' as const), tab, id }),
  fc.record({ op: fc.constant('edit' as const), tab, id, body: fc.constantFrom('x', 'y', 'z') }),
  fc.record({ op: fc.constant('place' as const), tab, id, page: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('remove' as const), tab, id }),
  fc.record({ op: fc.constant('create' as const), tab, id }),
  fc.record({ op: fc.constant('move' as const), id, version: fc.integer({ min: 2, max: 4 }) }),
  fc.constant({ op: 'backup' as const }),
  fc.constant({ op: 'restore' as const }),
);

describe('annotation store', () => {
  it('a stale tab never moves back, resurrects, drops or loses a record', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30 }), async (ops) => {
        const db = freshDb();
        await db.annotations.bulkAdd(IDS.map((i) => ({ ...record(i, 'v1', 'gốc'), rev: 'r0' })));
        // What each tab last read of each record (what its page shows).
        const seen = Array.from({ length: TABS }, () => new Map<string, Annotation>());
        for (const t of seen) for (const a of await db.annotations.toArray()) t.set(a.id, a);
        let backup: Annotation[] | null = null;
        for (const o of ops) {
          const before =
            o.op === 'backup' || o.op === 'restore' ? undefined : await db.annotations.get(o.id);
          if (o.op === 'read') {
            if (before) seen[o.tab]!.set(o.id, before);
            else seen[o.tab]!.delete(o.id);
            continue;
          }
          if (o.op === 'move') {
            if (!before) continue;
            await moveAnnotations(db, [{ id: o.id, patch: { docId: `v${o.version}` } }]);
            expect((await db.annotations.get(o.id))?.docId).toBe(`v${o.version}`);
            continue;
          }
          if (o.op === 'backup') {
            backup = await db.annotations.toArray();
            continue;
          }
          if (o.op === 'restore') {
            if (!backup) continue;
            const restored = backup.map((a) => ({ ...a, rev: crypto.randomUUID() }));
            await db.transaction('rw', db.annotations, async () => {
              await db.annotations.clear();
              await db.annotations.bulkAdd(restored);
            });
            continue;
          }
          const view = seen[o.tab]!.get(o.id);
          if (o.op === 'create') {
            const fresh = record(o.id, 'v1', 'mới');
            const out = await applyAnnotationChanges(db, [{ kind: 'create', record: fresh }]);
            // Never two records under one id, never a record written over by a create.
            if (before) expect(out.refused.map((r) => r.reason)).toEqual(['exists']);
            expect(await db.annotations.get(o.id)).toMatchObject(before ?? { body: 'mới' });
            const now = await db.annotations.get(o.id);
            if (now) seen[o.tab]!.set(o.id, now);
            continue;
          }
          if (!view) continue; // the page shows no such record: nothing to act on
          if (o.op === 'remove') {
            const out = await applyAnnotationChanges(db, [{ kind: 'remove', seen: view }]);
            const after = await db.annotations.get(o.id);
            // Dropped only when the tab saw exactly the current record.
            if (before && before.rev !== view.rev) expect(after).toEqual(before);
            if (before && before.rev === view.rev) expect(after).toBeUndefined();
            expect(out.stored.size + out.refused.length).toBe(1);
            seen[o.tab]!.delete(o.id);
            continue;
          }
          const next =
            o.op === 'edit'
              ? { ...view, body: o.body, updatedAt: view.updatedAt + 1 }
              : {
                  ...view,
                  target: { ...view.target, pageIndex: o.page },
                  updatedAt: view.updatedAt + 1,
                };
          const out = await applyAnnotationChanges(db, [{ kind: 'update', seen: view, next }]);
          const after = await db.annotations.get(o.id);
          if (!before) {
            // Never resurrected.
            expect(after).toBeUndefined();
            expect(out.refused[0]?.reason).toBe('gone');
            continue;
          }
          // Never moved back to the version the tab saw.
          expect(after!.docId).toBe(before.docId);
          const noop = o.op === 'edit' ? view.body === o.body : view.target.pageIndex === o.page;
          if (out.refused.length || noop) {
            // Refused, or nothing changed from what the tab saw: the record is as it was.
            expect(after).toEqual(before);
          } else if (o.op === 'edit') {
            // The edit is on the record as it is now: same place, new text.
            expect(after).toMatchObject({ body: o.body, target: before.target });
            // Applied past a newer revision only when the text was still what the tab saw.
            if (before.rev !== view.rev) expect(before.body).toBe(view.body);
          } else {
            expect(after!.target.pageIndex).toBe(o.page);
            if (before.rev !== view.rev) expect(before.docId).toBe(view.docId);
          }
          if (after) seen[o.tab]!.set(o.id, after);
        }
        db.close();
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('the issue’s sequence: an edit in the tab left on version 2 lands on version 3', async () => {
    const db = freshDb();
    await db.annotations.add({ ...record('a', 'v2', 'góp ý cũ'), rev: 'r0' });
    const oldTab = (await db.annotations.get('a'))!;
    await moveAnnotations(db, [{ id: 'a', patch: { docId: 'v3', orphaned: false } }]);
    const out = await applyAnnotationChanges(db, [
      { kind: 'update', seen: oldTab, next: { ...oldTab, body: 'góp ý mới', updatedAt: 9 } },
    ]);
    expect(out.refused).toEqual([]);
    expect(await db.annotations.get('a')).toMatchObject({ docId: 'v3', body: 'góp ý mới' });
    // Moving it back or deleting it from the old tab is refused: it is on version 3 now.
    const back = await applyAnnotationChanges(db, [
      {
        kind: 'update',
        seen: oldTab,
        next: { ...oldTab, target: { ...oldTab.target, pageIndex: 5 } },
      },
      { kind: 'remove', seen: oldTab },
    ]);
    expect(back.refused.map((r) => r.reason)).toEqual(['moved', 'moved']);
    expect(await db.annotations.get('a')).toMatchObject({ docId: 'v3', body: 'góp ý mới' });
  });
});
