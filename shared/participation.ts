// Each delegate's participation record (theo dõi, đánh giá việc tham gia của đại biểu): for a period
// (a session's days, a year or the whole term), the sittings they were called to and how they
// attended, their speeches and questions from the floor log, the votes they took part in (a named
// vote's choice; a secret vote only "took part", never a choice), the voter meetings they attended
// and the petitions sent there. Every figure is computed from records already kept
// (meeting-server/src/participation/); nothing is typed twice.
import { z } from './zod';

const Day = z.iso.date();

/** The period: meetings starting on or after `from` and on or before `to` (days, both optional). */
export const ParticipationQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
});
export type ParticipationQuery = z.infer<typeof ParticipationQuery>;

/** How a delegate attended one sitting they were called to. */
export const SittingAttendance = z.enum(['hall', 'online', 'excused', 'absent']);
export type SittingAttendance = z.infer<typeof SittingAttendance>;
export const sittingAttendanceLabel: Record<SittingAttendance, { vi: string; en: string }> = {
  hall: { vi: 'Có mặt tại hội trường', en: 'In the hall' },
  online: { vi: 'Dự họp trực tuyến', en: 'Online' },
  excused: { vi: 'Vắng có lý do', en: 'Excused' },
  absent: { vi: 'Vắng', en: 'Absent' },
};

/** A named vote's choice; null for a secret vote (never shown) or a vote not taken part in. */
const Choice = z.enum(['for', 'against', 'abstain']);

export const SittingParticipation = z.object({
  meetingId: z.string(),
  title: z.string(),
  kind: z.enum(['session', 'committee', 'standing']),
  startsAt: z.string(),
  attendance: SittingAttendance,
  /** First arrival (online, in the hall or by the roll-call), if any. */
  arrivedAt: z.string().nullable(),
  late: z.boolean(),
  leftEarly: z.boolean(),
  speeches: z.array(
    z.object({
      kind: z.enum(['speak', 'question', 'order']),
      startedAt: z.string(),
      seconds: z.number().int().nonnegative(),
    }),
  ),
  votes: z.array(
    z.object({
      title: z.string(),
      secret: z.boolean(),
      tookPart: z.boolean(),
      choice: Choice.nullable(),
    }),
  ),
});
export type SittingParticipation = z.infer<typeof SittingParticipation>;

/** The figures of one delegate for the period: one row of the staff table and of the exports. */
export const ParticipationSummary = z.object({
  memberId: z.string(),
  name: z.string(),
  delegateGroup: z.string().nullable(),
  /** Committees (Ban) and the standing committee the delegate sits on. */
  committees: z.array(z.string()),
  sittings: z.object({
    /** Sittings they were called to (meetings of a body they are a member of, held). */
    called: z.number().int(),
    hall: z.number().int(),
    online: z.number().int(),
    late: z.number().int(),
    leftEarly: z.number().int(),
    excused: z.number().int(),
    absent: z.number().int(),
  }),
  speeches: z.object({
    speak: z.number().int(),
    question: z.number().int(),
    order: z.number().int(),
    /** Total time on the floor, in seconds. */
    seconds: z.number().int(),
  }),
  votes: z.object({
    /** Closed votes they could vote in. */
    eligible: z.number().int(),
    tookPart: z.number().int(),
    /** Of which secret (no choice is ever kept or shown). */
    secret: z.number().int(),
    for: z.number().int(),
    against: z.number().int(),
    abstain: z.number().int(),
  }),
  voterMeetings: z.number().int(),
  petitions: z.object({
    received: z.number().int(),
    forwarded: z.number().int(),
    answered: z.number().int(),
  }),
});
export type ParticipationSummary = z.infer<typeof ParticipationSummary>;

export const ParticipationTable = z.object({
  councilName: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  rows: z.array(ParticipationSummary),
});
export type ParticipationTable = z.infer<typeof ParticipationTable>;

/** One delegate's record: the figures and every sitting behind them. */
export const ParticipationRecord = z.object({
  councilName: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  summary: ParticipationSummary,
  sittings: z.array(SittingParticipation),
  voterMeetings: z.array(z.object({ title: z.string(), startsAt: z.string() })),
});
export type ParticipationRecord = z.infer<typeof ParticipationRecord>;

/** Minutes after the opening (or the scheduled start) from which an arrival counts as late. */
export const LATE_AFTER_MINUTES = 15;
/** Minutes before the close from which a departure counts as leaving early. */
export const EARLY_BEFORE_MINUTES = 15;

/** Seconds as minutes with one decimal. */
const minutes = (seconds: number) => Math.round(seconds / 6) / 10;

/**
 * The columns of the participation table, in order: one definition for the staff app's table and
 * the .xlsx export.
 */
