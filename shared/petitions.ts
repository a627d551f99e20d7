// Voters' petitions (kiến nghị cử tri): what a voter sends from a voter meeting, how the
// secretariat classifies, forwards and answers it, and what is published with the answer.
import { typedName, typedText } from './api';
import { z } from './zod';

export const PETITION_TEXT_MAX = 5000;

/** A voter's written petition, sent from the meeting (Bearer session of a voter participant). */
export const SubmitPetition = z.object({
  name: typedName(120),
  /** Thôn / tổ dân phố / phường where the voter lives. */
  ward: typedText(120).optional(),
  /** Phone or e-mail for the answer; never published. */
  contact: typedText(200).optional(),
  text: z
    .string()
    .trim()
    .min(10, 'petition too short (at least 10 characters)')
    .max(PETITION_TEXT_MAX, `petition too long (at most ${PETITION_TEXT_MAX} characters)`),
});
export type SubmitPetition = z.infer<typeof SubmitPetition>;

export const PetitionStatus = z.enum(['received', 'forwarded', 'answered']);
export type PetitionStatus = z.infer<typeof PetitionStatus>;
export const petitionStatusLabel: Record<PetitionStatus, { vi: string; en: string }> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  forwarded: { vi: 'Đã chuyển cơ quan có thẩm quyền', en: 'Forwarded to the authority' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
};

export const PetitionCategory = z.enum([
  'land',
  'infrastructure',
  'environment',
  'social_policy',
  'health',
  'education',
  'security',
  'economy',
  'administration',
  'other',
]);
export type PetitionCategory = z.infer<typeof PetitionCategory>;
export const petitionCategoryLabel: Record<PetitionCategory, { vi: string; en: string }> = {
  land: { vi: 'Đất đai', en: 'Land' },
  infrastructure: { vi: 'Giao thông, hạ tầng', en: 'Roads and infrastructure' },
  environment: { vi: 'Môi trường', en: 'Environment' },
  social_policy: { vi: 'Chính sách xã hội', en: 'Social policy' },
  health: { vi: 'Y tế', en: 'Health' },
  education: { vi: 'Giáo dục', en: 'Education' },
  security: { vi: 'An ninh, trật tự', en: 'Public order and security' },
  economy: { vi: 'Kinh tế, sản xuất', en: 'Economy and production' },
  administration: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' },
  other: { vi: 'Khác', en: 'Other' },
};

export const PetitionEvent = z.object({
  at: z.string(),
  /** Staff user (e-mail) or `voter` for the submission. */
  actor: z.string(),
  action: z.enum(['submitted', 'classified', 'forwarded', 'answered', 'published', 'unpublished']),
  detail: z.string().nullable(),
});
export type PetitionEvent = z.infer<typeof PetitionEvent>;

export const Petition = z.object({
  id: z.string(),
  meetingId: z.string(),
  name: z.string(),
  ward: z.string().nullable(),
  contact: z.string().nullable(),
  text: z.string(),
  status: PetitionStatus,
  category: PetitionCategory.nullable(),
  /** The authority it was forwarded to (cơ quan có thẩm quyền). */
  authority: z.string().nullable(),
  answer: z.string().nullable(),
  published: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Who did what and when; in the staff view only. */
  history: z.array(PetitionEvent).optional(),
});
export type Petition = z.infer<typeof Petition>;
export const PetitionList = z.array(Petition);

/** What the voter gets back after sending. */
export const PetitionReceipt = z.object({
  id: z.string(),
  status: PetitionStatus,
  createdAt: z.string(),
});
export type PetitionReceipt = z.infer<typeof PetitionReceipt>;

export const ClassifyPetition = z.object({ category: PetitionCategory });
export const ForwardPetition = z.object({ authority: z.string().trim().min(2).max(300) });
export const AnswerPetition = z.object({ answer: z.string().trim().min(2).max(20_000) });
export const PublishPetition = z.object({ published: z.boolean() });
/** Answer to publishing a meeting's answered petitions at once: how many were published. */
export const PublishedCount = z.object({ published: z.number().int() });

/** A published petition as the public sees it: no name, no contact. */
export const PublishedPetition = z.object({
  id: z.string(),
  ward: z.string().nullable(),
  text: z.string(),
  category: PetitionCategory.nullable(),
  authority: z.string().nullable(),
  answer: z.string(),
  createdAt: z.string(),
});
export type PublishedPetition = z.infer<typeof PublishedPetition>;
export const PublishedPetitions = z.object({
  meeting: z.object({
    id: z.string(),
    title: z.string(),
    councilName: z.string(),
    startsAt: z.string(),
  }),
  petitions: z.array(PublishedPetition),
});
export type PublishedPetitions = z.infer<typeof PublishedPetitions>;
