// The one search box of the briefcase: submitting goes to #/search?q=…
import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '../base/i18n';
import { engineFor } from './engine';
import { getSearchDb } from './search-db';

export function searchHref(q: string): string {
  return `#/search?${new URLSearchParams({ q }).toString()}`;
}

function queryInHash(): string {
  const hash = globalThis.location?.hash ?? '';
  if (!hash.startsWith('#/search')) return '';
  return new URLSearchParams(hash.split('?')[1] ?? '').get('q') ?? '';
}

export function SearchBox({
  initial = '',
  autoFocus = false,
}: {
  initial?: string;
  autoFocus?: boolean;
}) {
  const [value, setValue] = useState(initial || queryInHash());
  const id = useId();
  useEffect(() => {
    // Show the words of the results page being looked at (also after back/forward).
    const onHash = () => {
      if (location.hash.startsWith('#/search')) setValue(queryInHash());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <form
      role="search"
      class="hdnd-search-box"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) location.hash = searchHref(value.trim());
      }}
    >
      <label class="hdnd-visually-hidden" for={id}>
        {t('search.label')}
      </label>
      <input
        id={id}
        type="search"
        value={value}
        placeholder={t('search.placeholder')}
        title={t('search.label')}
        autoFocus={autoFocus}
        // Load the index into memory while the delegate types the first words.
        onFocus={() =>
          void engineFor(getSearchDb())
            .refresh()
            .catch(() => undefined)
        }
        onInput={(e) => setValue(e.currentTarget.value)}
      />
      <button type="submit">{t('search.button')}</button>
    </form>
  );
}
