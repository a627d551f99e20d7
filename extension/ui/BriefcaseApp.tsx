// The briefcase page (the shell): header with the language switch, the links to notes and backup
// and the search box, and every hash route — the library (#/), the viewer (#/doc/<id>?page=N&q=…),
// saving a PDF from the web (#/import?url=…), search results (#/search?q=…), notes (#/notes,
// ?doc=<id> for one document, ?note=<id> to show one) and backup (#/backup). Background search
// indexing starts when the page loads, whatever the first route is.
import { useEffect, useState } from 'preact/hooks';
import { requestPersistentStorage } from '../db/db';
import { lang, setLang, t } from '../base/i18n';
import { ImportUrlPage } from './library/ImportUrlPage';
import { LibraryPage } from './library/LibraryPage';
import { parseHash, type Route } from '../base/router';
import { ViewerPage } from './viewer/ViewerPage';
import { BackupPage } from '../backup/BackupPage';
import { NotesPage } from '../notes/NotesPage';
import { startSearchIndexing } from '../search/indexing';
import { SearchBox } from '../search/SearchBox';
import { SearchResultsPage } from '../search/SearchResults';
import './briefcase.css';
import '../search/search.css';

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

/** The page of a path the router does not name (search, notes, backup); the library otherwise. */
function OtherPage({ path, params }: { path: string; params: URLSearchParams }) {
  if (path === '/search') return <SearchResultsPage q={params.get('q') ?? ''} />;
  if (path === '/notes') {
    const docId = params.get('doc') ?? undefined;
    const noteId = params.get('note') ?? undefined;
    return <NotesPage {...(docId ? { docId } : {})} {...(noteId ? { noteId } : {})} />;
  }
  if (path === '/backup') return <BackupPage />;
  return <LibraryPage />;
}

export function BriefcaseApp() {
  const route = useRoute();
  useEffect(() => {
    startSearchIndexing();
  }, []);
  const current = lang.value;
  useEffect(() => {
    document.documentElement.lang = current;
    void requestPersistentStorage();
  }, [current]);
  useEffect(() => {
    if (route.name !== 'doc') document.title = t('app.title');
  }, [route, current]);

  return (
    <div class="hdnd-app">
      {route.name !== 'doc' && (
        <header class="hdnd-header">
          <h1>Cặp tài liệu HĐND</h1>
          <nav class="hdnd-row">
            <a href="#/">{t('app.library')}</a>
            <a href="#/notes">{t('nav.notes')}</a>
            <a href="#/backup">{t('nav.backup')}</a>
            <SearchBox />
          </nav>
          <button
            type="button"
            class="hdnd-lang"
            aria-label={t('app.languageLabel')}
            onClick={() => setLang(current === 'vi' ? 'en' : 'vi')}
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
        {route.name === 'other' && <OtherPage path={route.path} params={route.params} />}
      </main>
    </div>
  );
}
