// The meeting the side panel takes part in: its LiveKit room (audio only: the remote microphones,
// and the delegate's own while holding the floor; connection state and reconnection), the meeting state from the
// server, and the participant session renewed before it expires. State comes from GET /state on
// joining, after every reconnect, every 20 s as a safety net, and when a `state` data message
// announces a newer version (the same rules as the web client: shared/meeting-state.ts).
import { signal } from '@preact/signals';
import { ConnectionState, DisconnectReason, Room, RoomEvent, Track } from 'livekit-client';
import type { JoinResponse } from '../../shared/api';
import { STATE_TOPIC, type MeetingState } from '../../shared/meeting';
import { ClientError, type MeetingCalls, type MeetingClient } from '../../shared/meeting-client';
import { refreshDelay } from '../../shared/meeting-session';
import {
  actionForMessage,
  clockOffset,
  decodePayload,
  newestState,
} from '../../shared/meeting-state';
import { errorText as sharedErrorText } from '../../shared/ui/report';
import { locale } from '../ui/i18n';
import { mt, type MeetingStringKey } from './strings';

const POLL_MS = 20_000;
const RETRY_MS = 30_000;
const RECONNECT_MS = 2_000;

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
  id: number;
}

/** Why the room ended for good (no automatic rejoin), or null for a disconnect to recover from. */
export function finalReason(reason: DisconnectReason | undefined): MeetingStringKey | null {
  switch (reason) {
    case DisconnectReason.DUPLICATE_IDENTITY:
      return 'otherPlace';
    case DisconnectReason.PARTICIPANT_REMOVED:
      return 'removed';
    case DisconnectReason.ROOM_DELETED:
      return 'roomEnded';
    default:
      return null;
  }
}

const errorText = (e: unknown) => sharedErrorText(e, locale.value);

export class PanelMeeting {
  readonly connection = signal<ConnectionState>(ConnectionState.Connecting);
  readonly state = signal<MeetingState | null>(null);
  readonly stateError = signal<string | null>(null);
  /** Why the panel left the room for good (another tab joined, removed, session lost). */
  readonly ended = signal<string | null>(null);
  readonly notice = signal<Notice | null>(null);
  /** Server − client clock, ms, for timers. */
  readonly offset = signal(0);
  readonly audioBlocked = signal(false);
  readonly micOn = signal(false);
  readonly room = new Room({ adaptiveStream: true, dynacast: true });
  readonly api: MeetingCalls;
  private session: JoinResponse;
  private issuedAt: number;
  private poll: ReturnType<typeof setInterval> | undefined;
  private renew: ReturnType<typeof setTimeout> | undefined;
  private fetching: Promise<void> | null = null;
  private stopped = false;
  private seq = 0;

  constructor(
    private readonly client: MeetingClient,
    session: JoinResponse,
  ) {
    this.session = session;
    this.issuedAt = Date.now();
    this.api = client.meeting(session.meetingId, () => this.session.sessionToken);
  }

  get identity() {
    return this.session.identity;
  }
  get role() {
    return this.session.role;
  }
  get name() {
    return this.session.name;
  }

  /** The panel's feedback line (what an action did, or what went wrong). */
  report = (kind: Notice['kind'], text: string) => {
    this.notice.value = { kind, text, id: ++this.seq };
  };

  /** Applies a state answered by an action or a fetch (newest version wins). */
  accept = (s: MeetingState) => {
    const prev = this.state.value;
    const next = newestState(prev, s);
    this.state.value = next;
    this.offset.value = clockOffset(this.client.serverDate(), Date.now());
    this.stateError.value = null;
    if (next !== prev) void this.followFloor(prev, next);
  };

  /** GET /state; concurrent calls share one request. */
  refresh = (): Promise<void> => {
    this.fetching ??= this.api
      .getState()
      .then(this.accept)
      .catch((e: unknown) => {
        this.stateError.value = errorText(e);
      })
      .finally(() => {
        this.fetching = null;
      });
    return this.fetching;
  };

