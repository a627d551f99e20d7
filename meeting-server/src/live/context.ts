// What every live-meeting service is given: the database, LiveKit, the clock and a logger, plus the
// broadcaster that tells clients about each committed change.
import type { Db } from '../db/database';
import type { RateLimits } from '../http/rate-limits';
import type { LiveKit } from '../livekit/livekit';

export interface LiveDeps {
  db: Db;
  livekit: LiveKit;
  now: () => number;
  log: (err: unknown) => void;
  /** Limits on raised hands (per voter session, per public link and device); default: defaults. */
  rateLimits?: Pick<RateLimits, 'hand' | 'handDevice'>;
  /**
   * Called after a change to a meeting is committed. `soon`: the change may wait a moment to be
   * announced together with others (ballots: at most one count announcement per COALESCE_MS).
   */
  changed: (meetingId: string, opts?: { soon?: boolean }) => void;
}
