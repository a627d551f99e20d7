// The live meeting, assembled: the in-meeting routes, the LiveKit webhook route, the
// broadcaster, and the background sweeper that ends speaking timers and timed votes.
import type { Express } from 'express';
import type { Db } from '../db/database';
import { sweepFloors } from '../floor/service';
import { withDefaults, type RateLimits } from '../http/rate-limits';
import type { LiveKit } from '../livekit/livekit';
import { sweepMotions } from '../votes/service';
import { createBroadcaster, type Broadcaster } from './broadcast';
import type { LiveDeps } from '../live/context';
import type { RouteDef } from '../http/route';
import { meetingRoutes } from './routes';

export interface Live {
  /** The in-meeting routes and the LiveKit webhook. */
  routes: RouteDef[];
  deps: LiveDeps;
  broadcaster: Broadcaster;
  /** One pass of the sweeper (timers that ran out); returns how many things it ended. */
  sweep(): Promise<number>;
  /** Stops the background sweeper and waits for pending announcements. */
  stop(): Promise<void>;
}

export function createLive(opts: {
  db: Db;
  livekit: LiveKit;
  now: () => number;
  log: (err: unknown) => void;
  /** How often the sweeper runs, ms; 0 = never (tests call `sweep()` themselves). */
  sweepIntervalMs?: number;
  /** RATE_LIMIT_* (hands); each missing one takes its default. */
  rateLimits?: Partial<RateLimits>;
}): Live {
  const broadcaster = createBroadcaster(opts);
  const deps: LiveDeps = {
    db: opts.db,
    livekit: opts.livekit,
    now: opts.now,
    log: opts.log,
    rateLimits: withDefaults(opts.rateLimits),
    changed: (id, o) => broadcaster.changed(id, o),
  };
  const sweep = async () => (await sweepFloors(deps)) + (await sweepMotions(deps));
  const interval = opts.sweepIntervalMs ?? 1000;
  let running = false;
  const timer =
    interval > 0
      ? setInterval(() => {
          if (running) return;
          running = true;
          sweep()
            .catch(opts.log)
            .finally(() => (running = false));
        }, interval)
      : undefined;
  timer?.unref();
  return {
    routes: meetingRoutes(deps),
    deps,
    broadcaster,
    sweep,
    async stop() {
      if (timer) clearInterval(timer);
      await broadcaster.idle();
    },
  };
}

/** The Live instance createApp attached to an app (tests stop it before closing the database). */
export function liveOf(app: Express): Live {
  return app.locals.live as Live;
}
