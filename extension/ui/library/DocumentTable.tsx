// The library's sortable, filterable list of documents, with open / organise / delete per row.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import {
  deleteDocument,
  type BriefcaseDb,
  type BriefcaseDocument,
  type Session,
} from '../../db/db';
import { t, type MessageKey } from '../../base/i18n';
import { docHref } from '../../base/router';
import { filterAndSort, type LibraryFilter, type LibrarySort, type SortKey } from './filter-sort';
import { OrganiseForm } from './OrganiseForm';

const COLUMNS: { key: SortKey; label: MessageKey }[] = [
  { key: 'title', label: 'library.col.title' },
  { key: 'agenda', label: 'library.col.session' },
  { key: 'pageCount', label: 'library.col.pages' },
  { key: 'size', label: 'library.col.size' },
  { key: 'importedAt', label: 'library.col.imported' },
  { key: 'openedAt', label: 'library.col.opened' },
];

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function formatDate(ms?: number): string {
  return ms ? new Date(ms).toLocaleDateString('vi-VN') : '—';
}

export interface DocumentTableProps {
  db: BriefcaseDb;
  docs: readonly BriefcaseDocument[];
  sessions: readonly Session[];
}

export function DocumentTable({ db, docs, sessions }: DocumentTableProps) {
  const [filter, setFilter] = useState<LibraryFilter>({
    text: '',
    sessionId: 'all',
    tag: 'all',
    recent: false,
  });
  const [sort, setSort] = useState<LibrarySort>({ key: 'importedAt', descending: true });
  const [editing, setEditing] = useState<string | null>(null);
  const sessionOf = (d: BriefcaseDocument) => sessions.find((s) => s.id === d.sessionId);
  const itemOf = (d: BriefcaseDocument) =>
    sessionOf(d)?.agenda.find((a) => a.id === d.agendaItemId);
  const agendaPosition = (d: BriefcaseDocument) => {
    const si = sessions.findIndex((s) => s.id === d.sessionId);
    return si < 0 ? Number.MAX_SAFE_INTEGER : si * 1000 + (itemOf(d)?.position ?? 999);
  };
  const shown = filterAndSort(docs, filter, sort, agendaPosition);
  const tags = [...new Set(docs.flatMap((d) => d.tags))].sort((a, b) => a.localeCompare(b, 'vi'));

  return (
    <section aria-labelledby="library-heading">
      <h2 id="library-heading">
        {t('app.library')}{' '}
        <small data-testid="library-count">{t('library.count', { n: docs.length })}</small>
      </h2>
      <div class="hdnd-row hdnd-filters">
        <input
          type="search"
          aria-label={t('library.filterLabel')}
          placeholder={t('library.filter')}
          value={filter.text}
          onInput={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
        />
        <label>
          {t('library.session')}{' '}
          <select
            value={filter.sessionId}
            onChange={(e) => setFilter({ ...filter, sessionId: e.currentTarget.value })}
          >
            <option value="all">{t('library.allSessions')}</option>
            <option value="none">{t('library.noSession')}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('library.tag')}{' '}
          <select
            value={filter.tag}
            onChange={(e) => setFilter({ ...filter, tag: e.currentTarget.value })}
          >
            <option value="all">{t('library.allTags')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={filter.recent}
            onChange={(e) => setFilter({ ...filter, recent: e.currentTarget.checked })}
          />{' '}
          {t('library.recent')}
        </label>
      </div>
      {docs.length === 0 ? (
        <p data-testid="briefcase-empty">{t('library.empty')}</p>
      ) : (
        <table class="hdnd-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={
                    sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'
                  }
                >
                  <button
                    type="button"
                    title={t('library.sortBy', { col: t(c.label) })}
                    onClick={() =>
                      setSort({
                        key: c.key,
                        descending:
                          sort.key === c.key
                            ? !sort.descending
                            : c.key !== 'title' && c.key !== 'agenda',
                      })
                    }
                  >
                    {t(c.label)} {sort.key === c.key ? (sort.descending ? '▼' : '▲') : ''}
                  </button>
                </th>
              ))}
              <th scope="col">{t('library.col.tags')}</th>
              <th scope="col">
                <span class="hdnd-visually-hidden">{t('library.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <Fragment key={d.id}>
                <tr data-testid="library-row" data-file={d.fileName}>
                  <td>
                    <a href={docHref(d.id)}>{d.title}</a>
                    {!d.hasText && <span class="hdnd-badge">{t('library.noText')}</span>}
                    {d.encrypted && <span class="hdnd-badge">{t('library.encrypted')}</span>}
                  </td>
                  <td>
                    {sessionOf(d)?.title ?? '—'}
                    {itemOf(d) ? ` · ${itemOf(d)!.title}` : ''}
                  </td>
                  <td class="num">{d.pageCount}</td>
                  <td class="num">{formatSize(d.size)}</td>
                  <td>{formatDate(d.importedAt)}</td>
                  <td>{formatDate(d.openedAt)}</td>
                  <td>
                    {d.tags.map((tag) => (
                      <span key={tag} class="hdnd-tag">
                        {tag}
                      </span>
                    ))}
                  </td>
                  <td class="hdnd-actions">
                    <button
                      type="button"
                      aria-label={`${t('library.edit')}: ${d.title}`}
                      onClick={() => setEditing(editing === d.id ? null : d.id)}
                    >
                      {t('library.edit')}
                    </button>
                    <button
                      type="button"
                      aria-label={`${t('library.delete')}: ${d.title}`}
                      onClick={() => {
                        if (confirm(t('library.deleteConfirm', { title: d.title })))
                          void deleteDocument(db, d.id);
                      }}
                    >
                      {t('library.delete')}
                    </button>
                  </td>
                </tr>
                {editing === d.id && (
                  <tr>
                    <td colSpan={COLUMNS.length + 2}>
                      <OrganiseForm
                        doc={d}
                        sessions={sessions}
                        onCancel={() => setEditing(null)}
                        onSave={(patch) => {
                          void db.documents.update(d.id, patch);
                          setEditing(null);
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
