// A meeting's minutes (biên bản) in the staff app: what the PDF says, on screen — agenda,
// attendance (searchable, in pages), speakers, every vote with its result, voters' petitions —
// the secretary's parts of the official minutes (MinutesRecord.tsx) and the downloads of the PDF and
// .docx to sign and the CSV table.
import type { Minutes as MinutesData } from '../../../../shared/admin';
import { meetingKindLabel, roleLabel } from '../../../../shared/domain';
import {
  confidenceChoiceLabel,
  handKindLabel,
  noConfidenceChoiceLabel,
  passRuleLabel,
} from '../../../../shared/meeting';
import { MinutesRecordEditor } from './MinutesRecord';
import { moreApi } from './api-staff';
import { lang, t, tf } from './i18n';
import { Link } from './Link';
import { Pager, SearchBox, usePaged } from './Paged';
import { useLoad } from './use-load';

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(lang.value === 'vi' ? 'vi-VN' : 'en-GB') : '—';

function Attendance({ minutes }: { minutes: MinutesData }) {
  const list = usePaged(minutes.attendance.members, (m) =>
    [m.name, m.delegateGroup].filter(Boolean).join(' '),
  );
  return (
    <section class="card" aria-labelledby="min-att">
      <h2 id="min-att">{t('minAttendance')}</h2>
      <p>
        {tf('minAttended', {
          n: minutes.attendance.attended,
          total: minutes.attendance.totalMembers,
        })}
      </p>
      {minutes.attendance.members.length > 0 && (
        <>
          <SearchBox label={t('searchMembers')} value={list.query} onValue={list.setQuery} />
          <div class="table-scroll" role="region" aria-label={t('minAttendance')} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('fullName')}</th>
                  <th scope="col">{t('delegateGroup')}</th>
                  <th scope="col">{t('minPresent')}</th>
                  <th scope="col">{t('minFirstIn')}</th>
                </tr>
              </thead>
              <tbody>
                {list.shown.map((m) => (
                  <tr key={m.memberId}>
                    <td>{m.name}</td>
                    <td>{m.delegateGroup ?? '—'}</td>
                    <td>{m.attended ? t('yes') : t('no')}</td>
                    <td>{when(m.events[0]?.at ?? null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            label={t('minAttendance')}
            page={list.page}
            pages={list.pages}
            matching={list.matching}
            onPage={list.setPage}
          />
        </>
      )}
    </section>
  );
}

type Result = NonNullable<MinutesData['motions'][number]['result']>;

/** "33,3 %" in Vietnamese, "33.3%" in English. */
const pct = (p: number) => (lang.value === 'vi' ? `${String(p).replace('.', ',')} %` : `${p}%`);

/** One line per official rated or voted on, or per candidate, with their own figures. */
function perPerson(r: Result): string[] {
  const l = lang.value;
  const c = confidenceChoiceLabel;
  const n = noConfidenceChoiceLabel;
  return [
    ...(r.confidence ?? []).map(
      (o) =>
        `${o.official}: ${c.high[l]} ${o.high}, ${c.confidence[l]} ${o.confidence}, ${c.low[l]} ${o.low}`,
    ),
    ...(r.noConfidence ?? []).map(
      (o) => `${o.official}: ${n.trust[l]} ${o.trust}, ${n.no_trust[l]} ${o.noTrust}`,
    ),
    ...(r.election?.candidates ?? []).map(
      (e) => `${e.name}: ${e.votes} (${pct(e.percentOfAll)})${e.elected ? ' ✓' : ''}`,
    ),
  ];
}

function Motions({ minutes }: { minutes: MinutesData }) {
  return (
    <section class="card" aria-labelledby="min-votes">
      <h2 id="min-votes">{t('minVotes')}</h2>
      {minutes.motions.length === 0 ? (
        <p>{t('minNoVotes')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-label={t('minVotes')} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('minMotion')}</th>
                <th scope="col">{t('minRule')}</th>
                <th scope="col">{t('minFor')}</th>
                <th scope="col">{t('minAgainst')}</th>
                <th scope="col">{t('minAbstain')}</th>
                <th scope="col">{t('minNotVoted')}</th>
                <th scope="col">{t('minResult')}</th>
              </tr>
            </thead>
            <tbody>
              {minutes.motions.map((m) => {
                const r = m.result;
                return (
                  <tr key={m.id}>
                    <td>
                      {m.title}
                      {m.secret && <span class="muted"> ({t('minSecret')})</span>}
                    </td>
                    <td>{passRuleLabel[m.rule][lang.value]}</td>
                    {r && perPerson(r).length > 0 ? (
                      // A rating, a no-confidence vote or an election: each person's own figures,
                      // never "in favour 0" (these have no for and against).
                      <td colSpan={4}>
                        <ul class="plain">
                          {perPerson(r).map((line) => (
                            <li key={line}>{line}</li>
                          ))}
                        </ul>
                      </td>
                    ) : (
                      <>
                        <td>{r ? `${r.counts.for} (${pct(r.percentOfAll.for)})` : '—'}</td>
                        <td>{r ? `${r.counts.against} (${pct(r.percentOfAll.against)})` : '—'}</td>
                        <td>{r ? `${r.counts.abstain} (${pct(r.percentOfAll.abstain)})` : '—'}</td>
                        <td>{r ? r.counts.notVoted : '—'}</td>
                      </>
                    )}
                    <td>
                      {!r
                        ? t(m.status === 'open' ? 'minVoting' : 'minNotVoted')
                        : r.passed === null
                          ? t('minRated')
                          : r.passed
                            ? t('minPassed')
                            : t('minFailed')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function MinutesPage({ meetingId }: { meetingId: string }) {
  const [minutes, reload] = useLoad(() => moreApi.minutes(meetingId), [meetingId]);
  if (!minutes) return <p>{t('loading')}</p>;
  const mt = minutes.meeting;
  return (
    <>
      <p>
        <Link to={`/admin/meetings/${meetingId}`}>← {mt.title}</Link>
      </p>
      <h2 class="page-title">{tf('minTitle', { title: mt.title })}</h2>
      <p class="muted">
        {minutes.council.name} · {meetingKindLabel[mt.kind][lang.value]} · {mt.bodyName} ·{' '}
        {when(mt.startsAt)} · {t(`status_${mt.status}`)}
      </p>
      <section class="card" aria-labelledby="min-dl">
        <h2 id="min-dl">{t('minDownloads')}</h2>
        <p class="muted">{tf('minGenerated', { time: when(minutes.generatedAt) })}</p>
        <div class="actions wrap">
          <a class="button" href={moreApi.minutesPdfUrl(meetingId)} download>
            {t('minPdf')}
          </a>
          <a class="button" href={moreApi.minutesDocxUrl(meetingId)} download>
            {t('minDocx')}
          </a>
          <a class="button" href={moreApi.minutesCsvUrl(meetingId)} download>
            {t('minCsv')}
          </a>
        </div>
      </section>
      <MinutesRecordEditor meetingId={meetingId} onChanged={() => void reload()} />
      <section class="card" aria-labelledby="min-agenda">
        <h2 id="min-agenda">{t('agendaTitle')}</h2>
        {minutes.agenda.length === 0 ? (
          <p>{t('agendaEmpty')}</p>
        ) : (
          <ol>
            {minutes.agenda.map((a) => (
              <li key={a.position}>{a.title}</li>
            ))}
          </ol>
        )}
      </section>
      <Attendance minutes={minutes} />
      <section class="card" aria-labelledby="min-speakers">
        <h2 id="min-speakers">{t('minSpeakers')}</h2>
        {minutes.speakers.list.length === 0 ? (
          <p>{t('minNoSpeakers')}</p>
        ) : (
          <ol>
            {minutes.speakers.list.map((s, i) => (
              <li key={i}>
                {s.name} ({roleLabel[s.role][lang.value]}) ·{' '}
                {handKindLabel[s.kind ?? 'speak'][lang.value]} · {when(s.startedAt)}
              </li>
            ))}
          </ol>
        )}
      </section>
      <Motions minutes={minutes} />
      {minutes.petitions.length > 0 && (
        <section class="card" aria-labelledby="min-pet">
          <h2 id="min-pet">{t('minPetitions')}</h2>
          <p>{tf('minPetitionCount', { n: minutes.petitions.length })}</p>
        </section>
      )}
    </>
  );
}
