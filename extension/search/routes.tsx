// The search helper's routes and header parts mounted by BriefcaseApp: #/search?q=…, #/notes
// (?doc=<id> for one document, ?note=<id> to show one), #/backup; and the header's search box
// with links to notes and backup; `useSearchIndexing` starts background indexing.
import { useEffect } from 'preact/hooks';
import { BackupPage } from '../backup/BackupPage';
import { NotesPage } from '../notes/NotesPage';
import { startSearchIndexing } from './indexing';
import { SearchBox } from './SearchBox';
import { SearchResultsPage } from './SearchResults';
import { t } from '../ui/i18n';
import './search.css';

/** The page for a path the core router passes through; undefined when the path is not ours. */
export function ExtraRoute({ path, params }: { path: string; params: URLSearchParams }) {
  if (path === '/search') return <SearchResultsPage q={params.get('q') ?? ''} />;
  if (path === '/notes') {
    const docId = params.get('doc') ?? undefined;
    const noteId = params.get('note') ?? undefined;
    return <NotesPage {...(docId ? { docId } : {})} {...(noteId ? { noteId } : {})} />;
  }
  if (path === '/backup') return <BackupPage />;
  return null;
}

export function isExtraRoute(path: string): boolean {
  return path === '/search' || path === '/notes' || path === '/backup';
}

/** Starts background indexing when the briefcase page loads, whatever the first route is. */
export function useSearchIndexing(): void {
  useEffect(() => {
    startSearchIndexing();
  }, []);
}

export function HeaderSearch() {
  return (
    <>
      <a href="#/notes">{t('nav.notes')}</a>
      <a href="#/backup">{t('nav.backup')}</a>
      <SearchBox />
    </>
  );
}