  async start(): Promise<void> {
    const room = this.room;
    room
      .on(RoomEvent.ConnectionStateChanged, (c) => {
        this.connection.value = c;
      })
      .on(RoomEvent.SignalReconnecting, () => {
        this.connection.value = ConnectionState.SignalReconnecting;
      })
      .on(RoomEvent.Reconnected, () => void this.refresh())
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
        if (this.stopped) return;
        const final = finalReason(reason);
        if (final) this.end(mt(final));
        else void this.reconnect();
      })
      .on(RoomEvent.DataReceived, (payload, _participant, _kind, topic) => {
        if (topic !== STATE_TOPIC) return;
        const action = actionForMessage(this.state.value, decodePayload(payload));
        if (action.kind === 'apply') this.accept(action.state);
        else if (action.kind === 'fetch') void this.refresh();
      })
      // Remote microphones play through hidden audio elements LiveKit creates.
      .on(RoomEvent.TrackSubscribed, (track, _pub, participant) => {
        if (track.kind !== Track.Kind.Audio) return;
        const el = track.attach();
        el.dataset.identity = participant.identity;
        el.hidden = true;
        document.body.append(el);
      })
      .on(RoomEvent.TrackUnsubscribed, (track) => {
        for (const el of track.detach()) el.remove();
      })
      .on(RoomEvent.AudioPlaybackStatusChanged, () => {
        this.audioBlocked.value = !room.canPlaybackAudio;
      })
      .on(RoomEvent.ParticipantPermissionsChanged, (_prev, participant) => {
        if (participant !== room.localParticipant) return;
        if (!room.localParticipant.permissions?.canPublish) this.micOn.value = false;
        else if (this.hasFloor(this.state.value) && !this.micOn.value) void this.setMic(true);
      });
    this.poll = setInterval(() => void this.refresh(), POLL_MS);
    this.scheduleRenewal(
      refreshDelay({ session: this.session, issuedAt: this.issuedAt }, Date.now()),
    );
    await this.connect();
  }

  private async connect(): Promise<void> {
    try {
      await this.room.connect(this.session.livekitUrl, this.session.token, { autoSubscribe: true });
    } catch {
      this.connection.value = ConnectionState.Disconnected;
      this.stateError.value = mt('reconnecting');
      return;
    }
    this.audioBlocked.value = !this.room.canPlaybackAudio;
    await this.refresh();
  }

  /** After a full disconnect (network gone for long): wait, then join the room again. */
  private async reconnect(): Promise<void> {
    await new Promise((r) => setTimeout(r, RECONNECT_MS));
    if (this.stopped || this.room.state !== ConnectionState.Disconnected) return;
    this.connection.value = ConnectionState.Reconnecting;
    await this.connect();
    const state = this.room.state as ConnectionState;
    if (state !== ConnectionState.Connected && !this.stopped) void this.reconnect();
  }

  /** Renews the participant session (and the LiveKit token for reconnects) before it expires. */
  private scheduleRenewal(delay: number) {
    clearTimeout(this.renew);
    this.renew = setTimeout(() => {
      this.client
        .refreshSession(this.session.sessionToken)
        .then((s) => {
          this.session = s;
          this.issuedAt = Date.now();
          this.scheduleRenewal(refreshDelay({ session: s, issuedAt: this.issuedAt }, Date.now()));
        })
        .catch((e: unknown) => {
          if (e instanceof ClientError && e.status === 401) {
            // A revoked or expired invitation says so (and whom to ask); else the session is lost.
            this.end(e.code.startsWith('invitation_') ? errorText(e) : mt('sessionLost'));
            return;
          }
          this.report('error', mt('refreshFailed', { reason: errorText(e) }));
          this.scheduleRenewal(RETRY_MS);
        });
    }, delay);
  }

  private hasFloor(s: MeetingState | null) {
    return s?.floor?.identity === this.identity;
  }

  /** The microphone follows the floor: on when the chair gives it, off when it ends. */
  private async followFloor(prev: MeetingState | null, next: MeetingState) {
    const had = this.hasFloor(prev);
    const has = this.hasFloor(next);
    if (has && !had) {
      this.report('ok', mt('youHaveFloor'));
      if (this.room.localParticipant.permissions?.canPublish ?? this.session.canPublish) {
        await this.setMic(true);
      }
    }
    if (had && !has && this.micOn.value) await this.setMic(false);
  }

  async setMic(on: boolean): Promise<void> {
    try {
      await this.room.localParticipant.setMicrophoneEnabled(on);
      this.micOn.value = on;
    } catch {
      this.micOn.value = false;
      if (on) this.report('error', mt('micFailed'));
    }
  }

  async startAudio(): Promise<void> {
    await this.room.startAudio();
    this.audioBlocked.value = !this.room.canPlaybackAudio;
  }

  private end(why: string) {
    this.ended.value = why;
    this.stop();
  }

  stop() {
    this.stopped = true;
    clearInterval(this.poll);
    clearTimeout(this.renew);
    void this.room.disconnect();
    for (const el of document.querySelectorAll('audio[data-identity]')) el.remove();
    this.connection.value = ConnectionState.Disconnected;
  }
}
