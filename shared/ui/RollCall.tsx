// The roll-call card, in every meeting client: while the chair takes the roll, a member of the
// body confirms being present; afterwards the card says the confirmation was recorded.
import type { MeetingState } from '../meeting';
import { memberIdOf } from '../meeting-state';
import { word } from '../meeting-words';
import type { ParticipantProps } from './HandControl';
import { act } from './report';

export function RollCall({ lang, state, live }: ParticipantProps) {
  const memberId = memberIdOf(live.identity);
  const rc = state.rollCall;
  if (!rc.open || !memberId) return null;
  return (
    <section class="card roll-call" aria-labelledby="rc-title">
      <h2 id="rc-title">{word(lang, 'rollCall')}</h2>
      {rc.confirmedMemberIds.includes(memberId) ? (
        <p>{word(lang, 'presenceConfirmed')}</p>
      ) : (
        <>
          <p>{word(lang, 'rollCallAsk')}</p>
          <button
            type="button"
            class="primary big"
            onClick={() =>
              void act(
                lang,
                live.report,
                () => live.api.confirmRollCall().then((s: MeetingState) => live.accept(s)),
                word(lang, 'presenceConfirmed'),
              )
            }
          >
            {word(lang, 'confirmPresence')}
          </button>
        </>
      )}
    </section>
  );
}
