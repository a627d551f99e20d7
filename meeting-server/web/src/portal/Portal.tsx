// The council's public page (/cong-khai, /cong-khai/<council>): follow a petition by its reference
// number, upcoming meetings (voter meetings with their join link and QR code), the published
// petitions with their answers (searchable without diacritics), published documents readable in
// the browser, and the results of closed votes of every kind (figures only, never a ballot). Only
// public data; no voter's name or contact.
import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { meetingKindLabel } from '../../../../shared/domain';
import { formatPetitionRef } from '../../../../shared/petition-ref';
import {
  petitionCategoryLabel,
  petitionStatusLabel,
  type PetitionTrack,
  type PublicPetitionPage,
} from '../../../../shared/petitions';
import type { Portal, PortalCouncil } from '../../../../shared/portal';
import { errorText } from '../../../../shared/ui/report';
import { ResultCard } from '../../../../shared/ui/ResultCard';
import { portalApi } from './api';
import { lang, setLang, t, tf } from './i18n-portal';

const path = signal(location.pathname);
window.addEventListener('popstate', () => (path.value = location.pathname));
function go(to: string) {
  history.pushState(null, '', to);
  path.value = location.pathname;
  window.scrollTo(0, 0);
}

const locale = () => (lang.value === 'vi' ? 'vi-VN' : 'en-GB');
const dateOf = (iso: string) =>
  new Date(iso).toLocaleDateString(locale(), { timeZone: 'Asia/Ho_Chi_Minh' });
const timeOf = (iso: string) =>
  new Date(iso).toLocaleString(locale(), {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'full',
    timeStyle: 'short',
  });

function ErrorLine({ error }: { error: unknown }) {
  return error ? (
    <p class="error" role="alert">
      {errorText(error, lang.value)}
    </p>
  ) : null;
}

