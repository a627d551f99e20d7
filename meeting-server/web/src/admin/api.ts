// The staff app's calls to the meeting server (same origin, session cookie): the shared typed
// client with this page's language, plus the CSRF header every staff write must echo.
import type {
  ChangePassword,
  CompleteSetup,
  CreateCouncil,
  CreateStaffUser,
  UpdateCouncil,
} from '../../../../shared/admin';
import {
  Council,
  CouncilList,
  Ok,
  SetupStatus,
  StaffSession,
  StaffUser,
  StaffUserList,
  CSRF_HEADER,
  type StaffLogin,
} from '../../../../shared/admin';
import { ClientError, meetingClient } from '../../../../shared/meeting-client';
import type { z } from '../../../../shared/zod';
import { lang } from './i18n';

export { ClientError };

const client = meetingClient({ base: '', lang: () => lang.value });
let csrf = '';

/** Remembers the CSRF token of the signed-in session (from sign-in, setup or /me). */
export function adoptSession(s: StaffSession): StaffSession {
  csrf = s.csrfToken;
  return s;
}

const read = <S extends z.ZodType>(schema: S, path: string) => client.call(schema, path);
const write = <S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown) =>
  client.call(schema, path, {
    ...client.json(method, body),
    headers: { [CSRF_HEADER]: csrf },
  });

export const staffApi = {
  me: async () => adoptSession(await read(StaffSession, '/api/staff/me')),
  signIn: async (body: StaffLogin) =>
    adoptSession(await write(StaffSession, 'POST', '/api/staff/login', body)),
  signOut: () => write(Ok, 'POST', '/api/staff/logout'),
  checkSetup: (token: string) => write(SetupStatus, 'POST', '/api/setup/check', { token }),
  completeSetup: async (body: CompleteSetup) =>
    adoptSession(await write(StaffSession, 'POST', '/api/setup', body)),
  changePassword: (body: ChangePassword) => write(Ok, 'POST', '/api/staff/password', body),
  staffUsers: () => read(StaffUserList, '/api/staff/users'),
  createStaffUser: (body: z.input<typeof CreateStaffUser>) =>
    write(StaffUser, 'POST', '/api/staff/users', body),
  councils: () => read(CouncilList, '/api/admin/councils'),
  createCouncil: (body: CreateCouncil) => write(Council, 'POST', '/api/admin/councils', body),
  updateCouncil: (id: string, body: z.input<typeof UpdateCouncil>) =>
    write(Council, 'PATCH', `/api/admin/councils/${encodeURIComponent(id)}`, body),
};
