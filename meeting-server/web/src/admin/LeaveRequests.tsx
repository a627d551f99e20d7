// A meeting's leave requests (xin vắng) in the staff app: each delegate's reason and the answer,
// with approve and decline (and an optional note to the delegate) while the meeting is not closed.
import { useState } from 'preact/hooks';
import { leaveStatusLabel, type LeaveRequest } from '../../../../shared/leave';
import { leaveRoutes } from '../../../../shared/routes/leave';
import { call } from './api';
import { lang, t, tf } from './i18n';
import { act } from './notice';
import { useLoad } from './use-load';

export function LeaveRequests({ meetingId, closed }: { meetingId: string; closed: boolean }) {
  const [list, reload] = useLoad(
    () => call(leaveRoutes.adminLeaveRequests, { params: { meetingId } }),
    [meetingId],
  );
  const [notes, setNotes] = useState<Record<string, string>>({});
  // The request as read here: if the delegate sent a new reason since, the server refuses (the
  // message says to read it again) and the list is read again.
  const decide = (r: LeaveRequest, approved: boolean) =>
    void act(async () => {
      const note = notes[r.id]?.trim();
      try {
        await call(leaveRoutes.adminDecideLeave, {
          params: { requestId: r.id },
          body: { approved, requestedAt: r.requestedAt, ...(note ? { note } : {}) },
        });
      } finally {
        await reload();
      }
    }, t('leaveDone'));
  const when = (iso: string) =>
    new Date(iso).toLocaleString(lang.value === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <section class="card" aria-labelledby="leave-title" data-testid="leave-requests">
      <h2 id="leave-title">{t('leaveTitle')}</h2>
      <p class="muted">{t('leaveHint')}</p>
      {list && list.length === 0 && <p>{t('leaveNone')}</p>}
      <ul>
        {(list ?? []).map((r) => (
          <li key={r.id}>
            <p>
              <strong>{r.name}</strong> · {when(r.requestedAt)} ·{' '}
              <strong>{leaveStatusLabel[r.status][lang.value]}</strong>
            </p>
            <p>{r.reason}</p>
            {r.decidedBy && (
              <p class="muted">
                {tf('leaveBy', { who: r.decidedBy })}
                {r.note ? ` — ${r.note}` : ''}
              </p>
            )}
            {!closed && (
              <p>
                <label for={`leave-note-${r.id}`}>{t('leaveNoteLabel')}</label>
                <input
                  id={`leave-note-${r.id}`}
                  maxLength={500}
                  value={notes[r.id] ?? ''}
                  onInput={(e) => setNotes({ ...notes, [r.id]: e.currentTarget.value })}
                />{' '}
                {r.status !== 'approved' && (
                  <button type="button" onClick={() => decide(r, true)}>
                    {t('leaveApprove')}
                  </button>
                )}{' '}
                {r.status !== 'declined' && (
                  <button type="button" onClick={() => decide(r, false)}>
                    {t('leaveDecline')}
                  </button>
                )}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
