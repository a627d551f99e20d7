// The annotation manager: edits, undo/redo, and debounced saving through its callbacks.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Annotation } from '../db/db';
import { AnnotationManager, type NewAnnotation } from './annotation-manager';

const HIGHLIGHT: NewAnnotation = {
  docId: 'doc-1',
  kind: 'highlight',
  color: 'yellow',
  draftComment: false,
  target: {
    pageIndex: 0,
    rects: [[72, 700, 300, 712]],
    quote: { exact: 'dự toán ngân sách', prefix: 'Về ', suffix: ' địa phương' },
    position: { start: 40, end: 57 },
  },
};

function setup(initial: Annotation[] = []) {
  const saves: { put: Annotation[]; remove: string[] }[] = [];
  let lists: Annotation[][] = [];
  let ids = 0;
  let clock = 1000;
  let failNext = false;
  const states: string[] = [];
  const manager = new AnnotationManager({
    initial,
    save: async (changes) => {
      if (failNext) {
        failNext = false;
        throw new Error('QuotaExceededError');
      }
      // Recorded as what was written and deleted; the database accepts everything here.
      const put = changes.flatMap((c) =>
        c.kind === 'create' ? [c.record] : c.kind === 'update' ? [c.next] : [],
      );
      const remove = changes.flatMap((c) => (c.kind === 'remove' ? [c.seen.id] : []));
      saves.push({ put, remove });
      return {
        stored: new Map<string, Annotation | null>([
          ...put.map((a) => [a.id, a] as const),
          ...remove.map((id) => [id, null] as const),
        ]),
        refused: [],
      };
    },
    onChange: (list) => lists.push(list),
    onSaveState: (s) => states.push(s),
    now: () => ++clock,
    newId: () => `ann-${++ids}`,
    debounceMs: 400,
  });
  return {
    manager,
    saves,
    states,
    last: () => lists[lists.length - 1] ?? [],
    reset: () => (lists = []),
    failOnce: () => (failNext = true),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('AnnotationManager', () => {
  test('adding an annotation tells the UI at once and saves it after the debounce', async () => {
    const { manager, saves, last } = setup();
    const added = manager.add(HIGHLIGHT);
    expect(last()).toEqual([added]);
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(400);
    expect(saves).toEqual([{ put: [added], remove: [] }]);
  });

  test('several quick edits are saved together in one write', async () => {
    const { manager, saves } = setup();
    const a = manager.add(HIGHLIGHT);
    manager.update(a.id, { kind: 'comment', body: 'Đề nghị làm rõ', draftComment: true });
    manager.update(a.id, { color: 'pink' });
    await vi.advanceTimersByTimeAsync(400);
    expect(saves).toHaveLength(1);
    expect(saves[0]!.put).toMatchObject([
      { id: a.id, kind: 'comment', body: 'Đề nghị làm rõ', draftComment: true, color: 'pink' },
    ]);
  });

  test('undo of a deletion brings the annotation back and saves it again', async () => {
    const { manager, saves, last } = setup();
    const a = manager.add(HIGHLIGHT);
    await vi.advanceTimersByTimeAsync(400);
    manager.remove(a.id);
    await vi.advanceTimersByTimeAsync(400);
    expect(saves[1]).toEqual({ put: [], remove: [a.id] });
    expect(manager.undo()).toBe(true);
    expect(last()).toEqual([a]);
    await vi.advanceTimersByTimeAsync(400);
    expect(saves[2]).toEqual({ put: [a], remove: [] });
  });

  test('undo of an edit restores the earlier text; redo applies it again', () => {
    const { manager } = setup();
    const a = manager.add({ ...HIGHLIGHT, kind: 'comment', body: 'Bản đầu' });
    manager.update(a.id, { body: 'Bản sửa' });
    manager.undo();
    expect(manager.get(a.id)?.body).toBe('Bản đầu');
    manager.redo();
    expect(manager.get(a.id)?.body).toBe('Bản sửa');
  });

  test('undo of an addition removes it; a new action clears redo', () => {
    const { manager } = setup();
    const a = manager.add(HIGHLIGHT);
    manager.undo();
    expect(manager.get(a.id)).toBeUndefined();
    expect(manager.canRedo).toBe(true);
    manager.add(HIGHLIGHT);
    expect(manager.canRedo).toBe(false);
    expect(manager.undo()).toBe(true);
    expect(manager.undo()).toBe(false);
  });

  test('a failed save is retried and nothing is lost', async () => {
    const { manager, saves, states, failOnce } = setup();
    failOnce();
    const a = manager.add(HIGHLIGHT);
    await vi.advanceTimersByTimeAsync(400);
    expect(states).toEqual(['pending', 'saving', 'pending', 'error']);
    await vi.advanceTimersByTimeAsync(400);
    expect(saves).toEqual([{ put: [a], remove: [] }]);
    expect(states.at(-1)).toBe('saved');
  });

  test('the save state says "pending" from the change until it is written', async () => {
    const { manager, states } = setup();
    manager.add(HIGHLIGHT);
    expect(states).toEqual(['pending']);
    await vi.advanceTimersByTimeAsync(400);
    expect(states).toEqual(['pending', 'saving', 'saved']);
  });

  test('flush saves pending changes at once (page closing)', async () => {
    const { manager, saves } = setup();
    manager.add(HIGHLIGHT);
    await manager.flush();
    expect(saves).toHaveLength(1);
  });

  test('re-anchoring adjustments are saved but are not undone by the user’s undo', async () => {
    const existing: Annotation = { ...HIGHLIGHT, id: 'old', createdAt: 1, updatedAt: 1 };
    const { manager, saves } = setup([existing]);
    manager.adjust('old', { orphaned: true });
    expect(manager.canUndo).toBe(false);
    await vi.advanceTimersByTimeAsync(400);
    expect(saves[0]!.put).toMatchObject([{ id: 'old', orphaned: true }]);
  });

  test('the list is ordered by page, then from the top of the page', () => {
    const { manager } = setup();
    const low = manager.add({
      ...HIGHLIGHT,
      target: { ...HIGHLIGHT.target, rects: [[0, 100, 10, 110]] },
    });
    const high = manager.add(HIGHLIGHT);
    const next = manager.add({ ...HIGHLIGHT, target: { ...HIGHLIGHT.target, pageIndex: 1 } });
    expect(manager.list().map((a) => a.id)).toEqual([high.id, low.id, next.id]);
  });
});
