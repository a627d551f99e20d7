// The error shape every HTTP API answers with: a stable code and a message in Vietnamese and English.
import { z } from './zod';

export const LocalizedText = z.object({ vi: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const ApiError = z.object({
  code: z.string(),
  message: LocalizedText,
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** Error codes shared by the server and its clients. */
export const ErrorCode = {
  badRequest: 'bad_request',
  notFound: 'not_found',
  forbidden: 'forbidden',
  unauthorized: 'unauthorized',
  invitationInvalid: 'invitation_invalid',
  invitationExpired: 'invitation_expired',
  invitationRevoked: 'invitation_revoked',
  /** A member's term ended: their invitations end with it. */
  termEnded: 'term_ended',
  meetingClosed: 'meeting_closed',
  /** A leave request was sent again (a new reason) after the decider read it. */
  leaveChanged: 'leave_changed',
  conflict: 'conflict',
  payloadTooLarge: 'payload_too_large',
  rateLimited: 'rate_limited',
  unavailable: 'service_unavailable',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
