// Route contracts of staff accounts: sign-in, sign-out, who am I, the audit log, and (for
// administrators) staff accounts.
import * as admin from '../admin';
import { route } from './route';

const staff = 'secretariat staff';

export const staffRoutes = {
  auditLog: route({
    method: 'GET',
    path: '/api/admin/audit',
    auth: 'admin',
    who: 'administrator',
    summary:
      'The audit log, newest first: every chair, secretary and secretariat action with who, when, what and on which meeting (query `meetingId`, `before`, `limit`). Append-only; nothing can change it.',
    query: admin.AuditQuery,
    response: admin.AuditList,
  }),
  login: route({
    method: 'POST',
    path: '/api/staff/login',
    auth: 'public',
    who: 'secretariat staff (rate-limited per IP and e-mail)',
    summary: 'Sign in; sets the HttpOnly session cookie and the CSRF cookie.',
    body: admin.StaffLogin,
    response: admin.StaffSession,
  }),
  logout: route({
    method: 'POST',
    path: '/api/staff/logout',
    auth: 'staff',
    who: staff,
    summary: 'Sign out (ends the session).',
    response: admin.Ok,
  }),
  me: route({
    method: 'GET',
    path: '/api/staff/me',
    auth: 'staff',
    who: staff,
    summary: 'Who is signed in, and the CSRF token.',
    response: admin.StaffSession,
  }),
  staffUsers: route({
    method: 'GET',
    path: '/api/staff/users',
    auth: 'admin',
    who: 'administrator',
    summary: 'Staff accounts.',
    response: admin.StaffUserList,
  }),
  createStaffUser: route({
    method: 'POST',
    path: '/api/staff/users',
    auth: 'admin',
    who: 'administrator',
    summary: 'Create a staff account.',
    body: admin.CreateStaffUser,
    response: admin.StaffUser,
    status: 201,
  }),
  updateStaffUser: route({
    method: 'PATCH',
    path: '/api/staff/users/:userId',
    auth: 'admin',
    who: 'administrator',
    summary:
      'Lock or unlock another staff account, set its new password, or change whether it is an administrator; its sessions end. One’s own account and the last administrator cannot be locked or demoted.',
    body: admin.UpdateStaffUser,
    response: admin.StaffUser,
  }),
  changePassword: route({
    method: 'POST',
    path: '/api/staff/password',
    auth: 'staff',
    who: staff,
    summary: 'Change one’s own password (the current one is checked; other sessions end).',
    body: admin.ChangePassword,
    response: admin.Ok,
  }),
  checkSetup: route({
    method: 'POST',
    path: '/api/setup/check',
    auth: 'public',
    who: 'holder of the one-time setup link the server prints',
    summary: 'Whether the setup link can still create the first administrator.',
    body: admin.SetupCheck,
    response: admin.SetupStatus,
  }),
  completeSetup: route({
    method: 'POST',
    path: '/api/setup',
    auth: 'public',
    who: 'holder of the one-time setup link the server prints',
    summary: 'Create the first administrator through the setup link (single use) and sign in.',
    body: admin.CompleteSetup,
    response: admin.StaffSession,
    status: 201,
  }),
};
