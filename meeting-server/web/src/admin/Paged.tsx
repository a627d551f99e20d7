// Long lists of the staff app (1,000 delegates, an import preview of 1,000 rows): a search box that
// matches with or without diacritics ("nguyen van hung" finds "Nguyễn Văn Hùng") and pages of 50.
import type { ComponentChildren } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';
import { foldText } from '../../../../shared/text/normalize';
import { t, tf } from './i18n';

export const PAGE_SIZE = 50;

/** The items matching the query (every word, folded), and the page of them to show. */
export function usePaged<T>(items: T[], text: (item: T) => string, size = PAGE_SIZE) {
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const folded = useMemo(() => items.map((i) => foldText(text(i))), [items]);
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const matching = words.length
    ? items.filter((_, n) => words.every((w) => folded[n]!.includes(w)))
    : items;
  const pages = Math.max(1, Math.ceil(matching.length / size));
  const current = Math.min(page, pages - 1);
  return {
    query,
    setQuery: (q: string) => {
      setQuery(q);
      setPage(0);
    },
    page: current,
    setPage,
    pages,
    matching: matching.length,
    shown: matching.slice(current * size, (current + 1) * size),
  };
}

/** The search box above a list. */
export function SearchBox(props: { label: string; value: string; onValue: (v: string) => void }) {
  const id = useId();
  return (
    <div class="field search">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="search"
        value={props.value}
        placeholder={t('searchHint')}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
    </div>
  );
}

/** "Trang 2/20" with previous and next, below a list; nothing when one page holds everything. */
export function Pager(props: {
  page: number;
  pages: number;
  matching: number;
  onPage: (p: number) => void;
  label: string;
  children?: ComponentChildren;
}) {
  if (props.pages <= 1) return null;
  return (
    <nav class="pager" aria-label={props.label}>
      <button
        type="button"
        disabled={props.page === 0}
        onClick={() => props.onPage(props.page - 1)}
      >
        ← {t('pagePrev')}
      </button>
      <span aria-live="polite">
        {tf('pageOf', { page: props.page + 1, pages: props.pages, n: props.matching })}
      </span>
      <button
        type="button"
        disabled={props.page >= props.pages - 1}
        onClick={() => props.onPage(props.page + 1)}
      >
        {t('pageNext')} →
      </button>
    </nav>
  );
}
