// Vietnamese wording shared by the PDF, .docx and CSV minutes: dates and times in Vietnam's time
// zone, percentages with a decimal comma, and the labels of attendance events, vote choices (the
// screen's words), speech kinds, rules and petition statuses.
import type { Minutes } from '../../../shared/admin';
import { meetingKindLabel } from '../../../shared/domain';
import {
  dismissalTargetLabel,
  handKindLabel,
  type HandKind,
  passRuleLabel,
  voteChoiceLabel,
  type PassRule,
  type VoteChoice,
} from '../../../shared/meeting';
import {
  PetitionCategory,
  PetitionStatus,
  petitionCategoryLabel,
  petitionStatusLabel,
} from '../../../shared/petitions';

const TZ = 'Asia/Ho_Chi_Minh';

function parts(isoString: string) {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(f.formatToParts(new Date(isoString)).map((x) => [x.type, x.value]));
  return p as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
}

/** "ngày 01 tháng 12 năm 2026" */
export function vnDate(isoString: string): string {
  const p = parts(isoString);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "08 giờ 30, Thứ Ba, ngày 01 tháng 12 năm 2026" (the time of a meeting in a letter). */
export function vnStartTime(isoString: string): string {
  const p = parts(isoString);
  const weekday = new Date(Date.UTC(+p.year, +p.month - 1, +p.day)).getUTCDay();
  return `${p.hour} giờ ${p.minute}, ${WEEKDAYS[weekday]}, ${vnDate(isoString)}`;
}

/** "08:30:00 01/12/2026" */
export function vnDateTime(isoString: string | null): string {
  if (!isoString) return '';
  const p = parts(isoString);
  return `${p.hour}:${p.minute}:${p.second} ${p.day}/${p.month}/${p.year}`;
}

export const eventLabel: Record<
  Minutes['attendance']['members'][number]['events'][number]['event'],
  string
> = {
  joined: 'Vào phòng họp trực tuyến',
  left: 'Rời phòng họp trực tuyến',
  checked_in: 'Có mặt tại hội trường',
  checked_out: 'Rời hội trường',
  roll_call: 'Xác nhận điểm danh',
};

export const kindLabel = (k: Minutes['meeting']['kind']) => meetingKindLabel[k].vi;
export const ruleLabel = (r: PassRule) => passRuleLabel[r].vi;
/** The screen's words (shared/meeting-words.ts `notVoted`): one name for one thing. */
export const NOT_VOTED = 'Không tham gia biểu quyết';
export const choiceLabel = (c: VoteChoice | null) => (c ? voteChoiceLabel[c].vi : NOT_VOTED);
/** Phát biểu, chất vấn, kiến nghị về thủ tục. */
export const speechKindLabel = (k: HandKind | null) => (k ? handKindLabel[k].vi : 'Phát biểu');

export function statusLabel(s: string): string {
  const parsed = PetitionStatus.safeParse(s);
  return parsed.success ? petitionStatusLabel[parsed.data].vi : s;
}
export function categoryLabel(c: string | null): string {
  const parsed = PetitionCategory.safeParse(c);
  return parsed.success ? petitionCategoryLabel[parsed.data].vi : '';
}

type Result = NonNullable<Minutes['motions'][number]['result']>;

/** "33,3 %": a percentage as Vietnamese writes it (decimal comma, a space before the sign). */
export const vnPercent = (p: number) => `${String(p).replace('.', ',')} %`;

/** "12 (34,3 %)": a count and its percentage of all, as resultLine writes them. */
const pct = (n: number, p: number | undefined) =>
  p === undefined ? `${n}` : `${n} (${vnPercent(p)})`;

/** Total, present at close and the quorum, as every result records them (no "2/3": it reads as a fraction). */
function factsLine(r: Result): string {
  const quorum =
    r.quorumHeld === null
      ? ''
      : `; ${r.quorumHeld ? 'đủ' : 'KHÔNG đủ'} số đại biểu cần có mặt (ít nhất ${r.quorumRequired} đại biểu)`;
  return `Tổng số đại biểu ${r.totalMembers}; có mặt khi kết thúc ${r.present}${quorum}.`;
}

/** The rule a motion was decided by; a confidence rating has none. */
export function ruleText(mo: Minutes['motions'][number]): string {
  switch (mo.kind) {
    case 'confidence':
      return 'Lấy phiếu tín nhiệm (không có kết luận thông qua)';
    case 'no_confidence':
      return 'Bỏ phiếu tín nhiệm (không được tín nhiệm khi quá nửa tổng số đại biểu bỏ phiếu không tín nhiệm)';
    case 'election':
      return 'Bầu (trúng cử khi được quá nửa tổng số đại biểu tán thành)';
    case 'dismissal':
      return `Miễn nhiệm, bãi nhiệm — ${ruleLabel(mo.rule)}`;
    default:
      return ruleLabel(mo.rule);
  }
}

/** An election's ballots, what a candidate needed, and a tie left for a new round. */
function electionLine(r: Result, e: NonNullable<Result['election']>): string {
  const b = e.ballots;
  const newRound = e.newRound
    ? ` Số phiếu bằng nhau ở vị trí cuối: bầu lại ${e.newRound.posts} người trong số ` +
      `${e.newRound.candidates.join(', ')}.`
    : '';
  return (
    `Bầu ${e.posts} người. Số phiếu thu vào ${b.cast}; hợp lệ ${b.valid} (phiếu trắng ${b.blank}); ` +
    `không hợp lệ ${b.spoiled}. ${factsLine(r)} Trúng cử cần ít nhất ${e.required} phiếu ` +
    `(quá nửa tổng số đại biểu); số người trúng cử: ${e.elected}.${newRound}`
  );
}

export function resultLine(r: Result): string {
  if (r.election) return electionLine(r, r.election);
  if (r.kind !== 'resolution' && r.kind !== 'dismissal') {
    return `${factsLine(r)} ${NOT_VOTED} ${pct(r.counts.notVoted, r.percentOfAll.notVoted)}.`;
  }
  const whom = r.dismissal
    ? `${dismissalTargetLabel[r.dismissal.target].vi}: ${r.dismissal.person}. `
    : '';
  return (
    whom +
    `Tán thành ${pct(r.counts.for, r.percentOfAll.for)}, Không tán thành ` +
    `${pct(r.counts.against, r.percentOfAll.against)}, Không biểu quyết ` +
    `${pct(r.counts.abstain, r.percentOfAll.abstain)}, ${NOT_VOTED} ${r.counts.notVoted}. ` +
    `${factsLine(r)} Cần ít nhất ${r.required} phiếu tán thành (${ruleLabel(r.rule).toLowerCase()}: ` +
    `${basisText(r)}) — ` +
    (r.passed ? 'THÔNG QUA' : 'KHÔNG THÔNG QUA')
  );
}

/** What the threshold was counted on, with its number: "tổng số 3 đại biểu". */
function basisText(r: Result): string {
  const of = r.basis?.of ?? 'all';
  const n = r.basis?.count ?? r.totalMembers;
  if (of === 'present') return `${n} đại biểu có mặt`;
  if (of === 'cast') return `${n} phiếu tán thành và không tán thành`;
  return `tổng số ${n} đại biểu`;
}

const flagText = {
  none: '',
  may_resign: ' — tín nhiệm thấp quá nửa tổng số: có thể xin từ chức',
  no_confidence_vote: ' — tín nhiệm thấp từ hai phần ba tổng số: đưa ra bỏ phiếu tín nhiệm',
} as const;

/** One line per official of a confidence rating or no-confidence vote: counts and % of all. */
export function officialLines(r: Result): { official: string; text: string }[] {
  const rated = (r.confidence ?? []).map((c) => ({
    official: c.official,
    text:
      `Tín nhiệm cao ${pct(c.high, c.percentOfAll?.high)}, tín nhiệm ${pct(c.confidence, c.percentOfAll?.confidence)}, ` +
      `tín nhiệm thấp ${pct(c.low, c.percentOfAll?.low)}${flagText[c.flag ?? 'none']}`,
  }));
  const voted = (r.noConfidence ?? []).map((c) => ({
    official: c.official,
    text:
      `Tín nhiệm ${pct(c.trust, c.percentOfAll.trust)}, không tín nhiệm ${pct(c.noTrust, c.percentOfAll.noTrust)}` +
      (c.notTrusted ? ' — KHÔNG ĐƯỢC TÍN NHIỆM' : ''),
  }));
  return [...rated, ...voted];
}

/** One line per candidate of an election: votes, % of all, elected or not. */
export function candidateLines(r: Result): { candidate: string; text: string }[] {
  return (r.election?.candidates ?? []).map((c) => ({
    candidate: c.name,
    text:
      `Được ${pct(c.votes, c.percentOfAll)} phiếu — ` +
      (c.elected ? 'TRÚNG CỬ' : c.reached ? 'đạt quá nửa, không trúng cử' : 'không trúng cử'),
  }));
}
