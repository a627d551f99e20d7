// Asking for leave (xin vắng) from the side panel, before joining: a participant session from the
// remembered invitation (no room, so no presence), then the delegate's request and its answer.
import { useState } from 'preact/hooks';
import { leaveStatusLabel, type LeaveRequest } from '../../shared/leave';
import { ClientError, meetingClient } from '../../shared/meeting-client';
import { leaveRoutes } from '../../shared/routes/leave';
import { lang, t, tr } from '../base/i18n';

const errorText = (e: unknown) => (e instanceof ClientError ? e.message : String(e));

export function PanelLeave({ origin, token }: { origin: string; token: string }) {
  const [session, setSession] = useState<{ meetingId: string; sessionToken: string } | null>(null);
  const [request, setRequest] = useState<LeaveRequest | null>(null);
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const client = meetingClient({ base: origin, lang: () => lang.value });

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const check = (s: { meetingId: string; sessionToken: string }) =>
    run(async () => {
      const mine = await client.route(leaveRoutes.myLeave, {
        params: { meetingId: s.meetingId },
        token: s.sessionToken,
      });
      setRequest(mine.request);
    });
  const open = () =>
    run(async () => {
      const j = await client.joinMeeting({ invitation: token });
      setSession(j);
      await check(j);
    });
  const send = (e: Event) => {
    e.preventDefault();
    if (!session) return;
    if (reason.trim().length < 3) {
      setError(t('leave.short'));
      return;
    }
    void run(async () => {
      setRequest(
        await client.route(leaveRoutes.requestLeave, {
          params: { meetingId: session.meetingId },
          body: { reason },
          token: session.sessionToken,
        }),
      );
      setEditing(false);
    });
  };

  return (
    <section class="card" aria-labelledby="mp-leave" data-testid="panel-leave">
      <p class="eyebrow" id="mp-leave">
        {t('leave.title')}
      </p>
      {!session ? (
        <>
          <p class="muted">{t('leave.intro')}</p>
          <button type="button" disabled={busy} onClick={() => void open()}>
            {t('leave.open')}
          </button>
        </>
      ) : (
        <>
          {request && (
            <div role="status" data-testid="panel-leave-status">
              <p>
                <strong>{tr(leaveStatusLabel[request.status])}</strong>
              </p>
              <p class="muted">{t('leave.yourReason', { reason: request.reason })}</p>
              {request.note && <p>{t('leave.note', { note: request.note })}</p>}
            </div>
          )}
          {!request || editing ? (
            <form onSubmit={send}>
              <label for="mp-leave-reason">{t('leave.reason')}</label>
              <textarea
                id="mp-leave-reason"
                rows={3}
                maxLength={1000}
                required
                value={reason}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
              <button type="submit" class="primary" disabled={busy}>
                {t('leave.send')}
              </button>
            </form>
          ) : (
            <p class="mp-row">
              <button type="button" disabled={busy} onClick={() => void check(session)}>
                {t('leave.check')}
              </button>
              <button type="button" disabled={busy} onClick={() => setEditing(true)}>
                {t('leave.resend')}
              </button>
            </p>
          )}
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
