// A closed motion's result as everyone sees it, in every meeting client: passed or not under its
// rule (a resolution, a dismissal; a confidence rating has no verdict), per candidate of an
// election (votes, % of all, elected, a tie for a new round) and per official of a rating, the counts with percentages of all serving members,
// present and quorum at close, the named ballots for open votes, nothing per person for secret ones.
import {
  confidenceChoiceLabel,
  dismissalTargetLabel,
  passRuleLabel,
  voteChoiceLabel,
  type Motion,
  type MotionResult,
} from '../meeting';
import { localeOf, word, type Lang } from '../meeting-words';

const rows = (r: MotionResult, lang: Lang) =>
  [
    ['for', voteChoiceLabel.for[lang], r.counts.for, r.percentOfAll.for],
    ['against', voteChoiceLabel.against[lang], r.counts.against, r.percentOfAll.against],
    ['abstain', voteChoiceLabel.abstain[lang], r.counts.abstain, r.percentOfAll.abstain],
    ['notVoted', word(lang, 'notVoted'), r.counts.notVoted, r.percentOfAll.notVoted],
  ] as const;

/** "12 (34,3%)": a count and its percentage of all serving members, when recorded. */
const countPct = (lang: Lang, n: number, pct: number | undefined) =>
  pct === undefined
    ? String(n)
    : `${n} (${pct.toLocaleString(localeOf(lang), { maximumFractionDigits: 1 })}%)`;

export function ResultCard({
  lang,
  motion,
  big = false,
}: {
  lang: Lang;
  /** A motion, or what the public page publishes of one (its result without any ballot). */
  motion: Pick<Motion, 'id' | 'title' | 'secret' | 'result'>;
  big?: boolean;
}) {
  const r = motion.result;
  if (!r) return null;
  // A dismissal is decided like a resolution: the same verdict and counts.
  const decided = r.kind === 'resolution' || r.kind === 'dismissal';
  const percent = (n: number) => n.toLocaleString(localeOf(lang), { maximumFractionDigits: 1 });
  return (
    <section
      class={`card result ${big ? 'big' : ''}`}
      aria-labelledby={`result-${motion.id}`}
      data-testid="result"
    >
      <h2 id={`result-${motion.id}`}>
        {word(lang, 'result')}: {motion.title}
      </h2>
      {r.dismissal && (
        <p data-testid="dismissal-of">
          {word(lang, 'dismissalOf', {
            target: dismissalTargetLabel[r.dismissal.target][lang],
            person: r.dismissal.person,
          })}
        </p>
      )}
      {decided && r.passed !== null && (
        <p class={`verdict ${r.passed ? 'passed' : 'failed'}`}>
          {r.passed ? word(lang, 'passed') : word(lang, 'notPassed')}
        </p>
      )}
      {decided && (
        <table class="counts">
          <thead>
            <tr>
              <th scope="col">
                <span class="sr-only">{word(lang, 'yourBallot')}</span>
              </th>
              <th scope="col" class="num">
                {word(lang, 'votesCol')}
              </th>
              <th scope="col" class="num">
                {word(lang, 'percentCol')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows(r, lang).map(([key, label, n, pct]) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td class="num">{n}</td>
                <td class="num">
                  {pct.toLocaleString(localeOf(lang), { maximumFractionDigits: 1 })}%
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {decided && r.required !== null && (
        <p class="muted">
          {word(lang, 'requiredVotes', { n: r.required, rule: passRuleLabel[r.rule][lang] })}
        </p>
      )}
      {r.quorumRequired !== null && r.quorumHeld !== null && (
        <p class="muted" data-testid="result-facts">
          {word(lang, 'resultFacts', {
            total: r.totalMembers,
            present: r.present,
            quorum: r.quorumRequired,
            held: word(lang, r.quorumHeld ? 'quorumHeld' : 'quorumNotHeld'),
          })}
        </p>
      )}
      {r.confidence && r.confidence.length > 0 && (
        <table class="counts">
          <thead>
            <tr>
              <th scope="col">{word(lang, 'official')}</th>
              <th scope="col">{confidenceChoiceLabel.high[lang]}</th>
              <th scope="col">{confidenceChoiceLabel.confidence[lang]}</th>
              <th scope="col">{confidenceChoiceLabel.low[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {r.confidence.map((c) => (
              <tr key={c.official}>
                <th scope="row">
                  {c.official}
                  {c.flag && c.flag !== 'none' && (
                    <span class="flag">
                      {' — '}
                      {word(
                        lang,
                        c.flag === 'may_resign' ? 'flagMayResign' : 'flagNoConfidenceVote',
                      )}
                    </span>
                  )}
                </th>
                <td class="num">{countPct(lang, c.high, c.percentOfAll?.high)}</td>
                <td class="num">{countPct(lang, c.confidence, c.percentOfAll?.confidence)}</td>
                <td class="num">{countPct(lang, c.low, c.percentOfAll?.low)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.election && (
        <>
          <table class="counts" data-testid="election-result">
            <thead>
              <tr>
                <th scope="col">{word(lang, 'candidate')}</th>
                <th scope="col" class="num">
                  {word(lang, 'votesCol')}
                </th>
                <th scope="col" class="num">
                  {word(lang, 'percentCol')}
                </th>
                <th scope="col">
                  <span class="sr-only">{word(lang, 'elected')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {r.election.candidates.map((c) => (
                <tr key={c.name} class={c.elected ? 'elected' : ''}>
                  <th scope="row">{c.name}</th>
                  <td class="num">{c.votes}</td>
                  <td class="num">{percent(c.percentOfAll)}%</td>
                  <td>{word(lang, c.elected ? 'elected' : 'notElected')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted">
            {word(lang, 'electionBallots', r.election.ballots)}{' '}
            {word(lang, 'electionRequired', { posts: r.election.posts, n: r.election.required })}
          </p>
          {r.election.newRound && (
            <p class="verdict failed" data-testid="new-round">
              {word(lang, 'electionNewRound', {
                posts: r.election.newRound.posts,
                names: r.election.newRound.candidates.join(', '),
              })}
            </p>
          )}
        </>
      )}
      {r.noConfidence && r.required !== null && (
        <p class="muted">{word(lang, 'noTrustRequired', { n: r.required })}</p>
      )}
      {r.noConfidence && r.noConfidence.length > 0 && (
        <table class="counts">
          <thead>
            <tr>
              <th scope="col">{word(lang, 'official')}</th>
              <th scope="col">{word(lang, 'trust')}</th>
              <th scope="col">{word(lang, 'noTrust')}</th>
            </tr>
          </thead>
          <tbody>
            {r.noConfidence.map((c) => (
              <tr key={c.official}>
                <th scope="row">
                  {c.official}
                  {c.notTrusted && <span class="flag"> — {word(lang, 'notTrusted')}</span>}
                </th>
                <td class="num">{countPct(lang, c.trust, c.percentOfAll.trust)}</td>
                <td class="num">{countPct(lang, c.noTrust, c.percentOfAll.noTrust)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {motion.secret ? (
        <p class="muted">{word(lang, 'secretResult')}</p>
      ) : (
        r.ballots &&
        r.ballots.length > 0 && (
          <details open={!big}>
            <summary>{word(lang, 'namedBallots')}</summary>
            <ul class="ballots" data-testid="named-ballots">
              {r.ballots.map((b) => (
                <li key={b.memberId}>
                  <span>{b.name}</span>
                  <span class={`choice ${b.choice ?? 'none'}`}>
                    {b.choice ? voteChoiceLabel[b.choice][lang] : word(lang, 'notVoted')}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        )
      )}
    </section>
  );
}
