// Small building blocks shared by every view: the feedback line, media elements for LiveKit
// tracks, the ticking clock, the speaker timer and the meeting status badge.
import { signal } from '@preact/signals';
import type { Track } from 'livekit-client';
import { useEffect, useRef } from 'preact/hooks';
import type { MeetingStatus } from '../../../../shared/domain';
import { t, tf } from '../i18n';
import { notice } from '../notice';
import { formatClock, secondsLeft } from '../../../../shared/meeting-state';

/** Wall clock, ticking once a second while the page is open. */
export const now = signal(Date.now());
setInterval(() => {
  now.value = Date.now();
}, 1000);

export function NoticeBar() {
  const n = notice.value;
  return (
    <div class="notice-slot" aria-live="polite" role="status">
      {n && (
        <p class={`notice ${n.kind}`} data-testid="notice" key={n.id}>
          <span>{n.text}</span>
          <button
            type="button"
            class="plain"
            onClick={() => (notice.value = null)}
            aria-label={t('close')}
          >
            ×
          </button>
        </p>
      )}
    </div>
  );
}

export function VideoView({ track, name }: { track: Track; name: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    track.attach(el);
    return () => void track.detach(el);
  }, [track]);
  return <video ref={ref} class="video" aria-label={tf('video', { name })} muted playsInline />;
}

/** Plays one remote participant's microphone; `data-identity` tells whose it is. */
export function AudioSink({ track, identity }: { track: Track; identity: string }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    track.attach(el);
    return () => void track.detach(el);
  }, [track]);
  return <audio ref={ref} data-identity={identity} autoPlay />;
}

export function Timer({
  endsAt,
  offset,
  label,
}: {
  endsAt: string;
  offset: number;
  label?: string;
}) {
  const left = secondsLeft(endsAt, now.value + offset);
  return (
    <span
      class={`timer ${left <= 30 ? 'low' : ''}`}
      role="timer"
      aria-label={label ?? t('timeLeft')}
    >
      {formatClock(left)}
    </span>
  );
}

export const statusText = (s: MeetingStatus) =>
  s === 'open' ? t('statusOpen') : s === 'closed' ? t('statusClosed') : t('statusScheduled');

export function StatusBadge({ status }: { status: MeetingStatus }) {
  return <span class={`badge status-${status}`}>{statusText(status)}</span>;
}