export interface ParticipationColumn {
  key: string;
  vi: string;
  en: string;
  value: (r: ParticipationSummary) => string | number;
}
export const PARTICIPATION_COLUMNS: readonly ParticipationColumn[] = [
  { key: 'name', vi: 'Họ và tên', en: 'Name', value: (r) => r.name },
  { key: 'group', vi: 'Tổ đại biểu', en: 'Delegate group', value: (r) => r.delegateGroup ?? '' },
  { key: 'committees', vi: 'Ban', en: 'Committees', value: (r) => r.committees.join(', ') },
  { key: 'called', vi: 'Số phiên họp', en: 'Sittings', value: (r) => r.sittings.called },
  { key: 'hall', vi: 'Tại hội trường', en: 'In the hall', value: (r) => r.sittings.hall },
  { key: 'online', vi: 'Trực tuyến', en: 'Online', value: (r) => r.sittings.online },
  { key: 'late', vi: 'Đến muộn', en: 'Late', value: (r) => r.sittings.late },
  { key: 'leftEarly', vi: 'Về sớm', en: 'Left early', value: (r) => r.sittings.leftEarly },
  { key: 'excused', vi: 'Vắng có lý do', en: 'Excused', value: (r) => r.sittings.excused },
  { key: 'absent', vi: 'Vắng', en: 'Absent', value: (r) => r.sittings.absent },
  { key: 'speak', vi: 'Phát biểu', en: 'Speeches', value: (r) => r.speeches.speak },
  { key: 'question', vi: 'Chất vấn', en: 'Questions', value: (r) => r.speeches.question },
  {
    key: 'order',
    vi: 'Kiến nghị về thủ tục',
    en: 'Points of order',
    value: (r) => r.speeches.order,
  },
  {
    key: 'minutes',
    vi: 'Thời gian phát biểu (phút)',
    en: 'Time on the floor (minutes)',
    value: (r) => minutes(r.speeches.seconds),
  },
  { key: 'eligible', vi: 'Số lần biểu quyết', en: 'Votes held', value: (r) => r.votes.eligible },
  { key: 'tookPart', vi: 'Đã biểu quyết', en: 'Voted', value: (r) => r.votes.tookPart },
  {
    key: 'secret',
    vi: 'Trong đó bỏ phiếu kín',
    en: 'Of which secret',
    value: (r) => r.votes.secret,
  },
  { key: 'for', vi: 'Tán thành', en: 'In favour', value: (r) => r.votes.for },
  { key: 'against', vi: 'Không tán thành', en: 'Against', value: (r) => r.votes.against },
  { key: 'abstain', vi: 'Không biểu quyết', en: 'Abstained', value: (r) => r.votes.abstain },
  {
    key: 'voterMeetings',
    vi: 'Tiếp xúc cử tri',
    en: 'Voter meetings',
    value: (r) => r.voterMeetings,
  },
  {
    key: 'petitions',
    vi: 'Kiến nghị cử tri',
    en: 'Petitions',
    value: (r) => r.petitions.received + r.petitions.forwarded + r.petitions.answered,
  },
  {
    key: 'answered',
    vi: 'Kiến nghị đã trả lời',
    en: 'Petitions answered',
    value: (r) => r.petitions.answered,
  },
];

/**
 * The record's figures as a few sentences in both languages, for the delegate's own view (the
 * extension's side panel and the meeting page show the same words).
 */
export function participationLines(s: ParticipationSummary): { vi: string; en: string }[] {
  const c = s.sittings;
  const v = s.votes;
  const p = s.petitions;
  return [
    {
      vi: `Phiên họp được triệu tập: ${c.called} — tại hội trường ${c.hall}, trực tuyến ${c.online}, vắng có lý do ${c.excused}, vắng ${c.absent}; đến muộn ${c.late}, về sớm ${c.leftEarly}.`,
      en: `Sittings called to: ${c.called} — in the hall ${c.hall}, online ${c.online}, excused ${c.excused}, absent ${c.absent}; late ${c.late}, left early ${c.leftEarly}.`,
    },
    {
      vi: `Phát biểu ${s.speeches.speak}, chất vấn ${s.speeches.question}, kiến nghị về thủ tục ${s.speeches.order}; tổng thời gian ${minutes(s.speeches.seconds)} phút.`,
      en: `Speeches ${s.speeches.speak}, questions ${s.speeches.question}, points of order ${s.speeches.order}; ${minutes(s.speeches.seconds)} minutes in all.`,
    },
    {
      vi: `Biểu quyết: đã tham gia ${v.tookPart}/${v.eligible} lần (bỏ phiếu kín ${v.secret}); tán thành ${v.for}, không tán thành ${v.against}, không biểu quyết ${v.abstain}.`,
      en: `Votes: took part in ${v.tookPart} of ${v.eligible} (secret ${v.secret}); in favour ${v.for}, against ${v.against}, abstained ${v.abstain}.`,
    },
    {
      vi: `Tiếp xúc cử tri: ${s.voterMeetings} buổi; kiến nghị cử tri: ${p.received + p.forwarded + p.answered} (đã trả lời ${p.answered}).`,
      en: `Voter meetings: ${s.voterMeetings}; voters’ petitions: ${p.received + p.forwarded + p.answered} (${p.answered} answered).`,
    },
  ];
}
