// @vitest-environment happy-dom
// The shared ballot as both meeting clients render it: what it shows is what the server answered
// (my-ballot, then the receipt), a retry of the same choice reuses its idempotency key (the same
// ballot), a new choice gets a new one, a ballot that may not change locks the buttons, a reconnect
// reads back a ballot whose answer was lost, and the words follow the language.
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { BallotReceipt, CastBallot, Motion, MyBallot } from '../meeting';
import { ClientError } from '../meeting-client';
import type { Lang } from '../meeting-words';
import { VotePanel } from './VotePanel';

const motion = (over: Partial<Motion> = {}): Motion => ({
  id: 'm1',
  encrypted: false,
  agendaItemId: null,
  title: 'Thông qua dự toán ngân sách',
  text: 'Hội đồng biểu quyết dự toán.',
  kind: 'standard',
  secret: false,
  rule: 'majority_of_all',
  allowChange: true,
  presentOnly: false,
  officials: [],
  posts: null,
  dismissalTarget: null,
  status: 'open',
  openedAt: '2026-01-01T08:00:00.000Z',
  closesAt: null,
  closedAt: null,
  eligibleCount: 3,
  castCount: 0,
  result: null,
  ...over,
});

/** The server side of the ballot: answers in order, records every cast it accepts. */
function server(
  answers: (BallotReceipt | Error)[],
  mine: MyBallot = { voted: false, choice: null },
) {
  const casts: CastBallot[] = [];
  const recorded = { mine };
  return {
    casts,
    recorded,
    calls: {
      myBallot: () => Promise.resolve(recorded.mine),
      castBallot: (_id: string, b: CastBallot) => {
        casts.push(b);
        const next = answers.shift()!;
        return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
      },
    },
  };
}

const never = () => Promise.reject(new Error('not part of a ballot'));

/** Lets effects run and the answers arrive, as a browser would between two clicks. */
const flush = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));

async function mount(m: Motion, calls: ReturnType<typeof server>['calls'], lang: Lang = 'vi') {
  const root = document.createElement('div');
  document.body.append(root);
  const reports: string[] = [];
  /** Renders again, as the page does when its live meeting's `resync` changes (a reconnect). */
  const rerender = (resync: number) =>
    act(() => {
      render(
        h(VotePanel, {
          lang,
          motion: m,
          live: {
            identity: 'member:b',
            role: 'member',
            api: { ...calls, raiseHand: never, lowerHand: never, confirmRollCall: never },
            accept: () => undefined,
            offset: { value: 0 },
            report: (_k, t) => reports.push(t),
            resync: { value: resync },
          },
        }),
        root,
      );
    });
  await rerender(0);
  await flush();
  const button = (name: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent?.includes(name))!;
  const receipt = () => root.querySelector('[data-testid="ballot-receipt"]')!.textContent;
  return { root, reports, button, receipt, rerender };
}

const receipt = (choice: 'for' | 'against'): BallotReceipt => ({
  motionId: 'm1',
  accepted: true,
  choice,
  castAt: '2026-01-01T08:01:02.000Z',
});

