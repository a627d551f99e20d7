// The meeting the side panel takes part in: the shared meeting connection
// (shared/meeting-connection.ts: room events, state, reconnection; the same rules as the web
// client) with the panel's media — audio only: the remote microphones, and the delegate's own
// while holding the floor — and the participant session renewed before it expires.
import { signal } from '@preact/signals';
import {
  ConnectionState,
  RoomEvent,
  Track,
  type LocalParticipant,
  type Room,
} from 'livekit-client';
import type { JoinResponse } from '../../shared/api';
import type { MeetingState } from '../../shared/meeting';
import { ErrorCode } from '../../shared/errors';
import { ClientError, type MeetingClient } from '../../shared/meeting-client';
import { MeetingConnection } from '../../shared/meeting-connection';
import { allowedSources } from '../../shared/meeting-state';
import { refreshDelay } from '../../shared/meeting-session';
import { errorText as sharedErrorText } from '../../shared/ui/report';
import { lang, t } from '../base/i18n';

const RETRY_MS = 30_000;

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
  id: number;
}

const errorText = (e: unknown) => sharedErrorText(e, lang.value);

export class PanelMeeting extends MeetingConnection {
  /** The panel's feedback line, shown under the room. */
  readonly notice = signal<Notice | null>(null);
  private readonly held: { session: JoinResponse; issuedAt: number };
  private renew: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  constructor(
    private readonly client: MeetingClient,
    session: JoinResponse,
  ) {
    const held = { session, issuedAt: Date.now() };
    super({
      session: () => held.session,
      api: client.meeting(session.meetingId, () => held.session.sessionToken),
      serverDate: () => client.serverDate(),
      lang: () => lang.value,
      media: true,
      connectFailed: 'reconnecting',
    });
    this.held = held;
  }

  get name() {
    return this.held.session.name;
  }

  /** The panel's feedback line (what an action did, or what went wrong). */
  report = (kind: Notice['kind'], text: string) => {
    this.notice.value = { kind, text, id: ++this.seq };
  };

  override async start(): Promise<void> {
    this.scheduleRenewal(refreshDelay(this.held, Date.now()));
    await super.start();
  }

  /** Remote microphones play through hidden audio elements LiveKit creates. */
  protected wire(room: Room) {
    room
      .on(RoomEvent.TrackSubscribed, (track, _pub, participant) => {
        if (track.kind !== Track.Kind.Audio) return;
        const el = track.attach();
        el.dataset.identity = participant.identity;
        el.hidden = true;
        document.body.append(el);
      })
      .on(RoomEvent.TrackUnsubscribed, (track) => {
        for (const el of track.detach()) el.remove();
      });
  }

  /** The microphone as the server allows it (the chair's microphones: with the floor, or free discussion). */
  protected onPermissions(local: LocalParticipant) {
    if (!allowedSources(local.permissions).microphone) this.micOn.value = false;
    else if (this.hasFloor(this.state.value) && !this.micOn.value) void this.setMic(true);
  }

  /** Renews the participant session (and the LiveKit token for reconnects) before it expires. */
  private scheduleRenewal(delay: number) {
    clearTimeout(this.renew);
    this.renew = setTimeout(() => {
      this.client
        .refreshSession(this.held.session.sessionToken)
        .then((s) => {
          this.held.session = s;
          this.held.issuedAt = Date.now();
          this.scheduleRenewal(refreshDelay(this.held, Date.now()));
        })
        .catch((e: unknown) => {
          if (e instanceof ClientError && e.status === 401) {
            // A revoked or expired invitation, or an ended term, says so (and whom to ask); else
            // the session is lost.
            this.end(
              e.code.startsWith('invitation_') || e.code === ErrorCode.termEnded
                ? errorText(e)
                : t('sessionLost'),
            );
            return;
          }
          this.report('error', t('refreshFailed', { reason: errorText(e) }));
          this.scheduleRenewal(RETRY_MS);
        });
    }, delay);
  }

  private hasFloor(s: MeetingState | null) {
    return s?.floor?.identity === this.identity;
  }

  /** The microphone follows the floor: on when the chair gives it, off when it ends. */
  protected async followFloor(prev: MeetingState | null, next: MeetingState) {
    const had = this.hasFloor(prev);
    const has = this.hasFloor(next);
    if (has && !had) {
      this.report('ok', t('youHaveFloor'));
      // Where the chair controls the microphones, the permission may arrive after the state:
      // then onPermissions turns the microphone on.
      const p = this.room!.localParticipant.permissions;
      if (p ? allowedSources(p).microphone : this.held.session.canPublish) await this.setMic(true);
    }
    if (had && !has && this.micOn.value) await this.setMic(false);
  }

  async setMic(on: boolean): Promise<void> {
    try {
      await this.room!.localParticipant.setMicrophoneEnabled(on);
      this.micOn.value = on;
    } catch {
      this.micOn.value = false;
      if (on) this.report('error', t('panel.micFailed'));
    }
  }

  /** Leaves the room for good: the panel stops (the delegate rejoins with a button). */
  protected override end(why: string) {
    super.end(why);
    this.stop();
  }

  override stop() {
    clearTimeout(this.renew);
    super.stop();
    for (const el of document.querySelectorAll('audio[data-identity]')) el.remove();
    this.connection.value = ConnectionState.Disconnected;
  }
}
