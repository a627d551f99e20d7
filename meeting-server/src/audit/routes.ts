// GET /api/admin/audit: the audit log for administrators, newest first, by meeting and paged.
// There is no route that changes or deletes entries, and the database refuses it anyway.
import { Router } from 'express';
import { AuditQuery } from '../../../shared/admin';
import { parse } from '../http/errors';
import { requireStaff, type StaffDeps } from '../staff/session';
import { listAudit } from './audit';

export function auditRouter(deps: StaffDeps): Router {
  const r = Router();
  r.get('/api/admin/audit', requireStaff(deps, { admin: true }), async (req, res) => {
    res.json(await listAudit(deps.db, parse(AuditQuery, req.query)));
  });
  return r;
}
