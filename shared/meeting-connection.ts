// The one connection a meeting client (the web client, the extension's side panel) keeps to its
// meeting: the LiveKit room's events (connection state, reconnection, data messages, audio
// playback, publish permission), the meeting state as signals, and rejoining after a full
// disconnect unless the server ended it for good. State comes from GET /state on joining, after
// every reconnect, every 20 s as a safety net, and when a `state` data message announces a newer
// version (pure rules in meeting-state.ts). Each client extends it with its own media and words.
// The only module of shared/ that imports livekit-client: only the browser clients import it.
import { signal } from '@preact/signals';
import {
  ConnectionState,
  DisconnectReason,
  Room,
  RoomEvent,
  type LocalParticipant,
} from 'livekit-client';
import type { JoinResponse } from './api';
import { STATE_TOPIC, type MeetingState } from './meeting';
import type { MeetingCalls } from './meeting-client';
import { actionForMessage, clockOffset, decodePayload, newestState } from './meeting-state';
import { word, type Lang, type MeetingWord } from './meeting-words';
import { errorText, type Report } from './ui/report';

/** The safety-net poll of GET /state while in the room. */
export const POLL_MS = 20_000;
/** The wait before joining the room again after a full disconnect. */
export const RECONNECT_MS = 2_000;

/** A disconnect the client must not undo by rejoining on its own, as the word that says why. */
export function finalReason(
  reason: DisconnectReason | undefined,
): 'otherPlace' | 'removed' | 'roomEnded' | null {
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

export interface ConnectionOptions<Api extends MeetingCalls> {
  /** The current participant session (read each time: it is renewed while the room is open). */
  session: () => JoinResponse;
  api: Api;
  /** The server's last Date header, for the clock offset of timers. */
  serverDate: () => string | null;
  /** The language the client shows now. */
  lang: () => Lang;
  /** Join the LiveKit room (false: only follow the state, polling every `pollMs`). */
  media: boolean;
  /** How often GET /state is read without a room (the hall display). */
  pollMs?: number;
  /** What to say when joining the room fails. */
  connectFailed: MeetingWord;
}

export abstract class MeetingConnection<Api extends MeetingCalls = MeetingCalls> {
  readonly connection = signal<ConnectionState>(ConnectionState.Connecting);
  readonly state = signal<MeetingState | null>(null);
  readonly stateError = signal<string | null>(null);
  /** Why the room ended for good (another tab took over, removed, meeting ended); no rejoin. */
  readonly ended = signal<string | null>(null);
  /** Server − client clock, ms, for timers. */
  readonly offset = signal(0);
  readonly audioBlocked = signal(false);
  readonly micOn = signal(false);
  /** Bumped each time the state was read again after a reconnect (views re-read their own data). */
  readonly resync = signal(0);
  readonly api: Api;
  readonly room: Room | null;
  /** The client's feedback line (for the shared components, shared/ui). */
  abstract readonly report: Report;
  protected stopped = false;
  private poll: ReturnType<typeof setInterval> | undefined;
  private fetching: Promise<void> | null = null;

  constructor(protected readonly opts: ConnectionOptions<Api>) {
    this.api = opts.api;
    this.room = opts.media ? new Room({ adaptiveStream: true, dynacast: true }) : null;
  }

  get identity() {
    return this.opts.session().identity;
  }

  get role() {
    return this.opts.session().role;
  }

  /** Applies a state answered by an action or a fetch (newest version wins). */
  accept = (s: MeetingState) => {
    const prev = this.state.value;
    const next = newestState(prev, s);
    this.state.value = next;
    if (next !== prev && this.room) void this.followFloor(prev, next);
    this.offset.value = clockOffset(this.opts.serverDate(), Date.now());
    this.stateError.value = null;
  };

  /** GET /state; concurrent calls share one request. */
  refresh = (): Promise<void> => {
    this.fetching ??= this.api
      .getState()
      .then(this.accept)
      .catch((e: unknown) => {
        this.stateError.value = errorText(e, this.opts.lang());
      })
      .finally(() => {
        this.fetching = null;
      });
    return this.fetching;
  };

  /** Reads the state again after a reconnect, then lets the views re-read theirs (my ballot). */
  protected resyncNow = async () => {
    await this.refresh();
    this.resync.value++;
  };

  async start(): Promise<void> {
    const room = this.room;
    if (!room) {
      this.connection.value = ConnectionState.Connected;
      await this.refresh();
      this.poll = setInterval(() => void this.refresh(), this.opts.pollMs ?? POLL_MS);
      return;
    }
    room
      .on(RoomEvent.ConnectionStateChanged, (c) => {
        this.connection.value = c;
      })
      .on(RoomEvent.Reconnected, () => void this.resyncNow())
      .on(RoomEvent.SignalReconnecting, () => {
        this.connection.value = ConnectionState.SignalReconnecting;
      })
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
        if (this.stopped) return;
        const final = finalReason(reason);
        // Rejoining here would push the other tab out, or undo the chair's decision.
        if (final) this.end(word(this.opts.lang(), final));
        else void this.reconnect();
      })
      .on(RoomEvent.DataReceived, (payload, _participant, _kind, topic) => {
        if (topic !== STATE_TOPIC) return;
        const action = actionForMessage(this.state.value, decodePayload(payload));
        if (action.kind === 'apply') this.accept(action.state);
        else if (action.kind === 'fetch') void this.refresh();
      })
      .on(RoomEvent.AudioPlaybackStatusChanged, () => {
        this.audioBlocked.value = !room.canPlaybackAudio;
      })
      .on(RoomEvent.ParticipantPermissionsChanged, (_prev, participant) => {
        if (participant === room.localParticipant) this.onPermissions(room.localParticipant);
      });
    this.wire(room);
    this.poll = setInterval(() => void this.refresh(), POLL_MS);
    await this.connect();
  }

  /** The client's own room events (remote tracks, participants). */
  protected abstract wire(room: Room): void;

  /** The floor changed hands: the microphone follows it. */
  protected abstract followFloor(prev: MeetingState | null, next: MeetingState): Promise<void>;

  /** The server changed what this participant may publish (the floor given or taken back). */
  protected abstract onPermissions(local: LocalParticipant): void;

  private async connect(): Promise<void> {
    const room = this.room!;
    const s = this.opts.session();
    try {
      await room.connect(s.livekitUrl, s.token, { autoSubscribe: true });
    } catch {
      this.connection.value = ConnectionState.Disconnected;
      this.stateError.value = word(this.opts.lang(), this.opts.connectFailed);
      return;
    }
    this.audioBlocked.value = !room.canPlaybackAudio;
    await this.joined(room);
  }

  /** In the room (first join or rejoin): read the state. */
  protected async joined(_room: Room): Promise<void> {
    await this.refresh();
  }

  /** After a full disconnect (network gone for long): wait, then join the room again. */
  private async reconnect(): Promise<void> {
    await new Promise((r) => setTimeout(r, RECONNECT_MS));
    if (this.stopped || this.room?.state !== ConnectionState.Disconnected) return;
    this.connection.value = ConnectionState.Reconnecting;
    await this.connect();
    this.resync.value++;
    const state = this.room?.state as ConnectionState | undefined;
    if (state !== ConnectionState.Connected && !this.stopped) void this.reconnect();
  }

  /** The room ended for good: say why (the client may also stop). */
  protected end(why: string) {
    this.ended.value = why;
  }

  async startAudio(): Promise<void> {
    await this.room?.startAudio();
    this.audioBlocked.value = !(this.room?.canPlaybackAudio ?? true);
  }

  stop() {
    this.stopped = true;
    clearInterval(this.poll);
    void this.room?.disconnect();
  }
}
