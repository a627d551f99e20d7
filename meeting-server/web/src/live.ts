// The live meeting in this page: the LiveKit room (tracks, devices, permissions, reconnection) and
// the meeting state from the server, kept as signals the views render. State is fetched on join,
// after every reconnect, and when a `state` data message announces a newer version; the embedded
// state is applied directly when it is newer (pure rules in state.ts). When the browser reports
// the network gone, the page says so at once (LiveKit notices only after its ping times out); when
// it is back, the state is read again and `resync` tells the views to re-read what they hold.
import { signal } from '@preact/signals';
import {
  ConnectionState,
  DisconnectReason,
  Room,
  RoomEvent,
  Track,
  type LocalParticipant,
  type Participant,
  type RemoteParticipant,
} from 'livekit-client';
import type { JoinResponse } from '../../../shared/api';
import { Role } from '../../../shared/domain';
import { STATE_TOPIC, type MeetingState } from '../../../shared/meeting';
import { ClientError, meetingApi, serverDate, type MeetingApi } from './api';
import { t } from './i18n';
import {
  actionForMessage,
  clockOffset,
  decodePayload,
  newestState,
} from '../../../shared/meeting-state';
import { notify } from './notice';

export interface Person {
  identity: string;
  name: string;
  role: Role | null;
  ward: string | null;
  local: boolean;
  audio: Track | null;
  video: Track | null;
  micOn: boolean;
  speaking: boolean;
}

function metadataOf(p: Participant): { role: Role | null; ward: string | null } {
  try {
    const meta = JSON.parse(p.metadata || '{}') as { role?: unknown; ward?: unknown };
    const role = Role.safeParse(meta.role);
    return {
      role: role.success ? role.data : null,
      ward: typeof meta.ward === 'string' ? meta.ward : null,
    };
  } catch {
    return { role: null, ward: null };
  }
}

function personOf(p: Participant, local: boolean, speaking: Set<string>): Person {
  const mic = p.getTrackPublication(Track.Source.Microphone);
  const cam = p.getTrackPublication(Track.Source.Camera);
  return {
    identity: p.identity,
    name: p.name || p.identity,
    ...metadataOf(p),
    local,
    audio: !local && mic?.isSubscribed && mic.track ? mic.track : null,
    video: cam?.track && !cam.isMuted ? cam.track : null,
    micOn: !!mic && !mic.isMuted,
    speaking: speaking.has(p.identity),
  };
}

/** A disconnect the page must not undo by rejoining on its own, with what to tell the person. */
export function finalDisconnect(reason: DisconnectReason | undefined): string | null {
  switch (reason) {
    case DisconnectReason.DUPLICATE_IDENTITY:
      return t('otherPlace');
    case DisconnectReason.PARTICIPANT_REMOVED:
      return t('removed');
    case DisconnectReason.ROOM_DELETED:
      return t('roomEnded');
    default:
      return null;
  }
}

export interface LiveOptions {
  /** Connect to LiveKit (false for the hall display, which only follows the state). */
  media: boolean;
  micOnJoin: boolean;
  cameraOnJoin: boolean;
}

const POLL_MS = 20_000;
const HALL_POLL_MS = 2_000;

