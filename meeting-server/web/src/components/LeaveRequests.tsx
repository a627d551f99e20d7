// The console's list of leave requests (xin vắng): every delegate's reason and the answer; the
// chair approves or declines (the secretary reads). Reloaded on request and every half minute.
import { useEffect, useState } from 'preact/hooks';
import { leaveStatusLabel, type LeaveRequest } from '../../../../shared/leave';
import type { LiveMeeting } from '../live';
import { locale, t, tr } from '../i18n';
import { act, errorText } from '../notice';

export function LeaveRequests({ live }: { live: LiveMeeting }) {
  const [list, setList] = useState<LeaveRequest[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chair = live.role === 'chair';

  const load = async () => {
    try {
      setList(await live.api.listLeave());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 30_000);
    return () => clearInterval(timer);
  }, []);

  // The request as read here: if the delegate sent a new reason since, the server refuses and the
  // list is read again, so the chair decides what they see.
  const decide = (r: LeaveRequest, approved: boolean) =>
    void act(
      () =>
        live.api
          .decideLeave(r.id, { approved, requestedAt: r.requestedAt })
          .finally(() => void load()),
      approved ? t('leaveApproved') : t('leaveDeclined'),
    );

  return (
    <section class="card" aria-labelledby="leave-list-title" data-testid="leave-requests">
      <h2 id="leave-list-title">
        {t('leaveRequests')} {list ? `(${list.length})` : ''}
      </h2>
      <p>
        <button type="button" class="small" onClick={() => void load()}>
          {t('reload')}
        </button>
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {list && list.length === 0 && <p class="muted">{t('noLeaveRequests')}</p>}
      <ul class="people">
        {(list ?? []).map((r) => (
          <li key={r.id}>
            <span>
              <strong>{r.name}</strong>
              <span class="muted">
                {' '}
                · {new Date(r.requestedAt).toLocaleString(locale())} ·{' '}
                {tr(leaveStatusLabel[r.status])}
              </span>
              <br />
              {r.reason}
            </span>
            {chair && r.status !== 'approved' && (
              <button type="button" class="small" onClick={() => decide(r, true)}>
                {t('leaveApprove')}
              </button>
            )}
            {chair && r.status !== 'declined' && (
              <button type="button" class="small" onClick={() => decide(r, false)}>
                {t('leaveDecline')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