function Track() {
  const [ref, setRef] = useState(new URLSearchParams(location.search).get('ma') ?? '');
  const [result, setResult] = useState<PetitionTrack | null>(null);
  const [error, setError] = useState<unknown>(null);
  const lookup = async () => {
    setError(null);
    setResult(null);
    try {
      setResult(await portalApi.track(ref.trim()));
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    if (ref) void lookup();
  }, []);
  return (
    <section class="card" id="tra-cuu" aria-labelledby="track-title">
      <h2 id="track-title">{t('trackTitle')}</h2>
      <form
        class="search"
        onSubmit={(e) => {
          e.preventDefault();
          void lookup();
        }}
      >
        <div class="field">
          <label for="track-ref">{t('trackLabel')}</label>
          <input
            id="track-ref"
            value={ref}
            required
            maxLength={20}
            autoComplete="off"
            autoCapitalize="characters"
            aria-describedby="track-hint"
            onInput={(e) => setRef(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="primary">
          {t('trackButton')}
        </button>
      </form>
      <p id="track-hint" class="meta">
        {t('trackHint')}
      </p>
      <ErrorLine error={error} />
      {result && (
        <div class="track-result" data-testid="track-result" role="status">
          <p>
            <strong>{formatPetitionRef(result.ref)}</strong>
          </p>
          <p>
            {tf('trackStatus', { status: petitionStatusLabel[result.status][lang.value] })}
            {result.authority ? ` — ${result.authority}` : ''}
          </p>
          <p class="meta">
            {tf('trackSent', { date: dateOf(result.createdAt), meeting: result.meeting.title })}
          </p>
          {result.category && (
            <p class="meta">
              {t('field')}: {petitionCategoryLabel[result.category][lang.value]}
            </p>
          )}
          {result.text && <p class="text">{result.text}</p>}
          {result.answer ? (
            <p class="answer">
              <strong>{t('answer')}:</strong> {result.answer}
            </p>
          ) : (
            <p class="meta">{t('trackNotPublished')}</p>
          )}
        </div>
      )}
    </section>
  );
}

function Upcoming({ meetings }: { meetings: Portal['upcoming'] }) {
  return (
    <section class="card" id="lich-hop" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">{t('upcomingTitle')}</h2>
      {meetings.length === 0 && <p>{t('upcomingNone')}</p>}
      <ul class="plain">
        {meetings.map((m) => (
          <li key={m.id} data-testid="portal-meeting">
            <p>
              <strong>{m.title}</strong>
            </p>
            <p class="meta">
              {meetingKindLabel[m.kind][lang.value]} · {timeOf(m.startsAt)}
              {m.status === 'open' ? ` · ${t('meetingOpen')}` : ''}
            </p>
            {m.agenda.length > 0 && (
              <details>
                <summary>{t('agenda')}</summary>
                <ol>
                  {m.agenda.map((a, i) => (
                    <li key={i}>{a}</li>
                  ))}
                </ol>
              </details>
            )}
            {m.voterLink && (
              <>
                <p>
                  <a class="join" href={m.voterLink}>
                    {t('joinVoter')}
                  </a>
                </p>
                {m.qrPath && (
                  <img class="qr" src={m.qrPath} alt={tf('qrAlt', { title: m.title })} />
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PublishedPetitions({ councilId }: { councilId: string }) {
  const [q, setQ] = useState('');
  const [page, setPage] = useState<PublicPetitionPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async (query: string, n: number) => {
    setError(null);
    try {
      const next = await portalApi.petitions(councilId, query, n);
      setPage((prev) =>
        n > 1 && prev ? { ...next, items: [...prev.items, ...next.items] } : next,
      );
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => void load('', 1), [councilId]);
  return (
    <section class="card" id="kien-nghi" aria-labelledby="petitions-title">
      <h2 id="petitions-title">{t('petitionsTitle')}</h2>
      <form
        class="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void load(q, 1);
        }}
      >
        <div class="field">
          <label for="petition-q">{t('petitionsSearch')}</label>
          <input
            id="petition-q"
            type="search"
            value={q}
            maxLength={200}
            onInput={(e) => setQ(e.currentTarget.value)}
          />
        </div>
        <button type="submit">{t('search')}</button>
      </form>
      <ErrorLine error={error} />
      {page && (
        <p class="meta" aria-live="polite">
          {page.total === 0 ? t('petitionsNone') : tf('petitionsCount', { n: page.total })}
        </p>
      )}
      <ul class="plain">
        {page?.items.map((p) => (
          <li key={p.id} data-testid="portal-petition">
            <p class="meta">
              {formatPetitionRef(p.ref)} · {dateOf(p.createdAt)} · {p.meetingTitle}
              {p.ward ? ` · ${p.ward}` : ''}
            </p>
            {p.category && (
              <p class="meta">
                {t('field')}: {petitionCategoryLabel[p.category][lang.value]}
              </p>
            )}
            <p class="text">{p.text}</p>
            <div class="answer">
              <strong>{p.authority ? `${t('authority')}: ${p.authority}` : t('answer')}</strong>
              <br />
              {p.answer}
            </div>
          </li>
        ))}
      </ul>
      {page && page.items.length < page.total && (
        <button type="button" onClick={() => void load(q, page.page + 1)}>
          {t('more')}
        </button>
      )}
    </section>
  );
}

function Packages({ packages }: { packages: Portal['packages'] }) {
  return (
    <section class="card" id="tai-lieu" aria-labelledby="packages-title">
      <h2 id="packages-title">{t('packagesTitle')}</h2>
      {packages.length === 0 && <p>{t('packagesNone')}</p>}
      <ul class="plain">
        {packages.map((p) => (
          <li key={p.id}>
            <p>
              <strong>{p.title}</strong>
            </p>
            <p class="meta">
              {p.meetingTitle} · {dateOf(p.publishedAt)}
            </p>
            <ul>
              {p.documents.map((d) => (
                <li key={d.path}>
                  <a href={d.path} target="_blank" rel="noopener">
                    {tf('readPdf', { title: d.title })}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Votes({ votes }: { votes: Portal['votes'] }) {
  return (
    <section class="card" id="bieu-quyet" aria-labelledby="votes-title">
      <h2 id="votes-title">{t('votesTitle')}</h2>
      {votes.length === 0 && <p>{t('votesNone')}</p>}
      <ul class="plain">
        {votes.map((v) => (
          <li key={v.id} data-testid="portal-vote">
            <p class="meta">
              {v.meetingTitle} · {dateOf(v.closedAt)}
            </p>
            {/* The same result card the meeting shows: figures only, never a ballot. */}
            <ResultCard
              lang={lang.value}
              motion={{ id: v.id, title: v.title, secret: v.secret, result: v.result }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CouncilPage({ councilId }: { councilId: string }) {
  const [data, setData] = useState<Portal | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    portalApi.portal(councilId).then(setData, setError);
  }, [councilId]);
  useEffect(() => {
    document.title = data ? tf('titleOf', { council: data.council.name }) : t('title');
  }, [data, lang.value]);
  if (error) return <ErrorLine error={error} />;
  if (!data) return <p>{t('loading')}</p>;
  return (
    <>
      <h2 class="page-title">{data.council.name}</h2>
      <nav class="toc" aria-label={t('sections')}>
        <a href="#tra-cuu">{t('trackTitle')}</a>
        <a href="#lich-hop">{t('upcomingTitle')}</a>
        <a href="#kien-nghi">{t('petitionsTitle')}</a>
        <a href="#tai-lieu">{t('packagesTitle')}</a>
        <a href="#bieu-quyet">{t('votesTitle')}</a>
      </nav>
      <Track />
      <Upcoming meetings={data.upcoming} />
      <PublishedPetitions councilId={councilId} />
      <Packages packages={data.packages} />
      <Votes votes={data.votes} />
      <p class="meta">{t('privacy')}</p>
    </>
  );
}

function CouncilList() {
  const [councils, setCouncils] = useState<PortalCouncil[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    portalApi.councils().then((list) => {
      // One council on this server: its page is the public page.
      // (The query string goes along: ?ma=<reference> opens with that petition looked up.)
      if (list.length === 1) go(`/cong-khai/${encodeURIComponent(list[0]!.id)}${location.search}`);
      else setCouncils(list);
    }, setError);
  }, []);
  if (error) return <ErrorLine error={error} />;
  if (!councils) return <p>{t('loading')}</p>;
  return (
    <section class="card" aria-labelledby="councils-title">
      <h2 id="councils-title">{t('chooseCouncil')}</h2>
      {councils.length === 0 && <p>{t('noCouncils')}</p>}
      <ul class="plain">
        {councils.map((c) => (
          <li key={c.id}>
            <a
              href={`/cong-khai/${encodeURIComponent(c.id)}`}
              onClick={(e) => {
                e.preventDefault();
                go(`/cong-khai/${encodeURIComponent(c.id)}`);
              }}
            >
              {c.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PortalApp() {
  const m = /^\/cong-khai\/([^/]+)\/?$/.exec(path.value);
  return (
    <>
      <header class="top">
        <h1>{t('title')}</h1>
        <button
          type="button"
          aria-label={t('switchLangLabel')}
          onClick={() => setLang(lang.value === 'vi' ? 'en' : 'vi')}
        >
          {t('switchLang')}
        </button>
      </header>
      <main class="portal">
        {m ? <CouncilPage councilId={decodeURIComponent(m[1]!)} /> : <CouncilList />}
      </main>
    </>
  );
}
