// Raising a hand: a voter asks to speak; a delegate registers to speak, to question an official,
// or on a point of order. Shows the place in the queue and lets the person withdraw.
import { HandKind, handKindLabel, type MeetingState } from '../../../../shared/meeting';
import type { LiveMeeting } from '../live';
import { t, tf, tr } from '../i18n';
import { act } from '../notice';
import { myQueueEntry, queuePosition } from '../../../../shared/meeting-state';

export function HandControl({ live, state }: { live: LiveMeeting; state: MeetingState }) {
  const mine = myQueueEntry(state, live.identity);
  const hasFloor = state.floor?.identity === live.identity;
  const kinds: HandKind[] = live.role === 'voter' ? ['speak'] : HandKind.options;
  if (hasFloor) return null;
  return (
    <section class="card hand" aria-labelledby="hand-title">
      <h2 id="hand-title">{t('raiseHand')}</h2>
      {mine ? (
        <>
          <p data-testid="hand-state">
            {tf('handRaised', {
              kind: tr(handKindLabel[mine.kind]),
              pos: queuePosition(state, live.identity),
            })}
          </p>
          <button
            type="button"
            class="big"
            onClick={() => void act(() => live.api.lowerHand().then(live.accept), t('handLowered'))}
          >
            {t('lowerHand')}
          </button>
        </>
      ) : (
        <div class="hand-buttons">
          {kinds.map((k) => (
            <button
              key={k}
              type="button"
              class={`big ${k === 'speak' ? 'primary' : ''}`}
              onClick={() => void act(() => live.api.raiseHand(k).then(live.accept), t('handSent'))}
            >
              {live.role === 'voter' ? t('raiseHand') : tr(handKindLabel[k])}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
