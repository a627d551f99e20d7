// The meeting web client: lobby (who you are, which meeting) → room. A session kept in this tab
// (sessionStorage) rejoins after a reload without the lobby; tokens are refreshed before expiry.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { InvitationInfo, JoinResponse } from '../../../shared/api';
import { ClientError, getInvitation, refreshSession } from './api';
import { lang, setLang, t, tf } from './i18n';
import { errorText, notify } from './notice';
import { Lobby, type MediaPrefs } from './Lobby';
import type { RoomProps } from './Room';
import {
  clearSession,
  loadSession,
  refreshDelay,
  saveSession,
  stillValid,
} from '../../../shared/meeting-session';

type Phase = 'start' | 'lobby' | 'rejoining' | 'room' | 'left';

const prefsKey = (inv: string) => `hdnd.media.${inv}`;
function loadPrefs(inv: string): MediaPrefs {
  try {
    const v = JSON.parse(sessionStorage.getItem(prefsKey(inv)) ?? 'null') as MediaPrefs | null;
    if (v && typeof v.mic === 'boolean' && typeof v.camera === 'boolean') return v;
  } catch {
    // fall through to the defaults
  }
  return { mic: false, camera: false };
}

export function App({ invitation, hall }: { invitation: string | null; hall: boolean }) {
  const [info, setInfo] = useState<InvitationInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('start');
  const [lobbyNote, setLobbyNote] = useState<string | null>(null);
  const [RoomView, setRoomView] = useState<((p: RoomProps) => preact.JSX.Element) | null>(null);
  const session = useRef<JoinResponse | null>(null);
  const [prefs, setPrefs] = useState<MediaPrefs>({ mic: false, camera: false });

  const adopt = (s: JoinResponse) => {
    session.current = s;
    if (invitation) saveSession(sessionStorage, invitation, { session: s, issuedAt: Date.now() });
  };

  useEffect(() => {
    if (!invitation) return;
    // Start loading the room code while the lobby is shown.
    void import('./Room').then((m) => setRoomView(() => m.Room));
    getInvitation(invitation)
      .then((i) => {
        setInfo(i);
        document.title = `${i.meeting.title} — ${t('appTitle')}`;
      })
      .catch((e: unknown) => setError(e instanceof ClientError ? e.message : t('networkError')));
    const stored = loadSession(sessionStorage, invitation);
    if (!stored || !stillValid(stored, Date.now())) {
      setPhase('lobby');
      return;
    }
    setPrefs(loadPrefs(invitation));
    setPhase('rejoining');
    refreshSession(stored.session.sessionToken)
      .then((s) => {
        adopt(s);
        setPhase('room');
      })
      .catch((e: unknown) => {
        clearSession(sessionStorage, invitation);
        setLobbyNote(
          e instanceof ClientError && e.status === 401
            ? t('sessionLost')
            : e instanceof ClientError
              ? e.message
              : t('networkError'),
        );
        setPhase('lobby');
      });
  }, [invitation]);

  // Refresh the session and LiveKit token before they expire, for as long as the room is open.
  useEffect(() => {
    if (phase !== 'room' || !invitation) return;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = (afterFailure: boolean) => {
      const stored = loadSession(sessionStorage, invitation);
      const delay = stored && !afterFailure ? refreshDelay(stored, Date.now()) : 30_000;
      timer = setTimeout(() => {
        const current = session.current;
        if (!current) return;
        refreshSession(current.sessionToken)
          .then((s) => {
            adopt(s);
            schedule(false);
          })
          .catch((e: unknown) => {
            if (e instanceof ClientError && e.status === 401) {
              // Revoked or expired invitation, or a lost session: retrying cannot help; the
              // server's message says why and what to do (ask the secretariat for a new link).
              clearSession(sessionStorage, invitation);
              session.current = null;
              setLobbyNote(e.message);
              setPhase('lobby');
              return;
            }
            notify('error', tf('refreshFailed', { reason: errorText(e) }));
            schedule(true);
          });
      }, delay);
    };
    schedule(false);
    return () => clearTimeout(timer);
  }, [phase, invitation]);

  const joined = (s: JoinResponse, p: MediaPrefs) => {
    adopt(s);
    setPrefs(p);
    if (invitation) sessionStorage.setItem(prefsKey(invitation), JSON.stringify(p));
    setLobbyNote(null);
    setPhase('room');
  };

  const leave = () => {
    if (invitation) clearSession(sessionStorage, invitation);
    session.current = null;
    setPhase('left');
  };

  const inHall = hall && phase === 'room';
  return (
    <>
      {!inHall && (
        <header class="top">
          <h1>{info ? `${info.meeting.councilName} — ${t('appTitle')}` : t('appTitle')}</h1>
          <button
            type="button"
            class="lang"
            lang={lang.value === 'vi' ? 'en' : 'vi'}
            onClick={() => setLang(lang.value === 'vi' ? 'en' : 'vi')}
            aria-label={`${t('langSwitch')} — ${t('langLabel')}`}
          >
            {t('langSwitch')}
          </button>
        </header>
      )}
      <main class={inHall ? 'hall-main-wrap' : phase === 'room' ? 'wide' : ''}>
        {!invitation && <p class="card">{t('noInvitation')}</p>}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {invitation && !error && (!info || phase === 'start') && <p>{t('loading')}</p>}
        {phase === 'rejoining' && <p>{t('rejoining')}</p>}
        {invitation && info && phase === 'lobby' && (
          <Lobby token={invitation} info={info} note={lobbyNote} hall={hall} onJoined={joined} />
        )}
        {info && phase === 'room' && session.current && RoomView && (
          <RoomView
            info={info}
            session={() => session.current!}
            options={{ media: !hall, micOnJoin: prefs.mic, cameraOnJoin: prefs.camera }}
            hall={hall}
            onLeave={leave}
          />
        )}
        {phase === 'room' && !RoomView && <p>{t('loading')}</p>}
        {phase === 'left' && (
          <section class="card">
            <p data-testid="connection-state">{t('disconnected')}</p>
            <button type="button" class="primary" onClick={() => setPhase('lobby')}>
              {t('rejoin')}
            </button>
          </section>
        )}
      </main>
    </>
  );
}
