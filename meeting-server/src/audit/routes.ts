// GET /api/admin/audit: the audit log for administrators, newest first, by meeting and paged.
// There is no route that changes or deletes entries, and the database refuses it anyway.
import { staffRoutes as api } from '../../../shared/routes/staff';
import type { Queryable } from '../db/database';
import { defineRoute, type RouteDef } from '../http/route';
import { listAudit } from './audit';

export function auditRoutes(deps: { db: Queryable }): RouteDef[] {
  return [defineRoute(api.auditLog, ({ query }) => listAudit(deps.db, query))];
}
