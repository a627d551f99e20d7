// The audit log for administrators: every chair, secretary and secretariat action, newest first,
// filtered by who (part of a name), what (a kind of action), which meeting and a date range, in
// pages of 50 (the next page continues before the last entry shown).
import { useEffect, useId, useState } from 'preact/hooks';
import type { AuditEntry, AuditQuery } from '../../../../shared/admin';
import { API } from '../../../../shared/routes/index';
import { moreApi } from './api-staff';
import { lang, t, tf, type Key } from './i18n';
import { Link } from './Link';
import { act } from './notice';
import { TextField } from './TextField';

const PAGE = 50;

/** Kinds of action the filter offers: a part of the action (`METHOD /path`) and its name. */
const KINDS: { match: string; label: Key }[] = [
  { match: '/motions', label: 'auditKindVotes' },
  { match: '/floor', label: 'auditKindFloor' },
  { match: '/attendance', label: 'auditKindAttendance' },
  { match: '/roll-call', label: 'auditKindRollCall' },
  { match: '/agenda', label: 'auditKindAgenda' },
  { match: '/invitations', label: 'auditKindInvitations' },
  { match: '/members', label: 'auditKindMembers' },
  { match: '/packages', label: 'auditKindPackages' },
  { match: 'petitions', label: 'auditKindPetitions' },
  { match: '/api/staff', label: 'auditKindStaff' },
];

/** What an action does, from the API's own route list (English summaries of docs/api.md). */
const summaries = new Map(Object.values(API).map((r) => [`${r.method} ${r.path}`, r.summary]));

/** The start of a local calendar day (`yyyy-mm-dd`) plus `days`, as an ISO time. */
const dayStart = (day: string, days = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d! + days).toISOString();
};

export function Audit() {
  const initialMeeting = new URLSearchParams(location.search).get('meetingId') ?? '';
  const [actor, setActor] = useState('');
  const [kind, setKind] = useState('');
  const [meetingId, setMeetingId] = useState(initialMeeting);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [pages, setPages] = useState<number[]>([]);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const kindId = useId();

  const query = (before?: number): Partial<AuditQuery> => ({
    limit: PAGE,
    ...(actor.trim() ? { actor: actor.trim() } : {}),
    ...(kind ? { action: kind } : {}),
    ...(meetingId.trim() ? { meetingId: meetingId.trim() } : {}),
    ...(from ? { from: dayStart(from) } : {}),
    ...(to ? { to: dayStart(to, 1) } : {}),
    ...(before ? { before } : {}),
  });
  /** Loads the page that starts before `before` (none: the newest). */
  const load = async (before?: number) => {
    const got = await act(() => moreApi.audit(query(before)));
    if (got) setEntries(got);
    return got;
  };
  useEffect(() => void load(), []);
  const date = (iso: string) =>
    new Date(iso).toLocaleString(lang.value === 'vi' ? 'vi-VN' : 'en-GB');

  return (
    <>
      <h2 class="page-title">{t('auditTitle')}</h2>
      <form
        class="card filters"
        aria-labelledby="audit-filter-title"
        onSubmit={(e) => {
          e.preventDefault();
          setPages([]);
          void load();
        }}
      >
        <h3 id="audit-filter-title">{t('auditFilters')}</h3>
        <div class="filter-grid">
          <TextField id="audit-actor" label={t('auditWho')} value={actor} onValue={setActor} />
          <div class="field">
            <label for={kindId}>{t('auditWhat')}</label>
            <select id={kindId} value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
              <option value="">{t('auditKindAll')}</option>
              {KINDS.map((k) => (
                <option key={k.match} value={k.match}>
                  {t(k.label)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id="audit-meeting"
            label={t('auditMeeting')}
            hint={t('auditMeetingHint')}
            value={meetingId}
            onValue={setMeetingId}
          />
          <TextField
            id="audit-from"
            label={t('auditFrom')}
            type="date"
            value={from}
            onValue={setFrom}
          />
          <TextField id="audit-to" label={t('auditTo')} type="date" value={to} onValue={setTo} />
        </div>
        <button type="submit" class="primary">
          {t('auditApply')}
        </button>
      </form>
      <section class="card" aria-labelledby="audit-list-title">
        <h3 id="audit-list-title">{tf('auditPage', { n: pages.length + 1 })}</h3>
        {entries === null ? (
          <p>{t('loading')}</p>
        ) : entries.length === 0 ? (
          <p>{t('auditEmpty')}</p>
        ) : (
          <div class="table-scroll" role="region" aria-label={t('auditTitle')} tabIndex={0}>
            <table class="audit">
              <thead>
                <tr>
                  <th scope="col">{t('auditWhen')}</th>
                  <th scope="col">{t('auditWho')}</th>
                  <th scope="col">{t('auditWhat')}</th>
                  <th scope="col">{t('auditMeeting')}</th>
                  <th scope="col">{t('auditDetails')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td>{date(e.at)}</td>
                    <td>
                      {e.actor.name}
                      <div class="muted">{e.actor.role}</div>
                    </td>
                    <td>
                      <code>{e.action}</code>
                      {summaries.has(e.action) && (
                        <div class="muted">{summaries.get(e.action)}</div>
                      )}
                    </td>
                    <td>
                      {e.meetingId ? (
                        <Link to={`/admin/meetings/${e.meetingId}`}>{t('auditOpenMeeting')}</Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      <details>
                        <summary>{t('auditShow')}</summary>
                        <pre>{JSON.stringify(e.details, null, 2)}</pre>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav class="pager" aria-label={t('auditTitle')}>
          <button
            type="button"
            disabled={pages.length === 0}
            onClick={() => {
              const prev = pages.slice(0, -1);
              void load(prev[prev.length - 1]).then((got) => got && setPages(prev));
            }}
          >
            ← {t('auditNewer')}
          </button>
          <button
            type="button"
            disabled={!entries || entries.length < PAGE}
            onClick={() => {
              const last = entries![entries!.length - 1]!.id;
              void load(last).then((got) => got && setPages([...pages, last]));
            }}
          >
            {t('auditOlder')} →
          </button>
        </nav>
      </section>
    </>
  );
}
