// The meeting once joined (loaded on demand with livekit-client): one LiveMeeting for the page and
// the view for the person's role — voter, delegate, chair/secretary console, or the hall display.
import { ConnectionState } from 'livekit-client';
import { useEffect, useMemo } from 'preact/hooks';
import type { InvitationInfo, JoinResponse } from '../../../shared/api';
import type { MeetingState } from '../../../shared/meeting';
import { Console } from './components/Console';
import { NoticeBar } from './components/common';
import { Hall } from './components/Hall';
import { LeaveForm } from './components/LeaveForm';
import { MediaBar } from './components/MediaBar';
import { PetitionForm } from './components/PetitionForm';
import { PeopleList, Stage, VideoGrid } from './components/Stage';
import { HandControl } from '../../../shared/ui/HandControl';
import { RollCall } from '../../../shared/ui/RollCall';
import { ResultCard } from '../../../shared/ui/ResultCard';
import { VotePanel } from '../../../shared/ui/VotePanel';
import { CommitteePanel } from '../../../shared/ui/CommitteePanel';
import { lang, t } from './i18n';
import { LiveMeeting, type LiveOptions } from './live';
import {
  isStaff,
  lastClosedMotion,
  mayVote,
  openMotion,
  shownResult,
} from '../../../shared/meeting-state';

export interface RoomProps {
  info: InvitationInfo;
  session: () => JoinResponse;
  options: LiveOptions;
  hall: boolean;
  onLeave: () => void;
}

function connectionText(c: ConnectionState) {
  return c === ConnectionState.Connected
    ? t('connected')
    : c === ConnectionState.Reconnecting || c === ConnectionState.SignalReconnecting
      ? t('reconnecting')
      : c === ConnectionState.Disconnected
        ? t('disconnected')
        : t('joining');
}

export function Room(props: RoomProps) {
  const live = useMemo(() => new LiveMeeting(props.session, props.options), []);
  useEffect(() => {
    void live.start();
    return () => live.stop();
  }, [live]);

  const state = live.state.value;
  const c = live.connection.value;
  // Offline in the browser's eyes: say so at once, whatever LiveKit still believes.
  const online = live.online.value;
  if (props.hall) {
    return state ? <Hall live={live} state={state} /> : <StateMissing live={live} />;
  }
  return (
    <>
      <div class="room-bar">
        <h2 class="room-title">{props.info.meeting.title}</h2>
        <p
          class={`status ${online && c === ConnectionState.Connected ? 'connected' : 'warn'}`}
          data-testid="connection-state"
          aria-live="polite"
        >
          {online ? connectionText(c) : t('reconnecting')}
        </p>
        <button
          type="button"
          class="small"
          onClick={() => {
            live.stop();
            props.onLeave();
          }}
        >
          {t('leave')}
        </button>
      </div>
      <NoticeBar />
      {live.ended.value && (
        <div class="error" role="alert">
          <p>{live.ended.value}</p>
          <button type="button" class="primary" onClick={() => location.reload()}>
            {t('rejoin')}
          </button>
        </div>
      )}
      {state ? (
        <RoleView live={live} state={state} name={props.session().name} />
      ) : (
        <StateMissing live={live} />
      )}
    </>
  );
}

function StateMissing({ live }: { live: LiveMeeting }) {
  const err = live.stateError.value;
  return err ? (
    <div class="error" role="alert">
      <p>{err}</p>
      <button type="button" onClick={() => void live.refresh()}>
        {t('retry')}
      </button>
    </div>
  ) : (
    <p>{t('loading')}</p>
  );
}

function RoleView({ live, state, name }: { live: LiveMeeting; state: MeetingState; name: string }) {
  const role = live.role;
  const shown = shownResult(state);
  if (role === 'voter') {
    return (
      <div class="voter">
        <p class="muted">{t('listenOnly')}</p>
        <MediaBar live={live} />
        <Stage live={live} state={state} />
        {shown && <ResultCard lang={lang.value} motion={shown} />}
        <HandControl lang={lang.value} state={state} live={live} />
        {state.meeting.kind === 'voter' && <PetitionForm live={live} name={name} />}
      </div>
    );
  }
  const voting = openMotion(state);
  const canVote = mayVote(role, live.identity, state);
  const ballot =
    voting && canVote ? <VotePanel lang={lang.value} motion={voting} live={live} /> : null;
  if (isStaff(role)) {
    return (
      <div class="staff">
        {ballot}
        <div class="staff-top">
          <Stage live={live} state={state} />
          <MediaBar live={live} />
        </div>
        <VideoGrid people={live.people.value} />
        <Console live={live} state={state} />
        <CommitteePanel lang={lang.value} state={state} live={live} />
      </div>
    );
  }
  const result = shown ?? lastClosedMotion(state);
  return (
    <div class="delegate">
      {ballot}
      <RollCall lang={lang.value} state={state} live={live} />
      <Stage live={live} state={state} />
      <MediaBar live={live} />
      <VideoGrid people={live.people.value} />
      {!voting && result && <ResultCard lang={lang.value} motion={result} />}
      <CommitteePanel lang={lang.value} state={state} live={live} />
      <HandControl lang={lang.value} state={state} live={live} />
      {state.meeting.kind !== 'voter' && state.meeting.status !== 'closed' && (
        <LeaveForm api={live.api} />
      )}
      <PeopleList people={live.people.value} />
    </div>
  );
}
