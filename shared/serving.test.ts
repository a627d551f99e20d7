// The number of serving delegates the staff app shows: a term ending changes it from that day on.
import { describe, expect, it } from 'vitest';
import { isServing, servingDelegates, vietnamToday } from './serving';

const ended = (on: string) => ({ termEnd: { on, reason: 'resigned' as const } });
const serving = { termEnd: null };

describe('serving delegates', () => {
  it('counts a member whose term ends as serving until the day before, not from that day', () => {
    expect(isServing(ended('2026-12-10'), '2026-12-09')).toBe(true);
    expect(isServing(ended('2026-12-10'), '2026-12-10')).toBe(false);
    const members = [serving, serving, ended('2026-12-10')];
    expect(servingDelegates(25, members, '2026-12-09')).toBe(25);
    expect(servingDelegates(25, members, '2026-12-10')).toBe(24);
  });

  it('never counts fewer than the serving member records (a by-election entered first)', () => {
    expect(
      servingDelegates(2, [serving, serving, serving, ended('2026-01-01')], '2026-12-01'),
    ).toBe(3);
  });

  it('takes the day in Vietnam: 17:00 UTC is already the next day there', () => {
    expect(vietnamToday(Date.parse('2026-12-09T16:59:00Z'))).toBe('2026-12-09');
    expect(vietnamToday(Date.parse('2026-12-09T17:00:00Z'))).toBe('2026-12-10');
  });
});
