// The ticking clock of the meeting clients and the countdown of a speaking turn or a timed vote,
// corrected by the server's clock (`offset`, server − client ms).
import { signal } from '@preact/signals';
import { formatClock, secondsLeft } from '../meeting-state';

/** Wall clock, ticking once a second while the page is open. */
export const now = signal(Date.now());
setInterval(() => {
  now.value = Date.now();
}, 1000);

export function Timer({
  endsAt,
  offset,
  label,
}: {
  endsAt: string;
  offset: number;
  label: string;
}) {
  // Read the signal so the timer re-renders every second; compute with the exact time.
  const left = secondsLeft(endsAt, Math.max(now.value, Date.now()) + offset);
  return (
    <span class={`timer ${left <= 30 ? 'low' : ''}`} role="timer" aria-label={label}>
      {formatClock(left)}
    </span>
  );
}
