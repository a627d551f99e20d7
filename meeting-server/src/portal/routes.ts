// The public page's routes and the public petition routes: read-only, no cookie, each counted per
// IP under the same limit as joining (RATE_LIMIT_JOIN_IP), so nobody can crawl reference numbers.
import type { Request } from 'express';
import { portalRoutes as api } from '../../../shared/routes/portal';
import type { Db } from '../db/database';
import { enforce } from '../http/rate-limit';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../http/rate-limits';
import { defineRoute, type RouteDef, type RouteOptions } from '../http/route';
import { portal, portalCouncils } from './service';

export interface PortalDeps {
  db: Db;
  secret: string;
  now: () => number;
  publicUrl: (req: Request) => string;
  rateLimits?: RateLimits;
}

/** The per-IP count every public read of the portal goes through. */
export const publicReads = (deps: Omit<PortalDeps, 'secret' | 'publicUrl'>): RouteOptions => ({
  before: (req) =>
    enforce(
      deps.db,
      `public-ip:${req.ip}`,
      (deps.rateLimits ?? DEFAULT_RATE_LIMITS).joinIp,
      deps.now(),
    ),
});

export function portalRoutes(deps: PortalDeps): RouteDef[] {
  return [
    defineRoute(api.portalCouncils, () => portalCouncils(deps.db), publicReads(deps)),
    defineRoute(
      api.portal,
      ({ req, params }) =>
        portal(
          deps.db,
          { secret: deps.secret, publicUrl: deps.publicUrl(req) },
          params.councilId,
          deps.now(),
        ),
      publicReads(deps),
    ),
  ];
}
