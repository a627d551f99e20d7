// The meeting once joined, sized for the side panel: connection state, the current agenda item
// with its documents from the briefcase, who has the floor, the ballot when a vote is open (then
// the result), roll-call, raising a hand (speak / question / point of order) and the speaker queue
// with the delegate's own place.
import { ConnectionState } from 'livekit-client';
import { browser } from 'wxt/browser';
import type { MeetingStatus } from '../../shared/domain';
import { handKindLabel, type MeetingState } from '../../shared/meeting';
import {
  currentAgendaItem,
  lastClosedMotion,
  mayVote,
  openMotion,
  shownResult,
} from '../../shared/meeting-state';
import { Timer } from '../../shared/ui/clock';
import { HandControl } from '../../shared/ui/HandControl';
import { ResultCard } from '../../shared/ui/ResultCard';
import { RollCall } from '../../shared/ui/RollCall';
import { VotePanel } from '../../shared/ui/VotePanel';
import { CommitteePanel } from '../../shared/ui/CommitteePanel';
import { RoleBadge } from '../../shared/ui/RoleBadge';
import { lang, t, tr } from '../base/i18n';
import { getDb } from '../db/db';
import { listSubscriptions } from '../packages/sync';
import { docHref } from '../base/router';
import { showDocument } from '../base/doc-tabs';
import { useLiveQuery } from '../base/use-live-query';
import { agendaDocuments, hasMeetingPackage } from './documents';
import type { PanelMeeting } from './live';

function connectionText(c: ConnectionState) {
  if (c === ConnectionState.Connected) return t('connected');
  if (c === ConnectionState.Reconnecting || c === ConnectionState.SignalReconnecting) {
    return t('reconnecting');
  }
  return c === ConnectionState.Disconnected ? t('disconnected') : t('panel.connecting');
}

const statusText = (s: MeetingStatus) =>
  s === 'open' ? t('statusOpen') : s === 'closed' ? t('statusClosed') : t('statusScheduled');

/** The tab already showing the document comes to the front; else a new tab opens. */
const openDocument = (docId: string) => void showDocument(browser, docId, docHref(docId));

export function RoomView(props: {
  live: PanelMeeting;
  origin: string;
  title: string;
  onLeave: () => void;
  onRejoin: () => void;
}) {
  const { live } = props;
  const state = live.state.value;
  const c = live.connection.value;
  const notice = live.notice.value;
  return (
    <>
      <div class="mp-bar">
        <div>
          <h2 class="mp-room-title">{state?.meeting.title ?? props.title}</h2>
          <p
            class={`mp-status ${c === ConnectionState.Connected ? 'ok' : 'warn'}`}
            data-testid="connection-state"
            aria-live="polite"
          >
            {connectionText(c)}
          </p>
        </div>
        <button type="button" onClick={props.onLeave}>
          {t('leave')}
        </button>
      </div>
      <div class="mp-notice-slot" role="status" aria-live="polite">
        {notice && (
          <p class={`mp-notice ${notice.kind}`} data-testid="notice" key={notice.id}>
            {notice.text}
          </p>
        )}
      </div>
      {live.ended.value && (
        <div class="error" role="alert">
          <p>{live.ended.value}</p>
          <button type="button" class="primary" onClick={props.onRejoin}>
            {t('rejoin')}
          </button>
        </div>
      )}
      {live.audioBlocked.value && (
        <button type="button" class="primary mp-wide" onClick={() => void live.startAudio()}>
          {t('startAudio')}
        </button>
      )}
      {state ? (
        <Meeting live={live} state={state} origin={props.origin} />
      ) : live.stateError.value ? (
        <div class="error" role="alert">
          <p>{live.stateError.value}</p>
          <button type="button" onClick={() => void live.refresh()}>
            {t('retry')}
          </button>
        </div>
      ) : (
        <p>{t('loading')}</p>
      )}
    </>
  );
}

