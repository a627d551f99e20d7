// The results page #/search?q=…: hits grouped by document with page numbers and snippets (query
// words in <mark> elements, built as Preact elements), indexing progress, and links that open the
// viewer at the page with the words highlighted. Ten documents at a time: "show more" fetches the
// next ten's titles and snippets.
import { useEffect, useState } from 'preact/hooks';
import { getDb } from '../db/db';
import { indexing, startSearchIndexing } from './indexing';
import {
  GROUPS_PER_PAGE,
  loadDetails,
  search,
  type SearchGroup,
  type SearchHit,
  type SearchResults as Results,
} from './query';
import { getSearchDb } from './search-db';
import type { SnippetPart } from './snippet';
import { t } from '../base/i18n';

export function hitHref(group: SearchGroup, hit: SearchHit, q: string): string {
  if (hit.kind === 'note') return `#/notes?${new URLSearchParams({ note: hit.noteId ?? '' })}`;
  const params = new URLSearchParams({ page: String(hit.pageIndex + 1), q });
  if (hit.annotationId) params.set('ann', hit.annotationId);
  return `#/doc/${encodeURIComponent(group.docId ?? '')}?${params.toString()}`;
}

export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <span class="hdnd-snippet">
      {parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}
    </span>
  );
}

function hitLabel(hit: SearchHit): string {
  if (hit.kind === 'note') return t('search.note');
  if (hit.kind === 'annotation') return t('search.annotation', { n: hit.pageIndex + 1 });
  return t('search.page', { n: hit.pageIndex + 1 });
}

function Group({ group, q }: { group: SearchGroup; q: string }) {
  const withSnippet = group.best.filter((h) => h.snippet);
  const title = group.docId ? group.title : t('search.sessionNotes');
  return (
    <section class="hdnd-search-group" data-testid="search-group">
      <h3>
        {group.docId ? <a href={`#/doc/${encodeURIComponent(group.docId)}`}>{title}</a> : title}{' '}
        <small>{t('search.hitsInDoc', { n: group.hitCount })}</small>
        {group.docId && (
          <>
            {' · '}
            <small>
              <a href={`#/notes?doc=${encodeURIComponent(group.docId)}`}>{t('search.docTools')}</a>
            </small>
          </>
        )}
      </h3>
      <ol class="hdnd-search-hits">
        {withSnippet.map((hit) => (
          <li key={`${hit.kind}-${hit.pageIndex}-${hit.annotationId ?? hit.noteId ?? ''}`}>
            <a href={hitHref(group, hit, q)} data-testid="search-hit">
              {hitLabel(hit)}
            </a>{' '}
            <Snippet parts={hit.snippet!} />
          </li>
        ))}
      </ol>
      {group.otherPages.length > 0 && (
        <p class="hdnd-search-more">
          {t('search.morePages')}{' '}
          {group.otherPages.map((pageIndex, i) => (
            <>
              {i > 0 && ', '}
              <a key={pageIndex} href={hitHref(group, { kind: 'page', pageIndex, score: 0 }, q)}>
                {pageIndex + 1}
              </a>
            </>
          ))}
        </p>
      )}
    </section>
  );
}

export function SearchResultsPage({ q }: { q: string }) {
  const [results, setResults] = useState<{ r: Results; ms: number; shown: number } | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const state = indexing.value;
  useEffect(() => {
    startSearchIndexing();
  }, []);
  useEffect(() => {
    let cancelled = false;
    setError(undefined);
    if (!q.trim()) {
      setResults(undefined);
      return;
    }
    const started = performance.now();
    search(getSearchDb(), getDb(), q).then(
      (r) =>
        !cancelled &&
        setResults({ r, ms: Math.round(performance.now() - started), shown: GROUPS_PER_PAGE }),
      (e: unknown) => !cancelled && setError(String(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [q, state.status, state.done]);

  return (
    <section class="hdnd-search-page" aria-labelledby="hdnd-search-heading">
      <h2 id="hdnd-search-heading">{t('search.heading')}</h2>
      {state.status === 'indexing' && (
        <p role="status" class="hdnd-search-progress">
          {t('search.indexing', { done: state.done, total: state.total })}{' '}
          <progress value={state.done} max={state.total} />
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert">{t('search.indexError', { detail: state.message ?? '' })}</p>
      )}
      {error && <p role="alert">{t('search.failed', { detail: error })}</p>}
      {!q.trim() && <p>{t('search.empty')}</p>}
      {results && results.r.groups.length === 0 && q.trim() && (
        <p data-testid="search-none">{t('search.none', { q })}</p>
      )}
      {results && results.r.groups.length > 0 && (
        <>
          <p data-testid="search-summary">
            {t('search.summary', {
              hits: results.r.hitCount,
              groups: results.r.groups.length,
              q,
              ms: results.ms,
            })}
          </p>
          {results.r.groups.slice(0, results.shown).map((g) => (
            <Group key={g.docId ?? ''} group={g} q={q} />
          ))}
          {results.r.groups.length > results.shown && (
            <button
              type="button"
              data-testid="search-more"
              disabled={loadingMore}
              onClick={() => {
                const { r, shown } = results;
                setLoadingMore(true);
                loadDetails(r, getDb(), shown, shown + GROUPS_PER_PAGE)
                  .then(
                    () => setResults({ ...results, shown: shown + GROUPS_PER_PAGE }),
                    (e: unknown) => setError(String(e)),
                  )
                  .finally(() => setLoadingMore(false));
              }}
            >
              {t('search.moreGroups', {
                n: Math.min(GROUPS_PER_PAGE, results.r.groups.length - results.shown),
                left: results.r.groups.length - results.shown,
              })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
