// The delegate's ballot for the open motion: title, text, time left, the three choices (or the
// confidence levels per official), and the ballot as the SERVER recorded it — never assumed.
import { useEffect, useState } from 'preact/hooks';
import {
  ConfidenceChoice,
  VoteChoice,
  confidenceChoiceLabel,
  voteChoiceLabel,
  type Motion,
} from '../../../../shared/meeting';
import type { LiveMeeting } from '../live';
import { t, tf, timeText, tr } from '../i18n';
import { errorText, notify } from '../notice';
import { Timer } from './common';

interface Recorded {
  voted: boolean;
  choice: VoteChoice | null;
  at: string | null;
}

const newKey = () => crypto.randomUUID();

export function VotePanel({ live, motion }: { live: LiveMeeting; motion: Motion }) {
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [levels, setLevels] = useState<Record<string, ConfidenceChoice>>({});
  // One idempotency key per intended ballot: a retry of the same choice is the same ballot.
  const [key, setKey] = useState<{ intent: string; key: string } | null>(null);

  useEffect(() => {
    setRecorded(null);
    setError(null);
    live.api
      .myBallot(motion.id)
      .then((b) => setRecorded({ voted: b.voted, choice: b.choice, at: null }))
      .catch((e: unknown) => setError(errorText(e)));
  }, [motion.id]);

  const cast = async (
    intent: string,
    body: { choice?: VoteChoice; confidence?: Record<string, ConfidenceChoice> },
  ) => {
    const idempotencyKey = key?.intent === intent ? key.key : newKey();
    setKey({ intent, key: idempotencyKey });
    setPending(intent);
    setError(null);
    try {
      const receipt = await live.api.castBallot(motion.id, { ...body, idempotencyKey });
      setRecorded({ voted: true, choice: receipt.choice ?? null, at: receipt.castAt });
      notify(
        'ok',
        receipt.choice
          ? tf('ballotRecorded', {
              choice: tr(voteChoiceLabel[receipt.choice]),
              time: timeText(receipt.castAt),
            })
          : tf('ballotRecordedSecret', { time: timeText(receipt.castAt) }),
      );
      setKey(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPending(null);
    }
  };

  const locked = !!recorded?.voted && !motion.allowChange;
  const receiptText = !recorded
    ? t('loading')
    : !recorded.voted
      ? t('notVotedYet')
      : recorded.at
        ? recorded.choice
          ? tf('ballotRecorded', {
              choice: tr(voteChoiceLabel[recorded.choice]),
              time: timeText(recorded.at),
            })
          : tf('ballotRecordedSecret', { time: timeText(recorded.at) })
        : recorded.choice
          ? tf('ballotVoted', { choice: tr(voteChoiceLabel[recorded.choice]) })
          : t('ballotVotedSecret');

  return (
    <section class="card vote-panel" aria-labelledby="vote-title" data-testid="vote-panel">
      <p class="eyebrow">
        {t('voteNow')}
        {motion.secret ? ` · ${t('secretVote')}` : ` · ${t('openVote')}`}
      </p>
      <h2 id="vote-title">{motion.title}</h2>
      {motion.text && <p class="motion-text">{motion.text}</p>}
      {motion.closesAt && (
        <p>
          {t('timeLeft')}: <Timer endsAt={motion.closesAt} offset={live.offset.value} />
        </p>
      )}
      {motion.kind === 'standard' ? (
        <div class="choices" role="group" aria-label={t('yourBallot')}>
          {VoteChoice.options.map((c) => (
            <button
              key={c}
              type="button"
              class={`choice-btn ${c} ${recorded?.choice === c ? 'chosen' : ''}`}
              aria-pressed={recorded?.choice === c}
              disabled={pending !== null || locked}
              onClick={() => void cast(c, { choice: c })}
            >
              {recorded?.choice === c && <span aria-hidden="true">✓ </span>}
              {tr(voteChoiceLabel[c])}
            </button>
          ))}
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (motion.officials.some((o) => !levels[o])) {
              setError(t('confidenceIncomplete'));
              return;
            }
            void cast(JSON.stringify(levels), { confidence: levels });
          }}
        >
          {motion.officials.map((o, i) => (
            <fieldset key={o} class="confidence">
              <legend>{o}</legend>
              {ConfidenceChoice.options.map((c) => (
                <label key={c} class="radio">
                  <input
                    type="radio"
                    name={`official-${i}`}
                    checked={levels[o] === c}
                    disabled={locked}
                    onChange={() => setLevels({ ...levels, [o]: c })}
                  />
                  {tr(confidenceChoiceLabel[c])}
                </label>
              ))}
            </fieldset>
          ))}
          <button class="primary" type="submit" disabled={pending !== null || locked}>
            {t('submitConfidence')}
          </button>
        </form>
      )}
      <p class="receipt" data-testid="ballot-receipt" aria-live="polite">
        {pending ? t('sending') : receiptText}
      </p>
      {motion.allowChange && recorded?.voted && <p class="muted">{t('canChange')}</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
