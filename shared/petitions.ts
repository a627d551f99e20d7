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
  /** Reference number the voter was given (stored form; shown with formatPetitionRef). */
  ref: z.string(),
  meetingId: z.string(),
  /** The meeting's title, in the council-wide board. */
  meetingTitle: z.string().optional(),
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
  /** Reference number to follow the petition (shared/petition-ref.ts), e.g. KN-7K3M-Q9XA. */
  ref: z.string(),
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
  ref: z.string(),
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

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const PageNumber = z.coerce.number().int().min(1).max(100_000).default(1);

/** Filters of the council's petitions board; every one optional, the page numbered from 1. */
export const PetitionQuery = z.object({
  meetingId: z.string().min(1).max(100).optional(),
  status: PetitionStatus.optional(),
  /** A field, or `none` for petitions not classified yet. */
  category: z.union([PetitionCategory, z.literal('none')]).optional(),
  /** Commune, ward, village (thôn, tổ dân phố): part of what the voter wrote, without diacritics. */
  ward: z.string().max(120).optional(),
  /** Sent on or after this day / on or before this day (Vietnam time). */
  from: Day.optional(),
  to: Day.optional(),
  /** Words of the text, the answer, the authority, the name or the reference; diacritics optional. */
  q: z.string().max(200).optional(),
  page: PageNumber,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PetitionQuery = z.infer<typeof PetitionQuery>;

/** One page of the council's petitions, newest first, with what the filters can choose from. */
export const PetitionPage = z.object({
  items: z.array(Petition),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The council's voter meetings (for the meeting filter). */
  meetings: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string() })),
  /** Authorities petitions were forwarded to before (suggestions when forwarding). */
  authorities: z.array(z.string()),
});
export type PetitionPage = z.infer<typeof PetitionPage>;

/** The public search of a council's published petitions. */
export const PublicPetitionQuery = z.object({
  q: z.string().max(200).optional(),
  page: PageNumber,
});
export const PublicPetitionPage = z.object({
  items: z.array(PublishedPetition.extend({ meetingTitle: z.string() })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PublicPetitionPage = z.infer<typeof PublicPetitionPage>;

/**
 * What anyone holding a reference number sees: where the petition stands. Its text and answer
 * only once published; never the name, the ward or the contact.
 */
export const PetitionTrack = z.object({
  ref: z.string(),
  status: PetitionStatus,
  category: PetitionCategory.nullable(),
  authority: z.string().nullable(),
  published: z.boolean(),
  text: z.string().nullable(),
  answer: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  meeting: z.object({ title: z.string(), startsAt: z.string(), councilName: z.string() }),
});
export type PetitionTrack = z.infer<typeof PetitionTrack>;
