// A closed motion's result as everyone sees it: passed or not under its rule, the counts with
// percentages of all members, the named ballots for open votes, nothing per person for secret ones.
import {
  confidenceChoiceLabel,
  passRuleLabel,
  voteChoiceLabel,
  type Motion,
  type MotionResult,
} from '../../../../shared/meeting';
import { locale, t, tf, tr } from '../i18n';

const rows = (r: MotionResult) =>
  [
    ['for', tr(voteChoiceLabel.for), r.counts.for, r.percentOfAll.for],
    ['against', tr(voteChoiceLabel.against), r.counts.against, r.percentOfAll.against],
    ['abstain', tr(voteChoiceLabel.abstain), r.counts.abstain, r.percentOfAll.abstain],
    ['notVoted', t('notVoted'), r.counts.notVoted, r.percentOfAll.notVoted],
  ] as const;

export function ResultCard({ motion, big = false }: { motion: Motion; big?: boolean }) {
  const r = motion.result;
  if (!r) return null;
  return (
    <section
      class={`card result ${big ? 'big' : ''}`}
      aria-labelledby={`result-${motion.id}`}
      data-testid="result"
    >
      <h2 id={`result-${motion.id}`}>
        {t('result')}: {motion.title}
      </h2>
      {motion.kind === 'standard' && (
        <p class={`verdict ${r.passed ? 'passed' : 'failed'}`}>
          {r.passed ? t('passed') : t('notPassed')}
        </p>
      )}
      {motion.kind === 'standard' && (
        <table class="counts">
          <thead>
            <tr>
              <th scope="col">
                <span class="sr-only">{t('yourBallot')}</span>
              </th>
              <th scope="col" class="num">
                {t('votesCol')}
              </th>
              <th scope="col" class="num">
                {t('percentCol')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows(r).map(([key, label, n, pct]) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td class="num">{n}</td>
                <td class="num">{pct.toLocaleString(locale(), { maximumFractionDigits: 1 })}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {motion.kind === 'standard' && (
        <p class="muted">
          {tf('requiredVotes', { n: r.required, rule: tr(passRuleLabel[r.rule]) })}
        </p>
      )}
      {r.confidence && r.confidence.length > 0 && (
        <table class="counts">
          <thead>
            <tr>
              <th scope="col">{t('official')}</th>
              <th scope="col">{tr(confidenceChoiceLabel.high)}</th>
              <th scope="col">{tr(confidenceChoiceLabel.confidence)}</th>
              <th scope="col">{tr(confidenceChoiceLabel.low)}</th>
            </tr>
          </thead>
          <tbody>
            {r.confidence.map((c) => (
              <tr key={c.official}>
                <th scope="row">{c.official}</th>
                <td class="num">{c.high}</td>
                <td class="num">{c.confidence}</td>
                <td class="num">{c.low}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {motion.secret ? (
        <p class="muted">{t('secretResult')}</p>
      ) : (
        r.ballots &&
        r.ballots.length > 0 && (
          <details open={!big}>
            <summary>{t('namedBallots')}</summary>
            <ul class="ballots" data-testid="named-ballots">
              {r.ballots.map((b) => (
                <li key={b.memberId}>
                  <span>{b.name}</span>
                  <span class={`choice ${b.choice ?? 'none'}`}>
                    {b.choice ? tr(voteChoiceLabel[b.choice]) : t('notVoted')}
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