export class LiveMeeting {
  readonly connection = signal<ConnectionState>(ConnectionState.Connecting);
  readonly state = signal<MeetingState | null>(null);
  readonly people = signal<Person[]>([]);
  readonly micOn = signal(false);
  readonly cameraOn = signal(false);
  readonly canPublish = signal(false);
  readonly audioBlocked = signal(false);
  readonly stateError = signal<string | null>(null);
  /** Why the room ended for good (another tab took over, removed, meeting ended); no rejoin. */
  readonly ended = signal<string | null>(null);
  /** Server − client clock, ms, for timers. */
  readonly offset = signal(0);
  /** The browser's network: false while it reports being offline. */
  readonly online = signal(typeof navigator === 'undefined' || navigator.onLine);
  /** Bumped each time the state was read again after a reconnect (views re-read their own data). */
  readonly resync = signal(0);
  readonly api: MeetingApi;
  /** The page's feedback line (for the shared components, shared/ui). */
  readonly report = notify;
  readonly room: Room | null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private fetching: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private session: () => JoinResponse,
    private readonly opts: LiveOptions,
  ) {
    const s = session();
    this.api = meetingApi(s.meetingId, () => this.session().sessionToken);
    this.canPublish.value = s.canPublish;
    this.room = opts.media ? new Room({ adaptiveStream: true, dynacast: true }) : null;
  }

  get identity() {
    return this.session().identity;
  }

  get role() {
    return this.session().role;
  }

  /** Applies a state answered by an action or a fetch (newest version wins). */
  accept = (s: MeetingState) => {
    const prev = this.state.value;
    const next = newestState(prev, s);
    this.state.value = next;
    if (next !== prev && this.room) void this.followFloor(prev, next);
    this.offset.value = clockOffset(serverDate(), Date.now());
    this.stateError.value = null;
  };

  /** GET /state; concurrent calls share one request. */
  refresh = (): Promise<void> => {
    this.fetching ??= this.api
      .getState()
      .then(this.accept)
      .catch((e: unknown) => {
        this.stateError.value = e instanceof ClientError ? e.message : t('networkError');
      })
      .finally(() => {
        this.fetching = null;
      });
    return this.fetching;
  };

  /** Reads the state again after a reconnect, then lets the views re-read theirs (my ballot). */
  private resyncNow = async () => {
    await this.refresh();
    this.resync.value++;
  };

  private onOffline = () => {
    this.online.value = false;
  };

  private onOnline = () => {
    this.online.value = true;
    void this.resyncNow();
  };

  async start(): Promise<void> {
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    const room = this.room;
    if (!room) {
      this.connection.value = ConnectionState.Connected;
      await this.refresh();
      this.timer = setInterval(() => void this.refresh(), HALL_POLL_MS);
      return;
    }
    const people = () => this.updatePeople();
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
        const final = finalDisconnect(reason);
        if (final) {
          // Rejoining here would push the other tab out, or undo the chair's decision.
          this.ended.value = final;
          return;
        }
        void this.reconnect();
      })
      .on(RoomEvent.DataReceived, (payload, _participant, _kind, topic) => {
        if (topic !== STATE_TOPIC) return;
        const action = actionForMessage(this.state.value, decodePayload(payload));
        if (action.kind === 'apply') this.accept(action.state);
        else if (action.kind === 'fetch') void this.refresh();
      })
      .on(RoomEvent.ParticipantConnected, people)
      .on(RoomEvent.ParticipantDisconnected, people)
      .on(RoomEvent.ParticipantMetadataChanged, people)
      .on(RoomEvent.TrackSubscribed, people)
      .on(RoomEvent.TrackUnsubscribed, people)
      .on(RoomEvent.TrackPublished, people)
      .on(RoomEvent.TrackUnpublished, people)
      .on(RoomEvent.TrackMuted, people)
      .on(RoomEvent.TrackUnmuted, people)
      .on(RoomEvent.LocalTrackPublished, people)
      .on(RoomEvent.LocalTrackUnpublished, people)
      .on(RoomEvent.ActiveSpeakersChanged, people)
      .on(RoomEvent.AudioPlaybackStatusChanged, () => {
        this.audioBlocked.value = !room.canPlaybackAudio;
      })
      .on(RoomEvent.ParticipantPermissionsChanged, (_prev, participant) => {
        if (participant === room.localParticipant) this.onPermissions(room.localParticipant);
      });
    this.timer = setInterval(() => void this.refresh(), POLL_MS);
    await this.connect();
  }

  private async connect(): Promise<void> {
    const room = this.room!;
    const s = this.session();
    try {
      await room.connect(s.livekitUrl, s.token);
    } catch {
      this.connection.value = ConnectionState.Disconnected;
      this.stateError.value = t('networkError');
      return;
    }
    this.audioBlocked.value = !room.canPlaybackAudio;
    this.updatePeople();
    await this.refresh();
    this.canPublish.value = room.localParticipant.permissions?.canPublish ?? s.canPublish;
    if (this.canPublish.value) {
      if (this.opts.cameraOnJoin) await this.setCamera(true);
      if (this.opts.micOnJoin) await this.setMic(true);
    }
  }

  /** After a full disconnect (network gone for long): wait, then join the room again. */
  private async reconnect(): Promise<void> {
    await new Promise((r) => setTimeout(r, 2000));
    if (this.stopped || this.room?.state !== ConnectionState.Disconnected) return;
    this.connection.value = ConnectionState.Reconnecting;
    await this.connect();
    this.resync.value++;
    const state = this.room?.state as ConnectionState | undefined;
    if (state !== ConnectionState.Connected && !this.stopped) void this.reconnect();
  }

  /** The chair gave (or took back) the floor: publishing follows the server's grant. */
  private onPermissions(local: LocalParticipant) {
    const can = local.permissions?.canPublish ?? false;
    const had = this.canPublish.value;
    this.canPublish.value = can;
    if (can && !had && !this.micOn.value && this.state.value?.floor?.identity === local.identity) {
      void this.setMic(true).then(() => notify('ok', t('youHaveFloor')));
    }
    if (!can) void this.unpublishAll();
  }

  /** Publishing was taken away (the floor ended): stop and unpublish every local track. */
  private async unpublishAll() {
    const local = this.room?.localParticipant;
    if (!local) return;
    for (const pub of [...local.trackPublications.values()]) {
      if (pub.track) await local.unpublishTrack(pub.track, true).catch(() => undefined);
    }
    this.micOn.value = false;
    this.cameraOn.value = false;
    this.updatePeople();
  }

  /** Turns the microphone on when I am given the floor (the hall's microphone system does the same). */
  async followFloor(prev: MeetingState | null, next: MeetingState) {
    const me = this.identity;
    const hadFloor = prev?.floor?.identity === me;
    const hasFloor = next.floor?.identity === me;
    if (hasFloor && !hadFloor && this.canPublish.value && !this.micOn.value) {
      await this.setMic(true);
      notify('ok', t('youHaveFloor'));
    }
    if (!hasFloor && hadFloor) {
      notify('ok', t('floorEndedYou'));
      // Voters and guests may publish only while they hold the floor; delegates are muted.
      if (this.role === 'voter' || this.role === 'guest') await this.unpublishAll();
      else if (this.role === 'member' && this.micOn.value) await this.setMic(false);
    }
  }

  async setMic(on: boolean): Promise<void> {
    if (!this.room) return;
    try {
      await this.room.localParticipant.setMicrophoneEnabled(on);
      this.micOn.value = on;
    } catch {
      notify('error', t('mediaError'));
    }
    this.updatePeople();
  }

  async setCamera(on: boolean): Promise<void> {
    if (!this.room) return;
    try {
      await this.room.localParticipant.setCameraEnabled(on);
      this.cameraOn.value = on;
    } catch {
      notify('error', t('mediaError'));
    }
    this.updatePeople();
  }

  async switchDevice(kind: MediaDeviceKind, deviceId: string): Promise<void> {
    if (!this.room) return;
    try {
      await this.room.switchActiveDevice(kind, deviceId);
      notify('ok', t('deviceSwitched'));
    } catch {
      notify('error', t('mediaError'));
    }
  }

  async startAudio(): Promise<void> {
    await this.room?.startAudio();
    this.audioBlocked.value = !(this.room?.canPlaybackAudio ?? true);
  }

  private updatePeople() {
    const room = this.room;
    if (!room) return;
    const speaking = new Set(room.activeSpeakers.map((p) => p.identity));
    const remote: RemoteParticipant[] = [...room.remoteParticipants.values()];
    this.people.value = [
      personOf(room.localParticipant, true, speaking),
      ...remote.map((p) => personOf(p, false, speaking)),
    ];
  }

  stop() {
    this.stopped = true;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    clearInterval(this.timer);
    void this.room?.disconnect();
  }
}
