// The ballot for the open motion, in every meeting client: title, text, time left, the three
// choices (Tán thành / Không tán thành / Không biểu quyết; also for a dismissal), the confidence
// levels or tín nhiệm / không tín nhiệm per official, or keep / strike per candidate of an
// election ("giữ lại tối đa N"), and the ballot as the SERVER recorded it (its receipt, or GET my-ballot) — never assumed.
import { useEffect, useState } from 'preact/hooks';
import {
  ConfidenceChoice,
  NoConfidenceChoice,
  VoteChoice,
  confidenceChoiceLabel,
  dismissalTargetLabel,
  noConfidenceChoiceLabel,
  voteChoiceLabel,
  type CastBallot,
  type Motion,
} from '../meeting';
import { timeText, word, type Lang } from '../meeting-words';
import { Timer } from './clock';
import { errorText, type Participant } from './report';

interface Recorded {
  voted: boolean;
  choice: VoteChoice | null;
  /** When the server recorded it (from the receipt); null when read back with my-ballot. */
  at: string | null;
  /** Encrypted votes: the ballot's receipt (SHA-256) to find on the public board. */
  receipt?: string | null;
}

function receiptText(lang: Lang, r: Recorded | null): string {
  if (!r) return word(lang, 'loading');
  if (!r.voted) return word(lang, 'notVotedYet');
  const choice = r.choice ? voteChoiceLabel[r.choice][lang] : null;
  if (r.at) {
    const time = timeText(r.at, lang);
    return choice
      ? word(lang, 'ballotRecorded', { choice, time })
      : word(lang, 'ballotRecordedSecret', { time });
  }
  return choice ? word(lang, 'ballotVoted', { choice }) : word(lang, 'ballotVotedSecret');
}

