// HTTP API contracts of the meeting server: request and response schemas shared with every client.
import { DeviceId } from './device';
import { MeetingKind, MeetingStatus, Role } from './domain';
import { checkDisplayName, cleanText } from './text/display-name';
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

/**
 * A name someone types for themselves, at most `max` characters once cleaned
 * (shared/text/display-name.ts): composed, without invisible or text-direction characters, with a
 * visible letter or digit. A refusal carries its bilingual message in the issue's `params`.
 */
export const typedName = (max: number) =>
  z
    .string()
    .transform((raw, ctx) => {
      const checked = checkDisplayName(raw, max);
      if (checked.ok) return checked.name;
      ctx.addIssue({ code: 'custom', message: checked.message.en, params: checked.message });
      return z.NEVER;
    })
    .describe(
      `A name as typed: at most ${max} characters once invisible and text-direction characters are removed; at least one visible letter or digit.`,
    );

/** Free text someone types (a ward, a contact), cleaned the same way; may end up empty. */
export const typedText = (max: number) => z.string().max(max).transform(cleanText);

export const DisplayName = typedName(80);

export const JoinRequest = z.object({
  invitation: InvitationToken,
  /** Required for a public voter link; ignored for personal invitations. */
  name: DisplayName.optional(),
  ward: typedText(120).optional(),
  /**
   * This browser's id (shared/device.ts): hands and petitions sent through the public voter link
   * are counted per invitation and device, so one phone rejoining does not get more.
   */
  device: DeviceId.optional(),
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
