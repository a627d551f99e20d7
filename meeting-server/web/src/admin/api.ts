// The staff app's calls to the meeting server (same origin, session cookie): the shared typed
// client with this page's language, plus the CSRF header every staff write must echo.
import type {
  ChangePassword,
  CompleteSetup,
  CreateBody,
  CreateCouncil,
  CreateMeeting,
  CreateMember,
  CreateStaffUser,
  IssueInvitation,
  MeetingSettings,
  UpdateCouncil,
} from '../../../../shared/admin';
import {
  Body,
  BodyList,
  Invitation,
  InvitationList,
  Meeting,
  MeetingList,
  Member,
  MemberList,
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
const enc = encodeURIComponent;

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
  council: (id: string) => read(Council, `/api/admin/councils/${enc(id)}`),
  members: (councilId: string) => read(MemberList, `/api/admin/councils/${enc(councilId)}/members`),
  addMember: (councilId: string, body: z.input<typeof CreateMember>) =>
    write(Member, 'POST', `/api/admin/councils/${enc(councilId)}/members`, body),
  updateMember: (id: string, body: Partial<CreateMember>) =>
    write(Member, 'PATCH', `/api/admin/members/${enc(id)}`, body),
  bodies: (councilId: string) => read(BodyList, `/api/admin/councils/${enc(councilId)}/bodies`),
  createBody: (councilId: string, body: z.input<typeof CreateBody>) =>
    write(Body, 'POST', `/api/admin/councils/${enc(councilId)}/bodies`, body),
  setBodyMembers: (bodyId: string, memberIds: string[]) =>
    write(Body, 'PUT', `/api/admin/bodies/${enc(bodyId)}/members`, { memberIds }),
  meetings: (councilId: string) =>
    read(MeetingList, `/api/admin/councils/${enc(councilId)}/meetings`),
  createMeeting: (councilId: string, body: z.input<typeof CreateMeeting>) =>
    write(Meeting, 'POST', `/api/admin/councils/${enc(councilId)}/meetings`, body),
  meeting: (id: string) => read(Meeting, `/api/admin/meetings/${enc(id)}`),
  updateMeeting: (
    id: string,
    body: { title?: string; startsAt?: string; settings?: Partial<MeetingSettings> },
  ) => write(Meeting, 'PATCH', `/api/admin/meetings/${enc(id)}`, body),
  setAgenda: (id: string, items: { id?: string; title: string }[]) =>
    write(Meeting, 'PUT', `/api/admin/meetings/${enc(id)}/agenda`, { items }),
  invitations: (meetingId: string) =>
    read(InvitationList, `/api/admin/meetings/${enc(meetingId)}/invitations`),
  issueInvitation: (meetingId: string, body: IssueInvitation) =>
    write(Invitation, 'POST', `/api/admin/meetings/${enc(meetingId)}/invitations`, body),
  issueBodyInvitations: (meetingId: string) =>
    write(InvitationList, 'POST', `/api/admin/meetings/${enc(meetingId)}/invitations/body`, {}),
  revokeInvitation: (meetingId: string, invitationId: string) =>
    write(
      Invitation,
      'POST',
      `/api/admin/meetings/${enc(meetingId)}/invitations/${enc(invitationId)}/revoke`,
    ),
};
