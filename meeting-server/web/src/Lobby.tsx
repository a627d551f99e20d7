// The lobby: which meeting and in what role; a voter types a name (and optionally a ward); people
// who may speak choose whether microphone and camera start on.
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { InvitationInfo, JoinResponse } from '../../../shared/api';
import { meetingKindLabel, roleLabel } from '../../../shared/domain';
import { checkDisplayName } from '../../../shared/text/display-name';
import { deviceId } from '../../../shared/device';
import { ClientError, joinMeeting, meetingApi, type MeetingApi } from './api';
import { LeaveForm } from './components/LeaveForm';
import { ParticipationView } from '../../../shared/ui/ParticipationView';
import { lang, locale, t, tr } from './i18n';

/** This browser's device id (kept in localStorage; a fresh one when storage is off limits). */
function thisDevice() {
  let storage: Storage | null = null;
  try {
    storage = localStorage;
  } catch {
    // storage blocked: the id lasts for this page
  }
  return deviceId(storage, (bytes) => crypto.getRandomValues(bytes));
}

export interface MediaPrefs {
  mic: boolean;
  camera: boolean;
}

export function Lobby(props: {
  token: string;
  info: InvitationInfo;
  note: string | null;
  hall: boolean;
  onJoined: (j: JoinResponse, prefs: MediaPrefs) => void;
}) {
  const { info } = props;
  const [name, setName] = useState(info.name ?? '');
  const [ward, setWard] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(props.note);
  const speaks = info.role !== 'voter' && info.role !== 'guest' && !props.hall;
  const [mic, setMic] = useState(info.role === 'chair');
  const [camera, setCamera] = useState(false);
  const needsName = info.name === null;

  const [nameError, setNameError] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    // The server's rule, checked here first so the voter sees what is wrong before sending.
    const checked = needsName ? checkDisplayName(name) : null;
    setNameError(checked && !checked.ok ? tr(checked.message) : null);
    if (checked && !checked.ok) return;
    setBusy(true);
    setError(null);
    try {
      props.onJoined(
        await joinMeeting({
          invitation: props.token,
          ...(needsName ? { name } : {}),
          ...(ward.trim() ? { ward } : {}),
          device: thisDevice(),
        }),
        { mic: speaks && mic, camera: speaks && camera },
      );
    } catch (err) {
      setError(err instanceof ClientError ? err.message : t('networkError'));
    } finally {
      setBusy(false);
    }
  };

  // A delegate who cannot come asks for leave here (a session without entering the room).
  const delegate = (info.role === 'member' || info.role === 'chair') && !props.hall;
  return (
    <>
      <form class="card lobby" onSubmit={submit}>
        <h2>{info.meeting.title}</h2>
        <p class="muted">
          {tr(meetingKindLabel[info.meeting.kind])} ·{' '}
          {new Date(info.meeting.startsAt).toLocaleString(locale())}
        </p>
        <p>
          {t('joinedAs')}: <strong>{roleLabel[info.role][lang.value]}</strong>
          {info.name ? ` — ${info.name}` : ''}
        </p>
        {needsName && (
          <>
            <label for="name">{t('yourName')}</label>
            <input
              id="name"
              value={name}
              required
              maxLength={80}
              autoComplete="name"
              aria-invalid={nameError ? 'true' : undefined}
              aria-describedby={nameError ? 'name-error' : undefined}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            {nameError && (
              <p id="name-error" class="error" role="alert" data-testid="name-error">
                {nameError}
              </p>
            )}
            <label for="ward">{t('ward')}</label>
            <input
              id="ward"
              value={ward}
              maxLength={120}
              onInput={(e) => setWard(e.currentTarget.value)}
            />
          </>
        )}
        {speaks && (
          <fieldset class="devices">
            <legend>
              {t('microphone')} / {t('camera')}
            </legend>
            <label class="check">
              <input
                type="checkbox"
                checked={mic}
                onChange={(e) => setMic(e.currentTarget.checked)}
              />
              {t('joinWithMic')}
            </label>
            <label class="check">
              <input
                type="checkbox"
                checked={camera}
                onChange={(e) => setCamera(e.currentTarget.checked)}
              />
              {t('joinWithCamera')}
            </label>
          </fieldset>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <p>
          <button class="primary big" type="submit" disabled={busy}>
            {busy ? t('joining') : t('join')}
          </button>
        </p>
      </form>
      {delegate && info.meeting.status !== 'closed' && <LobbyLeave token={props.token} />}
      {delegate && info.meeting.status !== 'closed' && <LobbyRecord token={props.token} />}
    </>
  );
}

/**
 * A delegate's section of the lobby reached with a participant session (no room, no presence):
 * the intro and a button, then what `load` gets with the session, drawn by `show`.
 */
function LobbySection<T>(props: {
  token: string;
  intro: string;
  button: string;
  testId: string;
  class: string;
  load: (api: MeetingApi) => Promise<T>;
  show: (value: T) => VNode;
}) {
  const [value, setValue] = useState<{ v: T } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (value) return props.show(value.v);
  const open = async () => {
    setBusy(true);
    try {
      const j = await joinMeeting({ invitation: props.token, device: thisDevice() });
      setValue({ v: await props.load(meetingApi(j.meetingId, () => j.sessionToken)) });
      setError(null);
    } catch (err) {
      setError(err instanceof ClientError ? err.message : t('networkError'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class={`card ${props.class}`}>
      <p class="muted">{props.intro}</p>
      <button type="button" onClick={() => void open()} disabled={busy} data-testid={props.testId}>
        {props.button}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** Asking for leave from the lobby, then the form. */
const LobbyLeave = ({ token }: { token: string }) => (
  <LobbySection
    token={token}
    intro={t('leaveIntro')}
    button={t('leaveOpen')}
    testId="leave-open"
    class="leave"
    load={async (api) => api}
    show={(api) => <LeaveForm api={api} />}
  />
);

/** The delegate's own participation record (only their own: the member comes from the session). */
const LobbyRecord = ({ token }: { token: string }) => (
  <LobbySection
    token={token}
    intro={t('recordIntro')}
    button={t('recordOpen')}
    testId="record-open"
    class="record"
    load={(api) => api.myParticipation()}
    show={(record) => (
      <section class="card record">
        <ParticipationView record={record} lang={lang.value} />
      </section>
    )}
  />
);
