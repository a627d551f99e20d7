// A delegate's own participation record, as both clients show it (the extension's side panel and
// the meeting page's lobby): the figures in sentences, then each sitting with how they attended.
// A secret vote is never more than "took part": the record carries no choice for one.
import type { Lang } from '../meeting-words';
import {
  participationLines,
  sittingAttendanceLabel,
  type ParticipationRecord,
} from '../participation';

const WORDS = {
  sittings: { vi: 'Từng phiên họp', en: 'Each sitting' },
  late: { vi: 'đến muộn', en: 'late' },
  leftEarly: { vi: 'về sớm', en: 'left early' },
  none: { vi: 'Chưa có phiên họp nào được ghi nhận.', en: 'No sittings recorded yet.' },
} as const;

export function ParticipationView({ record, lang }: { record: ParticipationRecord; lang: Lang }) {
  const day = (iso: string) =>
    new Date(iso).toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  return (
    <div class="participation" data-testid="participation-record">
      <p>
        <strong>{record.summary.name}</strong> · {record.councilName}
      </p>
      {participationLines(record.summary).map((line, i) => (
        <p key={i}>{line[lang]}</p>
      ))}
      <p class="eyebrow">{WORDS.sittings[lang]}</p>
      {record.sittings.length === 0 ? (
        <p class="muted">{WORDS.none[lang]}</p>
      ) : (
        <ul>
          {record.sittings.map((s) => (
            <li key={s.meetingId}>
              {day(s.startsAt)} — {s.title}: {sittingAttendanceLabel[s.attendance][lang]}
              {s.late ? `, ${WORDS.late[lang]}` : ''}
              {s.leftEarly ? `, ${WORDS.leftEarly[lang]}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
