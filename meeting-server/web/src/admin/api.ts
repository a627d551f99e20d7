// The staff app's calls to the meeting server (same origin, session cookie), each made through the
// route contracts of shared/routes with the typed client, so the app uses only the documented
// API; every write echoes the session's CSRF token.
import { CSRF_HEADER, type StaffSession } from '../../../../shared/admin';
import { apiClient, pathOf, type CallArgs } from '../../../../shared/api-client';
import { ImportPreview, type ImportRow } from '../../../../shared/member-import';
import { ClientError, meetingClient } from '../../../../shared/meeting-client';
import { adminRoutes as admin } from '../../../../shared/routes/admin';
import { memberImportRoutes as imports } from '../../../../shared/routes/member-import';
import type { RouteContract } from '../../../../shared/routes/route';
import { staffRoutes as staff } from '../../../../shared/routes/staff';
import { lang } from './i18n';

export { ClientError };

let csrf = '';
/** The signed-in session's CSRF token (for requests not made through the typed client). */
export const csrfToken = () => csrf;
const transport = meetingClient({ base: '', lang: () => lang.value });
const withCsrf = (init: RequestInit = {}): RequestInit =>
  init.method && init.method !== 'GET'
    ? { ...init, headers: { ...init.headers, [CSRF_HEADER]: csrf } }
    : init;
const client = apiClient({
  send: (path, init, token) => transport.send(path, withCsrf(init), token),
  call: (schema, path, init, token) => transport.call(schema, path, withCsrf(init), token),
});

/** Calls a route of the meeting server by its contract. */
export const call = <C extends RouteContract>(c: C, args: CallArgs<C>) => client.call(c, args);

/** Remembers the CSRF token of the signed-in session (from sign-in, setup or /me). */
function adopt(s: StaffSession): StaffSession {
  csrf = s.csrfToken;
  return s;
}

const m = (meetingId: string) => ({ meetingId });
const c = (councilId: string) => ({ councilId });

export const staffApi = {
  me: async () => adopt(await call(staff.me, {})),
  signIn: async (body: { email: string; password: string }) =>
    adopt(await call(staff.login, { body })),
  signOut: () => call(staff.logout, {}),
  checkSetup: (token: string) => call(staff.checkSetup, { body: { token } }),
  completeSetup: async (body: {
    token: string;
    fullName: string;
    email: string;
    password: string;
  }) => adopt(await call(staff.completeSetup, { body })),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    call(staff.changePassword, { body }),
  staffUsers: () => call(staff.staffUsers, {}),
  createStaffUser: (body: CallArgs<typeof staff.createStaffUser>['body']) =>
    call(staff.createStaffUser, { body }),
  councils: () => call(admin.councils, {}),
  createCouncil: (body: CallArgs<typeof admin.createCouncil>['body']) =>
    call(admin.createCouncil, { body }),
  updateCouncil: (id: string, body: CallArgs<typeof admin.updateCouncil>['body']) =>
    call(admin.updateCouncil, { params: c(id), body }),
  council: (id: string) => call(admin.council, { params: c(id) }),
  members: (id: string) => call(admin.members, { params: c(id) }),
  addMember: (id: string, body: CallArgs<typeof admin.addMember>['body']) =>
    call(admin.addMember, { params: c(id), body }),
  bodies: (id: string) => call(admin.bodies, { params: c(id) }),
  createBody: (id: string, body: CallArgs<typeof admin.createBody>['body']) =>
    call(admin.createBody, { params: c(id), body }),
  setBodyMembers: (bodyId: string, memberIds: string[]) =>
    call(admin.setBodyMembers, { params: { bodyId }, body: { memberIds } }),
  meetings: (id: string) => call(admin.meetings, { params: c(id) }),
  createMeeting: (id: string, body: CallArgs<typeof admin.createMeeting>['body']) =>
    call(admin.createMeeting, { params: c(id), body }),
  meeting: (id: string) => call(admin.meeting, { params: m(id) }),
  updateMeeting: (id: string, body: CallArgs<typeof admin.updateMeeting>['body']) =>
    call(admin.updateMeeting, { params: m(id), body }),
  setAgenda: (id: string, items: { id?: string; title: string }[]) =>
    call(admin.setAgenda, { params: m(id), body: { items } }),
  invitations: (id: string) => call(admin.invitations, { params: m(id) }),
  issueInvitation: (id: string, body: CallArgs<typeof admin.issueInvitation>['body']) =>
    call(admin.issueInvitation, { params: m(id), body }),
  issueBodyInvitations: (id: string) => call(admin.inviteBody, { params: m(id), body: {} }),
  revokeInvitation: (meetingId: string, invitationId: string) =>
    call(admin.revokeInvitation, { params: { meetingId, invitationId } }),
  /** The preview of a member list file: its bytes are the body (the route reads no JSON). */
  previewImport: (councilId: string, file: File) =>
    transport.call(
      ImportPreview,
      pathOf(imports.previewMemberImport, { params: c(councilId) }),
      withCsrf({ method: 'POST', headers: { 'content-type': spreadsheetType(file) }, body: file }),
    ),
  confirmImport: (councilId: string, rows: ImportRow[]) =>
    call(imports.confirmMemberImport, {
      params: c(councilId),
      body: { rows: rows.map((r) => ({ line: r.line, values: r.values })) },
    }),
  /** Same-origin GET links (the session cookie goes with them; GET needs no CSRF). */
  lettersUrl: (meetingId: string) => pathOf(imports.invitationLetters, { params: m(meetingId) }),
  linksCsvUrl: (meetingId: string) => pathOf(imports.invitationLinks, { params: m(meetingId) }),
};

/** The Content-Type of a chosen file (browsers leave .csv untyped on some systems). */
function spreadsheetType(file: File): string {
  if (file.type) return file.type;
  return /\.csv$/i.test(file.name)
    ? 'text/csv'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
}