describe('VotePanel', () => {
  it('shows the ballot as the server recorded it, not the button pressed', async () => {
    const s = server([receipt('for')]);
    const ui = await mount(motion(), s.calls);
    expect(ui.receipt()).toBe('Bạn chưa biểu quyết.');
    ui.button('Không tán thành').click();
    await flush();
    expect(s.casts[0]?.choice).toBe('against');
    // The server's receipt says "for": that is what the delegate is told.
    expect(ui.receipt()).toMatch(/^Máy chủ đã ghi nhận: Tán thành \(lúc .+\)\.$/);
    expect(ui.button('Tán thành').getAttribute('aria-pressed')).toBe('true');
    expect(ui.reports).toEqual([ui.receipt()]);
  });

  it('retries the same choice with the same key, and a new choice with a new key', async () => {
    const s = server([
      new ClientError('Không kết nối được tới máy chủ họp.', 'network'),
      receipt('for'),
      receipt('against'),
    ]);
    const ui = await mount(motion(), s.calls);
    ui.button('Tán thành').click();
    await flush();
    expect(ui.root.querySelector('[role="alert"]')?.textContent).toBe(
      'Không kết nối được tới máy chủ họp.',
    );
    ui.button('Tán thành').click();
    await flush();
    ui.button('Không tán thành').click();
    await flush();
    const [first, retry, change] = s.casts.map((c) => c.idempotencyKey);
    expect(retry).toBe(first);
    expect(change).not.toBe(first);
    expect(ui.root.querySelector('[role="alert"]')).toBeNull();
  });

  it('reads back an earlier ballot and locks the choices when it may not change', async () => {
    const s = server([], { voted: true, choice: 'for' });
    const ui = await mount(motion({ allowChange: false }), s.calls);
    expect(ui.receipt()).toBe('Máy chủ đã ghi nhận phiếu của bạn: Tán thành.');
    expect(ui.button('Không biểu quyết').disabled).toBe(true);
  });

  it('after a reconnect, reads back a ballot whose answer was lost with the network', async () => {
    const s = server([new ClientError('Không kết nối được tới máy chủ họp.', 'network')]);
    const ui = await mount(motion(), s.calls);
    ui.button('Tán thành').click();
    await flush();
    expect(ui.root.querySelector('[role="alert"]')).not.toBeNull();
    expect(ui.receipt()).toBe('Bạn chưa biểu quyết.');
    // The request did reach the server; only its answer was lost.
    s.recorded.mine = { voted: true, choice: 'for' };
    await ui.rerender(1);
    await flush();
    expect(ui.receipt()).toBe('Máy chủ đã ghi nhận phiếu của bạn: Tán thành.');
    expect(ui.root.querySelector('[role="alert"]')).toBeNull();
    expect(ui.button('Tán thành').getAttribute('aria-pressed')).toBe('true');
  });

  it('speaks English when asked', async () => {
    const ui = await mount(motion({ secret: true }), server([]).calls, 'en');
    expect(ui.root.textContent).toContain('Please vote · Secret ballot');
    expect(ui.button('In favour')).toBeDefined();
    expect(ui.receipt()).toBe('You have not voted yet.');
  });

  it('an election ballot keeps or strikes each candidate and always shows how many are kept', async () => {
    const secret: BallotReceipt = {
      motionId: 'm1',
      accepted: true,
      castAt: '2026-01-01T08:01:02.000Z',
    };
    const s = server([secret]);
    const m = motion({
      kind: 'election',
      secret: true,
      allowChange: false,
      officials: ['Trần Văn A', 'constructor'],
      posts: 1,
    });
    const ui = await mount(m, s.calls);
    const count = () => ui.root.querySelector('[data-testid="keep-count"]')!.textContent;
    expect(count()).toBe('Giữ lại tối đa 1 người (gạch tên những người còn lại). Đang giữ lại: 2.');
    expect(ui.root.querySelector('[role="alert"]')!.textContent).toContain('KHÔNG HỢP LỆ');
    const radios = [...ui.root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    // Strike "constructor" (its second radio): one kept, no warning.
    await act(() => {
      radios[3]!.click();
    });
    expect(count()).toContain('Đang giữ lại: 1.');
    expect(ui.root.querySelector('[role="alert"]')).toBeNull();
    ui.button('Gửi phiếu bầu').click();
    await flush();
    expect(s.casts[0]).toMatchObject({ keep: ['Trần Văn A'] });
    expect(ui.receipt()).toMatch(/^Máy chủ đã ghi nhận phiếu kín của bạn/);
    expect(ui.button('Gửi phiếu bầu').disabled).toBe(true);
  });

  it('a no-confidence ballot needs a choice for every official, by name even "constructor"', async () => {
    const s = server([{ motionId: 'm1', accepted: true, castAt: '2026-01-01T08:01:02.000Z' }]);
    const m = motion({ kind: 'no_confidence', secret: true, officials: ['constructor', 'B'] });
    const ui = await mount(m, s.calls);
    const radios = [...ui.root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    await act(() => {
      radios[1]!.click();
    });
    ui.button('Gửi phiếu tín nhiệm').click();
    await flush();
    expect(s.casts).toHaveLength(0);
    expect(ui.root.querySelector('[role="alert"]')!.textContent).toContain('Không tín nhiệm');
    await act(() => {
      radios[2]!.click();
    });
    ui.button('Gửi phiếu tín nhiệm').click();
    await flush();
    expect(s.casts[0]!.noConfidence).toEqual({ constructor: 'no_trust', B: 'trust' });
  });
});