function Meeting({
  live,
  state,
  origin,
}: {
  live: PanelMeeting;
  state: MeetingState;
  origin: string;
}) {
  const voting = openMotion(state);
  const result = shownResult(state) ?? lastClosedMotion(state);
  return (
    <div class="mp-room">
      {voting && mayVote(live.role, live.identity, state) && (
        <VotePanel lang={lang.value} motion={voting} live={live} />
      )}
      <RollCall lang={lang.value} state={state} live={live} />
      <AgendaCard state={state} origin={origin} />
      <FloorCard live={live} state={state} />
      {!voting && result && <ResultCard lang={lang.value} motion={result} />}
      <CommitteePanel lang={lang.value} state={state} live={live} />
      <HandControl lang={lang.value} state={state} live={live} />
      <QueueCard live={live} state={state} />
    </div>
  );
}

function AgendaCard({ state, origin }: { state: MeetingState; origin: string }) {
  const item = currentAgendaItem(state);
  const subs = useLiveQuery(() => listSubscriptions(getDb()), []);
  const at = { origin, meetingId: state.meeting.id, agendaItemId: state.currentAgendaItemId };
  const docs = subs ? agendaDocuments(subs, at) : [];
  return (
    <section class="card" aria-labelledby="mp-item-title">
      <p class="eyebrow">
        <span class={`mp-badge ${state.meeting.status}`}>{statusText(state.meeting.status)}</span>{' '}
        <span id="mp-item-title">{t('currentItem')}</span>
      </p>
      <p class="mp-item" data-testid="current-item">
        {item ? `${item.position}. ${item.title}` : t('noCurrentItem')}
      </p>
      {item && subs && (
        <div data-testid="agenda-documents">
          <h3>{t('panel.documents')}</h3>
          {docs.length > 0 ? (
            <ul class="mp-docs">
              {docs.map((d) => (
                <li key={d.id}>
                  <span>
                    {d.title}
                    {d.outdated && <span class="muted"> {t('panel.outdated')}</span>}
                  </span>
                  <button
                    type="button"
                    aria-label={t('panel.openDocumentOf', { title: d.title })}
                    onClick={() => openDocument(d.docId)}
                  >
                    {t('packages.open')}
                  </button>
                </li>
              ))}
            </ul>
          ) : hasMeetingPackage(subs, at) ? (
            <p class="muted">{t('panel.noDocuments')}</p>
          ) : (
            <p class="muted">
              {t('panel.noPackage')}{' '}
              <button
                type="button"
                onClick={() =>
                  void browser.tabs.create({ url: browser.runtime.getURL('/packages.html') })
                }
              >
                {t('panel.openPackages')}
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function FloorCard({ live, state }: { live: PanelMeeting; state: MeetingState }) {
  const floor = state.floor;
  const mine = floor?.identity === live.identity;
  const micOn = live.micOn.value;
  return (
    <section class="card" aria-labelledby="mp-floor-title">
      <h2 id="mp-floor-title">{t('speaking')}</h2>
      {floor ? (
        <div data-testid="floor">
          <p>
            <RoleBadge role={floor.role} lang={lang.value} />{' '}
            <strong>{mine ? `${floor.name} ${t('you')}` : floor.name}</strong> ·{' '}
            {tr(handKindLabel[floor.kind])}
          </p>
          <p>
            {t('timeLeft')}:{' '}
            <Timer endsAt={floor.endsAt} offset={live.offset.value} label={t('timeLeft')} />
          </p>
          {mine && (
            <p>
              {micOn && <span data-testid="mic-state">{t('micOn')} </span>}
              <button type="button" onClick={() => void live.setMic(!micOn)}>
                {micOn ? t('turnMicOff') : t('turnMicOn')}
              </button>
            </p>
          )}
        </div>
      ) : (
        <p class="muted">{t('nobodySpeaking')}</p>
      )}
    </section>
  );
}

function QueueCard({ live, state }: { live: PanelMeeting; state: MeetingState }) {
  return (
    <section class="card" aria-labelledby="mp-queue-title">
      <h2 id="mp-queue-title">{t('queue')}</h2>
      {state.queue.length === 0 ? (
        <p class="muted">{t('queueEmpty')}</p>
      ) : (
        <ol class="mp-queue" data-testid="queue">
          {state.queue.map((e) => {
            const me = e.identity === live.identity;
            return (
              <li key={e.id} class={me ? 'mp-me' : ''} aria-current={me ? 'true' : undefined}>
                <RoleBadge role={e.role} lang={lang.value} />{' '}
                {me ? `${e.name} ${t('you')}` : e.name}{' '}
                <span class="muted">· {tr(handKindLabel[e.kind])}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
