// Natural batching: a lone request goes at once; requests arriving meanwhile share the next batch;
// a failed batch fails only its own requests.
import { describe, expect, it } from 'vitest';
import { createBatcher } from './batch';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('createBatcher', () => {
  it('runs a lone request on the next turn, then groups those that arrived while it ran', async () => {
    const batches: number[][] = [];
    const first = gate();
    const b = createBatcher<number, number>(async (_key, items) => {
      batches.push(items);
      if (batches.length === 1) await first.opened;
      return items.map((i) => i * 10);
    });
    const a = b.run('m1', 1);
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1]]);
    const rest = [2, 3, 4].map((i) => b.run('m1', i));
    const other = b.run('m2', 9);
    first.open();
    expect(await a).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
    expect(await other).toBe(90);
    expect(batches).toEqual([[1], [9], [2, 3, 4]]);
  });

  it('splits a long queue into batches of at most `max`', async () => {
    const sizes: number[] = [];
    const b = createBatcher<number, number>(async (_key, items) => {
      sizes.push(items.length);
      await new Promise((r) => setTimeout(r, 1));
      return items;
    }, 4);
    const out = await Promise.all(Array.from({ length: 11 }, (_, i) => b.run('k', i)));
    expect(out).toEqual(Array.from({ length: 11 }, (_, i) => i));
    expect(sizes).toEqual([4, 4, 3]);
  });

  it('a failing batch rejects its own requests only; the next batch still runs', async () => {
    const first = gate();
    let calls = 0;
    const b = createBatcher<string, string>(async (_key, items) => {
      calls++;
      if (calls === 1) {
        await first.opened;
        throw new Error('database unreachable');
      }
      return items.map((i) => i.toUpperCase());
    });
    const failing = b.run('k', 'a');
    await new Promise((r) => setImmediate(r));
    const later = b.run('k', 'b');
    first.open();
    await expect(failing).rejects.toThrow('database unreachable');
    expect(await later).toBe('B');
  });
});
