// What every live-meeting service is given: the database, LiveKit, the clock and a logger, plus the
// broadcaster that tells clients about each committed change.
import type { Db } from '../db/database';
import type { LiveKit } from '../livekit/livekit';

export interface LiveDeps {
  db: Db;
  livekit: LiveKit;
  now: () => number;
  log: (err: unknown) => void;
  /** Called after a change to a meeting is committed. */
  changed: (meetingId: string) => void;
}
