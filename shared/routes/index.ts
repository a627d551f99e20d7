// Every route of the meeting server, by name: the one list the server mounts, docs/api.md renders
// and the role matrix is read from (a test keeps the mounted routes equal to it).
import type { Role } from '../domain';
import { adminRoutes } from './admin';
import { joiningRoutes } from './joining';
import { leaveRoutes } from './leave';
import { meetingRoutes } from './meeting';
import { memberImportRoutes } from './member-import';
import { minutesRoutes } from './minutes';
import { participationRoutes } from './participation';
import { packageRoutes } from './packages';
import { petitionRoutes } from './petitions';
import { portalRoutes } from './portal';
import type { RouteContract } from './route';
import { secretBallotRoutes } from './secret-ballot';
import { staffRoutes } from './staff';

export * from './route';
export { adminRoutes, joiningRoutes, meetingRoutes, minutesRoutes, packageRoutes, petitionRoutes };
export { leaveRoutes, memberImportRoutes, participationRoutes, portalRoutes };
export { secretBallotRoutes, staffRoutes };

/** Every route contract, keyed by its name (names are unique across domains). */
export const API = {
  ...joiningRoutes,
  ...meetingRoutes,
  ...secretBallotRoutes,
  ...petitionRoutes,
  ...leaveRoutes,
  ...minutesRoutes,
  ...participationRoutes,
  ...staffRoutes,
  ...adminRoutes,
  ...memberImportRoutes,
  ...packageRoutes,
  ...portalRoutes,
};
export type RouteName = keyof typeof API;

/** A contract with its name. */
export type NamedRoute = RouteContract & { name: RouteName };

/** Every route, in the order of the API reference. */
export const ROUTES: NamedRoute[] = Object.entries(API).map(([name, c]) => ({
  ...(c as RouteContract),
  name: name as RouteName,
}));

/** The in-meeting role matrix: which participant roles may call each participant route. */
export const ROLE_MATRIX = Object.fromEntries(
  ROUTES.filter((r) => r.roles).map((r) => [r.name, r.roles!]),
) as Record<RouteName, readonly Role[]>;
