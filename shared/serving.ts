// How many delegates of a council are serving on a given day, as the live meeting counts them
// (meeting-server/src/live/state.ts, docs/voting-rules.md): the number elected, less the members
// whose term ended on or before that day, and never fewer than the serving member records.
import type { Member } from './admin';

/** True while the member's term has not ended by `day` (YYYY-MM-DD). */
export const isServing = (m: Pick<Member, 'termEnd'>, day: string): boolean =>
  !m.termEnd || m.termEnd.on > day;

export function servingDelegates(
  totalMembers: number,
  members: Pick<Member, 'termEnd'>[],
  day: string,
): number {
  const ended = members.filter((m) => !isServing(m, day)).length;
  const records = members.length - ended;
  return Math.max(totalMembers - ended, records);
}

/** Today's date in Vietnam (UTC+7, no daylight saving), YYYY-MM-DD. */
export const vietnamToday = (nowMs = Date.now()): string =>
  new Date(nowMs + 7 * 3_600_000).toISOString().slice(0, 10);
