// Raising a hand, in every meeting client: a voter asks to speak; a delegate registers to speak,
// to question an official, or on a point of order. Shows the place in the queue and lets the
// person withdraw; hidden while the person holds the floor.
import { HandKind, handKindLabel, type MeetingState } from '../meeting';
import { myQueueEntry, queuePosition } from '../meeting-state';
import { word, type Lang } from '../meeting-words';
import { act, type Participant } from './report';

export interface ParticipantProps {
  lang: Lang;
  state: MeetingState;
  live: Participant;
}

export function HandControl({ lang, state, live }: ParticipantProps) {
  const { identity, role, api: calls, accept, report } = live;
  const mine = myQueueEntry(state, identity);
  if (state.floor?.identity === identity) return null;
  const kinds: HandKind[] = role === 'voter' ? ['speak'] : HandKind.options;
  const run = (call: () => Promise<MeetingState>, ok: string) =>
    void act(lang, report, () => call().then(accept), ok);
  return (
    <section class="card hand" aria-labelledby="hand-title">
      <h2 id="hand-title">{word(lang, 'raiseHand')}</h2>
      {mine ? (
        <>
          <p data-testid="hand-state">
            {word(lang, 'handRaised', {
              kind: handKindLabel[mine.kind][lang],
              pos: queuePosition(state, identity),
            })}
          </p>
          <button
            type="button"
            class="big"
            onClick={() => run(() => calls.lowerHand(), word(lang, 'handLowered'))}
          >
            {word(lang, 'lowerHand')}
          </button>
        </>
      ) : (
        <div class="hand-buttons">
          {kinds.map((k) => (
            <button
              key={k}
              type="button"
              class={`big ${k === 'speak' ? 'primary' : ''}`}
              onClick={() => run(() => calls.raiseHand(k), word(lang, 'handSent'))}
            >
              {role === 'voter' ? word(lang, 'raiseHand') : handKindLabel[k][lang]}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
