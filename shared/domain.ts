// Domain vocabulary both sides use: roles, meeting kinds, statuses (DOMAIN.md's glossary in code).
import { z } from './zod';

export const CouncilLevel = z.enum(['province', 'commune']);
export type CouncilLevel = z.infer<typeof CouncilLevel>;

/** Kinds of body that hold meetings: the full council, a committee (ban), the standing committee. */
export const BodyKind = z.enum(['council', 'committee', 'standing']);
export type BodyKind = z.infer<typeof BodyKind>;

/** session = a sitting of a council session (kỳ họp); voter = constituent meeting (tiếp xúc cử tri). */
export const MeetingKind = z.enum(['session', 'committee', 'standing', 'voter']);
export type MeetingKind = z.infer<typeof MeetingKind>;

export const MeetingStatus = z.enum(['scheduled', 'open', 'closed']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/**
 * A participant's role in one meeting. chair = chủ tọa, secretary = thư ký/văn phòng,
 * member = a member of the meeting's body (đại biểu, thành viên ban), guest = invited official,
 * voter = cử tri (voter meetings only).
 */
export const Role = z.enum(['chair', 'secretary', 'member', 'guest', 'voter']);
export type Role = z.infer<typeof Role>;

export const roleLabel: Record<Role, { vi: string; en: string }> = {
  chair: { vi: 'Chủ tọa', en: 'Chair' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
  member: { vi: 'Đại biểu', en: 'Delegate' },
  guest: { vi: 'Khách mời', en: 'Guest' },
  voter: { vi: 'Cử tri', en: 'Voter' },
};

export const meetingKindLabel: Record<MeetingKind, { vi: string; en: string }> = {
  session: { vi: 'Phiên họp kỳ họp HĐND', en: 'Council session sitting' },
  committee: { vi: 'Cuộc họp Ban', en: 'Committee meeting' },
  standing: { vi: 'Cuộc họp Thường trực HĐND', en: 'Standing committee meeting' },
  voter: { vi: 'Tiếp xúc cử tri', en: 'Constituent meeting' },
};
