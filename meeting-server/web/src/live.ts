// The live meeting in this page: the shared meeting connection (shared/meeting-connection.ts:
// room events, state, reconnection) with this page's media — tracks and people, devices, camera,
// publishing only while the server allows it. When the browser reports the network gone, the page
// says so at once (LiveKit notices only after its ping times out); when it is back, the state is
// read again and `resync` tells the views to re-read what they hold.
import { signal } from '@preact/signals';
import type { Room } from 'livekit-client';
import {
  RoomEvent,
  Track,
  type LocalParticipant,
  type Participant,
  type RemoteParticipant,
} from 'livekit-client';
import type { JoinResponse } from '../../../shared/api';
import { Role } from '../../../shared/domain';
import type { MeetingState } from '../../../shared/meeting';
import { MeetingConnection } from '../../../shared/meeting-connection';
import { allowedSources, type AllowedSources } from '../../../shared/meeting-state';
import { meetingApi, serverDate, type MeetingApi } from './api';
import { lang, t } from './i18n';
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

export interface LiveOptions {
  /** Connect to LiveKit (false for the hall display, which only follows the state). */
  media: boolean;
  micOnJoin: boolean;
  cameraOnJoin: boolean;
}

const HALL_POLL_MS = 2_000;

/**
 * Did the browser (or the device) refuse the microphone or camera? Those errors are DOMExceptions
 * (NotAllowedError, NotFoundError, NotReadableError…); anything else is LiveKit refusing to publish
 * a source the server does not allow, which has another cause and another remedy.
 */
function refusedByBrowser(err: unknown): boolean {
  return typeof DOMException !== 'undefined' && err instanceof DOMException;
}

export class LiveMeeting extends MeetingConnection<MeetingApi> {
  readonly people = signal<Person[]>([]);
  readonly cameraOn = signal(false);
  readonly canPublish = signal(false);
  /** The sources the server allows me to publish now (LiveKit's permission): only these are offered. */
  readonly allowed = signal<AllowedSources>({ microphone: false, camera: false });
  /** The browser's network: false while it reports being offline. */
  readonly online = signal(typeof navigator === 'undefined' || navigator.onLine);
  /** The page's feedback line (for the shared components, shared/ui). */
  readonly report = notify;

  constructor(
    session: () => JoinResponse,
    private readonly prefs: LiveOptions,
  ) {
    const s = session();
    super({
      session,
      api: meetingApi(s.meetingId, () => session().sessionToken),
      serverDate,
      lang: () => lang.value,
      media: prefs.media,
      pollMs: HALL_POLL_MS,
      connectFailed: 'networkError',
    });
    this.canPublish.value = s.canPublish;
  }

  private onOffline = () => {
    this.online.value = false;
  };

  private onOnline = () => {
    this.online.value = true;
    void this.resyncNow();
  };

  override async start(): Promise<void> {
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    await super.start();
  }

  protected wire(room: Room) {
    const people = () => this.updatePeople();
    room
      .on(RoomEvent.ParticipantConnected, people)
      .on(RoomEvent.ParticipantDisconnected, people)
      .on(RoomEvent.ParticipantMetadataChanged, people)
      .on(RoomEvent.TrackSubscribed, people)
      .on(RoomEvent.TrackUnsubscribed, people)
      .on(RoomEvent.TrackPublished, people)
      .on(RoomEvent.TrackUnpublished, people)
      .on(RoomEvent.TrackMuted, (publication, participant) => {
        // The chair muted me (LiveKit mutes the track from the server): say so, offer "Bật micrô".
        if (participant === room.localParticipant && publication.source === Track.Source.Microphone)
          this.micOn.value = false;
        people();
      })
      .on(RoomEvent.TrackUnmuted, people)
      .on(RoomEvent.LocalTrackPublished, people)
      .on(RoomEvent.LocalTrackUnpublished, people)
      .on(RoomEvent.ActiveSpeakersChanged, people);
  }

  protected override async joined(room: Room): Promise<void> {
    this.updatePeople();
    await this.refresh();
    const p = room.localParticipant.permissions;
    this.allowed.value = p
      ? allowedSources(p)
      : {
          microphone: this.opts.session().canPublish,
          camera: this.opts.session().canPublish,
        };
    this.canPublish.value = this.allowed.value.microphone || this.allowed.value.camera;
    if (this.allowed.value.camera && this.prefs.cameraOnJoin) await this.setCamera(true);
    if (this.allowed.value.microphone && this.prefs.micOnJoin) await this.setMic(true);
  }

  /**
   * The server changed what I may publish (the floor given or taken back, free discussion opened
   * or closed): the offered buttons follow, and a track no longer allowed is stopped here too.
   */
  protected onPermissions(local: LocalParticipant) {
    const had = this.allowed.value;
    const now = allowedSources(local.permissions);
    this.allowed.value = now;
    this.canPublish.value = now.microphone || now.camera;
    if (
      now.microphone &&
      !had.microphone &&
      !this.micOn.value &&
      this.state.value?.floor?.identity === local.identity
    ) {
      void this.setMic(true).then(() => notify('ok', t('youHaveFloor')));
    }
    if (!this.canPublish.value) void this.unpublishAll();
    else {
      if (!now.microphone && had.microphone) void this.unpublish(Track.Source.Microphone);
      if (!now.camera && had.camera) void this.unpublish(Track.Source.Camera);
    }
  }

  /** Stops and unpublishes my track of one source (the server no longer allows it). */
  private async unpublish(source: Track.Source) {
    const local = this.room?.localParticipant;
    const pub = local?.getTrackPublication(source);
    if (local && pub?.track) await local.unpublishTrack(pub.track, true).catch(() => undefined);
    if (source === Track.Source.Microphone) this.micOn.value = false;
    if (source === Track.Source.Camera) this.cameraOn.value = false;
    this.updatePeople();
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
  protected async followFloor(prev: MeetingState | null, next: MeetingState) {
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
    if (on && !this.allowed.value.microphone) return notify('error', t('micRefused'));
    try {
      await this.room.localParticipant.setMicrophoneEnabled(on);
      this.micOn.value = on;
    } catch (err) {
      notify('error', t(refusedByBrowser(err) ? 'mediaError' : 'micRefused'));
    }
    this.updatePeople();
  }

  async setCamera(on: boolean): Promise<void> {
    if (!this.room) return;
    if (on && !this.allowed.value.camera) return notify('error', t('cameraRefused'));
    try {
      await this.room.localParticipant.setCameraEnabled(on);
      this.cameraOn.value = on;
    } catch (err) {
      notify('error', t(refusedByBrowser(err) ? 'mediaError' : 'cameraRefused'));
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

  override stop() {
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    super.stop();
  }
}
