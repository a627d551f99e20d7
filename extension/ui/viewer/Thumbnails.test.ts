// The thumbnail queue: draws what is in view, most recent first, one at a time, and only when
// pdf.js's rendering queue asks (the main view has nothing left to draw).
import { describe, expect, it } from 'vitest';
import { ThumbnailQueue } from './Thumbnails';

function setup() {
  const drawn: number[] = [];
  const finish: (() => void)[] = [];
  let turns = 0;
  const queue = new ThumbnailQueue(
    (n) =>
      new Promise<void>((resolve) => {
        drawn.push(n);
        finish.push(resolve);
      }),
    () => turns++,
  );
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { queue, drawn, finish, turns: () => turns, settle };
}

describe('ThumbnailQueue', () => {
  it('draws nothing until the rendering queue gives it a turn', () => {
    const { queue, drawn, turns } = setup();
    queue.want(1);
    queue.want(2);
    expect(drawn).toEqual([]);
    expect(turns()).toBeGreaterThan(0); // it asked for a turn
  });

  it('draws the most recently wanted page first, one at a time, and hands the turn back', async () => {
    const { queue, drawn, finish, turns, settle } = setup();
    [1, 2, 3].forEach((n) => queue.want(n));
    expect(queue.forceRendering()).toBe(true);
    expect(queue.forceRendering()).toBe(true); // still busy: no second drawing at once
    expect(drawn).toEqual([3]);
    const before = turns();
    finish[0]!();
    await settle();
    expect(turns()).toBe(before + 1);
    queue.forceRendering();
    expect(drawn).toEqual([3, 2]);
  });

  it('forgets pages scrolled away, never draws a page twice, and has no work when done', async () => {
    const { queue, drawn, finish, settle } = setup();
    queue.want(1);
    queue.want(2);
    queue.unwant(2);
    queue.forceRendering();
    finish[0]!();
    await settle();
    queue.want(1);
    expect(queue.forceRendering()).toBe(false);
    expect(drawn).toEqual([1]);
  });

  it('stops when the panel closes', () => {
    const { queue, drawn } = setup();
    queue.want(5);
    queue.stop();
    expect(queue.forceRendering()).toBe(false);
    expect(drawn).toEqual([]);
  });
});