export function VotePanel({
  lang,
  motion,
  live,
}: {
  lang: Lang;
  motion: Motion;
  live: Participant;
}) {
  const { api: calls, report } = live;
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Choices per person on the ballot, in Maps: a name is never an object key ("constructor").
  const [levels, setLevels] = useState<Map<string, ConfidenceChoice>>(new Map());
  const [trust, setTrust] = useState<Map<string, NoConfidenceChoice>>(new Map());
  const [struck, setStruck] = useState<Set<string>>(new Set());
  // One idempotency key per intended ballot: a retry of the same choice is the same ballot.
  const [key, setKey] = useState<{ intent: string; key: string } | null>(null);

  const resync = live.resync?.value ?? 0;
  useEffect(() => {
    setRecorded(null);
    setError(null);
    setLevels(new Map());
    setTrust(new Map());
    setStruck(new Set());
  }, [motion.id]);
  // Read again after a reconnect: a ballot whose answer was lost with the network shows as the
  // server recorded it (or as not cast), never as the error the lost answer left.
  useEffect(() => {
    calls
      .myBallot(motion.id)
      .then((b) => {
        // The same ballot as the receipt already shown keeps its recorded time.
        setRecorded((prev) =>
          prev?.voted && b.voted && prev.choice === b.choice
            ? prev
            : { voted: b.voted, choice: b.choice, at: null, receipt: b.receipt ?? null },
        );
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e, lang)));
  }, [motion.id, resync]);

  const cast = async (intent: string, body: Omit<CastBallot, 'idempotencyKey'>) => {
    const idempotencyKey = key?.intent === intent ? key.key : crypto.randomUUID();
    setKey({ intent, key: idempotencyKey });
    setPending(intent);
    setError(null);
    try {
      // An encrypted vote's ballot is encrypted here, in the browser (shared/meeting-client.ts).
      const receipt = await calls.castBallot(motion.id, { ...body, idempotencyKey }, motion);
      const r = {
        voted: true,
        choice: receipt.choice ?? null,
        at: receipt.castAt,
        receipt: receipt.receipt ?? null,
      };
      setRecorded(r);
      report('ok', receiptText(lang, r));
      setKey(null);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setPending(null);
    }
  };

  const locked = !!recorded?.voted && !motion.allowChange;
  return (
    <section class="card vote-panel" aria-labelledby="vote-title" data-testid="vote-panel">
      <p class="eyebrow">
        {word(lang, 'voteNow')} ·{' '}
        {word(lang, motion.encrypted ? 'encryptedVote' : motion.secret ? 'secretVote' : 'openVote')}
      </p>
      <h2 id="vote-title">{motion.title}</h2>
      {motion.text && <p class="motion-text">{motion.text}</p>}
      {motion.closesAt && (
        <p>
          {word(lang, 'timeLeft')}:{' '}
          <Timer
            endsAt={motion.closesAt}
            offset={live.offset.value}
            label={word(lang, 'timeLeft')}
          />
        </p>
      )}
      {motion.kind === 'dismissal' && motion.dismissalTarget && (
        <p class="dismissal-of" data-testid="dismissal-of">
          {word(lang, 'dismissalOf', {
            target: dismissalTargetLabel[motion.dismissalTarget][lang],
            person: motion.officials[0] ?? '',
          })}
        </p>
      )}
      {(motion.kind === 'standard' || motion.kind === 'dismissal') && (
        <div class="choices" role="group" aria-label={word(lang, 'yourBallot')}>
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
              {voteChoiceLabel[c][lang]}
            </button>
          ))}
        </div>
      )}
      {motion.kind === 'confidence' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (motion.officials.some((o) => !levels.has(o))) {
              setError(word(lang, 'confidenceIncomplete'));
              return;
            }
            const body = Object.fromEntries(levels);
            void cast(JSON.stringify([...levels]), { confidence: body });
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
                    checked={levels.get(o) === c}
                    disabled={locked}
                    onChange={() => setLevels(new Map(levels).set(o, c))}
                  />
                  {confidenceChoiceLabel[c][lang]}
                </label>
              ))}
            </fieldset>
          ))}
          <button class="primary" type="submit" disabled={pending !== null || locked}>
            {word(lang, 'submitConfidence')}
          </button>
        </form>
      )}
      {motion.kind === 'no_confidence' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (motion.officials.some((o) => !trust.has(o))) {
              setError(word(lang, 'noConfidenceIncomplete'));
              return;
            }
            const body = Object.fromEntries(trust);
            void cast(JSON.stringify([...trust]), { noConfidence: body });
          }}
        >
          {motion.officials.map((o, i) => (
            <fieldset key={o} class="confidence">
              <legend>{o}</legend>
              {NoConfidenceChoice.options.map((c) => (
                <label key={c} class="radio">
                  <input
                    type="radio"
                    name={`official-${i}`}
                    checked={trust.get(o) === c}
                    disabled={locked}
                    onChange={() => setTrust(new Map(trust).set(o, c))}
                  />
                  {noConfidenceChoiceLabel[c][lang]}
                </label>
              ))}
            </fieldset>
          ))}
          <button class="primary" type="submit" disabled={pending !== null || locked}>
            {word(lang, 'submitNoConfidence')}
          </button>
        </form>
      )}
      {motion.kind === 'election' && (
        <ElectionBallot
          lang={lang}
          motion={motion}
          struck={struck}
          setStruck={setStruck}
          disabled={pending !== null || locked}
          onSubmit={(keep) => void cast(JSON.stringify(keep), { keep })}
        />
      )}
      <p class="receipt" data-testid="ballot-receipt" aria-live="polite">
        {pending ? word(lang, 'sending') : receiptText(lang, recorded)}
      </p>
      {recorded?.receipt && (
        <p class="muted ballot-hash" data-testid="ballot-hash">
          {word(lang, 'ballotHash', { hash: recorded.receipt })}
        </p>
      )}
      {motion.allowChange && recorded?.voted && <p class="muted">{word(lang, 'canChange')}</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** Keep or strike each candidate; the count of those kept against the posts is always shown. */
function ElectionBallot({
  lang,
  motion,
  struck,
  setStruck,
  disabled,
  onSubmit,
}: {
  lang: Lang;
  motion: Motion;
  struck: Set<string>;
  setStruck: (s: Set<string>) => void;
  disabled: boolean;
  onSubmit: (keep: string[]) => void;
}) {
  const posts = motion.posts ?? 1;
  const keep = motion.officials.filter((o) => !struck.has(o));
  return (
    <form
      data-testid="election-ballot"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(keep);
      }}
    >
      <p class="keep-count" aria-live="polite" data-testid="keep-count">
        {word(lang, 'electionKeepAtMost', { n: posts, kept: keep.length })}
      </p>
      {motion.officials.map((o, i) => (
        <fieldset key={o} class="confidence candidate">
          <legend class={struck.has(o) ? 'struck' : ''}>{o}</legend>
          {(['keep', 'strike'] as const).map((c) => (
            <label key={c} class="radio">
              <input
                type="radio"
                name={`candidate-${i}`}
                checked={(c === 'strike') === struck.has(o)}
                disabled={disabled}
                onChange={() => {
                  const next = new Set(struck);
                  if (c === 'strike') next.add(o);
                  else next.delete(o);
                  setStruck(next);
                }}
              />
              {word(lang, c === 'keep' ? 'keepCandidate' : 'strikeCandidate')}
            </label>
          ))}
        </fieldset>
      ))}
      {keep.length > posts && (
        <p class="error" role="alert">
          {word(lang, 'electionTooMany', { n: posts, kept: keep.length })}
        </p>
      )}
      {keep.length === 0 && <p class="muted">{word(lang, 'electionBlank')}</p>}
      <button class="primary" type="submit" disabled={disabled}>
        {word(lang, 'submitElection')}
      </button>
    </form>
  );
}
