// The petitions board (kiến nghị cử tri) of one council: every petition of its voter meetings,
// filtered and paged by the server (fast with 10,000), search without diacritics; each petition is
// classified, forwarded to the responsible authority, answered and published from its own panel.
// The summary report of the filtered petitions downloads as .docx or PDF.
import { useState } from 'preact/hooks';
import {
  PetitionCategory,
  petitionCategoryLabel,
  petitionStatusLabel,
  PetitionStatus,
  type Petition,
  type PetitionPage,
} from '../../../../shared/petitions';
import { formatPetitionRef } from '../../../../shared/petition-ref';
import { staffApi } from './api';
import { petitionApi, type BoardFilters } from './api-petitions';
import { lang, t, tf } from './i18n';
import { act } from './notice';
import { TextField } from './TextField';
import { useLoad } from './use-load';

const PAGE_SIZE = 25;
const CATEGORIES = PetitionCategory.options;
const STATUSES = PetitionStatus.options;

const dateOf = (iso: string) =>
  new Date(iso).toLocaleDateString(lang.value === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
  });

function Select(props: {
  label: string;
  value: string;
  onValue: (v: string) => void;
  options: { value: string; label: string }[];
  id: string;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onValue(e.currentTarget.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters(props: { page: PetitionPage | null; onApply: (f: BoardFilters) => void }) {
  const [f, setF] = useState<Record<string, string>>({});
  const set = (k: string) => (v: string) => setF({ ...f, [k]: v });
  const any = { value: '', label: t('any') };
  return (
    <form
      class="card petition-filters"
      aria-labelledby="filters-title"
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply(f as BoardFilters);
      }}
    >
      <h2 id="filters-title">{t('filters')}</h2>
      <div class="filter-grid">
        <Select
          id="f-meeting"
          label={t('filterMeeting')}
          value={f.meetingId ?? ''}
          onValue={set('meetingId')}
          options={[
            any,
            ...(props.page?.meetings ?? []).map((m) => ({
              value: m.id,
              label: `${m.title} (${dateOf(m.startsAt)})`,
            })),
          ]}
        />
        <Select
          id="f-status"
          label={t('filterStatus')}
          value={f.status ?? ''}
          onValue={set('status')}
          options={[
            any,
            ...STATUSES.map((s) => ({ value: s, label: petitionStatusLabel[s][lang.value] })),
          ]}
        />
        <Select
          id="f-category"
          label={t('filterCategory')}
          value={f.category ?? ''}
          onValue={set('category')}
          options={[
            any,
            { value: 'none', label: t('unclassified') },
            ...CATEGORIES.map((c) => ({ value: c, label: petitionCategoryLabel[c][lang.value] })),
          ]}
        />
        <TextField label={t('filterWard')} value={f.ward ?? ''} onValue={set('ward')} />
        <TextField label={t('filterFrom')} type="date" value={f.from ?? ''} onValue={set('from')} />
        <TextField label={t('filterTo')} type="date" value={f.to ?? ''} onValue={set('to')} />
      </div>
      <TextField
        label={t('filterSearch')}
        type="search"
        hint={t('filterSearchHint')}
        value={f.q ?? ''}
        onValue={set('q')}
      />
      <div class="actions">
        <button type="submit" class="primary">
          {t('applyFilters')}
        </button>
        <button
          type="button"
          onClick={() => {
            setF({});
            props.onApply({});
          }}
        >
          {t('clearFilters')}
        </button>
      </div>
    </form>
  );
}

/** One petition's panel: classify, forward, answer, publish. */
function Handle(props: { p: Petition; authorities: string[]; reload: () => Promise<void> }) {
  const { p } = props;
  const ref = formatPetitionRef(p.ref);
  const [category, setCategory] = useState<string>(p.category ?? '');
  const [authority, setAuthority] = useState(p.authority ?? '');
  const [answer, setAnswer] = useState(p.answer ?? '');
  const id = (name: string) => `${name}-${p.id}`;
  const run = async <T,>(fn: () => Promise<T>, ok: string) => {
    if ((await act(fn, ok)) !== null) await props.reload();
  };
  return (
    <details class="petition-handle">
      <summary>{tf('handle', { ref })}</summary>
      <div class="row-form">
        <div class="field">
          <label for={id('cat')}>{t('classify')}</label>
          <select
            id={id('cat')}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
          >
            <option value="">{t('chooseCategory')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {petitionCategoryLabel[c][lang.value]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          disabled={!category}
          onClick={() =>
            void run(
              () => petitionApi.classify(p.id, category as PetitionCategory),
              tf('classified', { ref }),
            )
          }
        >
          {t('classify')}
        </button>
      </div>
      {p.status !== 'answered' && (
        <div class="row-form">
          <TextField
            id={id('auth')}
            label={t('authority')}
            value={authority}
            onValue={setAuthority}
            list={`authorities-${p.id}`}
          />
          <datalist id={`authorities-${p.id}`}>
            {props.authorities.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <button
            type="button"
            disabled={authority.trim().length < 2}
            onClick={() =>
              void run(
                () => petitionApi.forward(p.id, authority.trim()),
                tf('forwarded', { ref, authority: authority.trim() }),
              )
            }
          >
            {t('forward')}
          </button>
        </div>
      )}
      <div class="field">
        <label for={id('ans')}>{t('answerLabel')}</label>
        <textarea
          id={id('ans')}
          rows={3}
          value={answer}
          maxLength={20000}
          onInput={(e) => setAnswer(e.currentTarget.value)}
        />
      </div>
      <div class="actions wrap">
        <button
          type="button"
          disabled={answer.trim().length < 2}
          onClick={() =>
            void run(() => petitionApi.answer(p.id, answer.trim()), tf('answered', { ref }))
          }
        >
          {t('recordAnswer')}
        </button>
        {p.status === 'answered' && (
          <button
            type="button"
            class={p.published ? '' : 'primary'}
            onClick={() =>
              void run(
                () => petitionApi.publish(p.id, !p.published),
                tf(p.published ? 'unpublishedOne' : 'publishedOne', { ref }),
              )
            }
          >
            {p.published ? t('unpublish') : t('publish')}
          </button>
        )}
      </div>
      <p class="muted">{t('publishHint')}</p>
    </details>
  );
}

function PetitionItem(props: { p: Petition; authorities: string[]; reload: () => Promise<void> }) {
  const { p } = props;
  return (
    <li class="petition-item" data-testid="board-petition" data-ref={p.ref}>
      <p class="petition-meta">
        <strong>{formatPetitionRef(p.ref)}</strong> · {dateOf(p.createdAt)} · {p.meetingTitle}
      </p>
      <p class="petition-meta">
        <span class={`status status-${p.status}`}>{petitionStatusLabel[p.status][lang.value]}</span>
        {' · '}
        {p.category ? petitionCategoryLabel[p.category][lang.value] : t('unclassified')}
        {' · '}
        {p.published ? t('publishedYes') : t('publishedNo')}
      </p>
      <p class="petition-meta">
        {t('sender')}: {p.name}
        {p.ward ? ` — ${p.ward}` : ''}
        {p.contact ? ` — ${p.contact}` : ''}
      </p>
      <p class="petition-text">{p.text}</p>
      {p.authority && (
        <p>
          <strong>{t('authority')}:</strong> {p.authority}
        </p>
      )}
      {p.answer && (
        <p>
          <strong>{t('answerLabel')}:</strong> {p.answer}
        </p>
      )}
      <Handle p={p} authorities={props.authorities} reload={props.reload} />
    </li>
  );
}

export function Petitions({ councilId }: { councilId: string }) {
  const [council] = useLoad(() => staffApi.council(councilId), [councilId]);
  const [filters, setFilters] = useState<BoardFilters>({});
  const [page, setPage] = useState(1);
  const [data, reload] = useLoad(
    () => petitionApi.board(councilId, filters, page, PAGE_SIZE),
    [councilId, JSON.stringify(filters), page],
  );
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <>
      <h2 class="page-title">{tf('petitionsTitle', { council: council?.name ?? '' })}</h2>
      <p class="muted">{t('petitionsIntro')}</p>
      <p>
        <a href={`/cong-khai/${encodeURIComponent(councilId)}`} target="_blank" rel="noopener">
          {t('openPortal')}
        </a>
      </p>
      <Filters
        page={data}
        onApply={(f) => {
          setFilters(f);
          setPage(1);
        }}
      />
      <section class="card" aria-labelledby="report-title">
        <h2 id="report-title">{t('report')}</h2>
        <p class="muted">{t('reportHint')}</p>
        <div class="actions wrap">
          <a class="button" href={petitionApi.reportUrl(councilId, 'docx', filters)} download>
            {t('reportDocx')}
          </a>
          <a class="button" href={petitionApi.reportUrl(councilId, 'pdf', filters)} download>
            {t('reportPdf')}
          </a>
        </div>
      </section>
      <section class="card" aria-labelledby="board-title">
        <h2 id="board-title" aria-live="polite">
          {data ? tf('petitionsFound', { n: data.total }) : t('loading')}
        </h2>
        {data && data.total === 0 && <p>{t('petitionsNone')}</p>}
        <ul class="rows petition-board">
          {data?.items.map((p) => (
            <PetitionItem key={p.id} p={p} authorities={data.authorities} reload={reload} />
          ))}
        </ul>
        {data && pages > 1 && (
          <nav class="actions pager" aria-label={t('pager')}>
            <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('prevPage')}
            </button>
            <span>{tf('boardPageOf', { page, pages })}</span>
            <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('nextPage')}
            </button>
          </nav>
        )}
      </section>
    </>
  );
}
