// Vietnamese wording shared by the PDF and CSV minutes: dates and times in Vietnam's time zone,
// and the labels of attendance events, vote choices, rules and petition statuses.
import type { Minutes } from '../../../shared/admin';
import { meetingKindLabel } from '../../../shared/domain';
import {
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
export const choiceLabel = (c: VoteChoice | null) => (c ? voteChoiceLabel[c].vi : 'Không bỏ phiếu');

export function statusLabel(s: string): string {
  const parsed = PetitionStatus.safeParse(s);
  return parsed.success ? petitionStatusLabel[parsed.data].vi : s;
}
export function categoryLabel(c: string | null): string {
  const parsed = PetitionCategory.safeParse(c);
  return parsed.success ? petitionCategoryLabel[parsed.data].vi : '';
}

export function resultLine(r: NonNullable<Minutes['motions'][number]['result']>): string {
  return (
    `Tán thành ${r.counts.for} (${r.percentOfAll.for}%), Không tán thành ${r.counts.against} ` +
    `(${r.percentOfAll.against}%), Không biểu quyết ${r.counts.abstain} (${r.percentOfAll.abstain}%), ` +
    `Không bỏ phiếu ${r.counts.notVoted}. Cần ${r.required}/${r.totalMembers} phiếu tán thành — ` +
    (r.passed ? 'THÔNG QUA' : 'KHÔNG THÔNG QUA')
  );
}
