// HTTP API contracts of the meeting server: request and response schemas shared with every client.
import { MeetingKind, MeetingStatus, Role } from './domain';
import { z } from './zod';

/** A signed invitation token as it appears in a join link (`/j/<token>`). */
export const InvitationToken = z
  .string()
  .min(10)
  .max(512)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'malformed invitation token');

/** What a join link leads to, shown in the lobby before joining. */
export const InvitationInfo = z.object({
  meeting: z.object({
    id: z.string(),
    title: z.string(),
    kind: MeetingKind,
    status: MeetingStatus,
    startsAt: z.string(),
    councilName: z.string(),
  }),
  role: Role,
  /** The invited person's name; null for a public voter link (the voter types a name). */
  name: z.string().nullable(),
  expiresAt: z.string(),
});
export type InvitationInfo = z.infer<typeof InvitationInfo>;

export const DisplayName = z.string().trim().min(1, 'name required').max(80, 'name too long');

export const JoinRequest = z.object({
  invitation: InvitationToken,
  /** Required for a public voter link; ignored for personal invitations. */
  name: DisplayName.optional(),
  ward: z.string().trim().max(120).optional(),
});
export type JoinRequest = z.infer<typeof JoinRequest>;

export const JoinResponse = z.object({
  livekitUrl: z.string(),
  token: z.string(),
  identity: z.string(),
  room: z.string(),
  role: Role,
  name: z.string(),
  /** When the LiveKit token expires; the client refreshes before then. */
  expiresAt: z.string(),
  canPublish: z.boolean(),
  /** Signed participant session; send as `Authorization: Bearer …` on in-meeting requests. */
  sessionToken: z.string(),
  meetingId: z.string(),
});
export type JoinResponse = z.infer<typeof JoinResponse>;

export const Health = z.object({ ok: z.literal(true), database: z.enum(['pglite', 'postgres']) });
export type Health = z.infer<typeof Health>;
