// Small building blocks shared by every view: the feedback line, media elements for LiveKit
// tracks, the ticking clock, the speaker timer and the meeting status badge.
import type { Track } from 'livekit-client';
import { useEffect, useRef } from 'preact/hooks';
import type { MeetingStatus } from '../../../../shared/domain';
import { t, tf } from '../i18n';
import { notice } from '../notice';
import { Timer as SharedTimer } from '../../../../shared/ui/clock';

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

/** The countdown of a speaking turn or a timed vote (shared with the extension's side panel). */
export const Timer = (p: { endsAt: string; offset: number; label?: string }) => (
  <SharedTimer endsAt={p.endsAt} offset={p.offset} label={p.label ?? t('timeLeft')} />
);

export const statusText = (s: MeetingStatus) =>
  s === 'open' ? t('statusOpen') : s === 'closed' ? t('statusClosed') : t('statusScheduled');

export function StatusBadge({ status }: { status: MeetingStatus }) {
  return <span class={`badge status-${status}`}>{statusText(status)}</span>;
}
