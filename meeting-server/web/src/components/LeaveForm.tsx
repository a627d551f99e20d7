// A delegate's leave request (xin vắng): the answer so far (waiting, approved, declined, with the
// note), and a form to ask with a reason or ask again. Used in the lobby and in the delegate's room.
import { useEffect, useState } from 'preact/hooks';
import { leaveStatusLabel, type LeaveRequest } from '../../../../shared/leave';
import type { MeetingApi } from '../api';
import { locale, t, tr } from '../i18n';
import { errorText } from '../notice';

type LeaveCalls = Pick<MeetingApi, 'askLeave' | 'myLeave'>;

export function LeaveStatus({ request }: { request: LeaveRequest }) {
  return (
    <div class={`leave-status ${request.status}`} data-testid="leave-status" role="status">
      <p>
        <strong>{tr(leaveStatusLabel[request.status])}</strong>
        {request.decidedAt && (
          <span class="muted"> · {new Date(request.decidedAt).toLocaleString(locale())}</span>
        )}
      </p>
      <p class="muted">
        {t('leaveYourReason')}: {request.reason}
      </p>
      {request.decidedBy && (
        <p class="muted">
          {t('leaveDecidedBy')}: {request.decidedBy}
        </p>
      )}
      {request.note && (
        <p>
          {t('leaveNote')}: {request.note}
        </p>
      )}
    </div>
  );
}

export function LeaveForm({ api }: { api: LeaveCalls }) {
  const [request, setRequest] = useState<LeaveRequest | null>(null);
  const [reason, setReason] = useState('');
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  const load = async () => {
    try {
      setRequest((await api.myLeave()).request);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setError(t('leaveReasonShort'));
      return;
    }
    setBusy(true);
    try {
      setRequest(await api.askLeave({ reason }));
      setEditing(false);
      setSent(true);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const showForm = editing || !request;
  return (
    <section class="card leave" aria-labelledby="leave-title" data-testid="leave">
      <h2 id="leave-title">{t('leaveTitle')}</h2>
      {request ? <LeaveStatus request={request} /> : <p class="muted">{t('leaveIntro')}</p>}
      {sent && <p class="muted">{t('leaveSent')}</p>}
      {showForm ? (
        <form onSubmit={submit}>
          <label for="leave-reason">{t('leaveReason')}</label>
          <textarea
            id="leave-reason"
            value={reason}
            maxLength={1000}
            rows={3}
            required
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <p>
            <button type="submit" class="primary" disabled={busy}>
              {t('leaveSend')}
            </button>
          </p>
        </form>
      ) : (
        <p>
          <button type="button" class="small" onClick={() => void load()}>
            {t('leaveCheck')}
          </button>{' '}
          <button type="button" class="small" onClick={() => setEditing(true)}>
            {t('leaveResend')}
          </button>
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
