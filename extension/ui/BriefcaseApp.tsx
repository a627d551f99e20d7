// The briefcase page: header with the language switch, and the hash routes — the library (#/),
// the viewer (#/doc/<id>?page=N&q=words), saving a PDF from the web (#/import?url=…). Other
// routes (#/search, #/notes, #/backup) are mounted by the search helper's panels.
import { useEffect, useState } from 'preact/hooks';
import { requestPersistentStorage } from '../db/db';
import { locale, setLocale, t } from './i18n';
import { ImportUrlPage } from './library/ImportUrlPage';
import { LibraryPage } from './library/LibraryPage';
import { parseHash, type Route } from './router';
import { ViewerPage } from './viewer/ViewerPage';
import { ExtraRoute, HeaderSearch, isExtraRoute, useSearchIndexing } from '../search/routes';
import './briefcase.css';

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

export function BriefcaseApp() {
  const route = useRoute();
  useSearchIndexing();
  const lang = locale.value;
  useEffect(() => {
    document.documentElement.lang = lang;
    void requestPersistentStorage();
  }, [lang]);
  useEffect(() => {
    if (route.name !== 'doc') document.title = t('app.title');
  }, [route, lang]);

  return (
    <div class="hdnd-app">
      {route.name !== 'doc' && (
        <header class="hdnd-header">
          <h1>Cặp tài liệu HĐND</h1>
          <nav class="hdnd-row">
            <a href="#/">{t('app.library')}</a>
            <HeaderSearch />
          </nav>
          <button
            type="button"
            class="hdnd-lang"
            aria-label={t('app.languageLabel')}
            onClick={() => setLocale(lang === 'vi' ? 'en' : 'vi')}
          >
            {t('app.language')}
          </button>
        </header>
      )}
      <main>
        {route.name === 'library' && <LibraryPage />}
        {route.name === 'doc' && (
          <ViewerPage key={route.id} id={route.id} page={route.page} q={route.q} ann={route.ann} />
        )}
        {route.name === 'import' && <ImportUrlPage url={route.url} kind={route.kind} />}
        {route.name === 'other' &&
          (isExtraRoute(route.path) ? (
            <ExtraRoute path={route.path} params={route.params} />
          ) : (
            <LibraryPage />
          ))}
      </main>
    </div>
  );
}
