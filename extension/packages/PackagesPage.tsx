// The session-package page (packages.html): paste a package link to subscribe (or arrive from a
// package link's "Thêm vào cặp tài liệu" button with ?subscribe=…), download progress, each
// package's documents with their versions, what changed, and the annotations an update could not
// place. Checks again when the browser comes back online.
import { useEffect, useState } from 'preact/hooks';
import { parsePackageLink } from '../../shared/packages';
import { locale, setLocale } from '../ui/i18n';
import { docHref } from '../ui/router';
import type { PackageChange } from './changes';
import { subscribe, subscriptions, update } from './service';
import { pt } from './strings';
import { pendingChanges, type PackageSubscription, type SyncProgress } from './sync';

const briefcase = (docId: string) => `briefcase.html${docHref(docId)}`;

function changeText(c: PackageChange): string {
  if (c.kind === 'added') return pt('added', { title: c.title });
  if (c.kind === 'removed') return pt('removed', { title: c.title });
  return pt('newVersion', { title: c.title, from: c.from, to: c.to, reason: c.reason ?? '—' });
}

function Progress({ p }: { p: SyncProgress }) {
  const percent = Math.round(((p.done + p.fraction) / Math.max(1, p.total)) * 100);
  return (
    <div role="status" data-testid="package-progress">
      <progress
        max={100}
        value={percent}
        aria-label={pt('downloading', {
          title: p.title,
          done: p.done + 1,
          total: p.total,
          percent,
        })}
      />{' '}
      {pt('downloading', { title: p.title, done: p.done + 1, total: p.total, percent })}
    </div>
  );
}

function Subscription(props: { sub: PackageSubscription; onChanged: () => void }) {
  const { sub } = props;
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = pendingChanges(sub);
  const run = async () => {
    setBusy(true);
    try {
      await update(sub, setProgress);
    } catch {
      // the error is stored on the subscription and shown below
    } finally {
      setBusy(false);
      setProgress(null);
      props.onChanged();
    }
  };
  const m = sub.applied;
  return (
    <section class="hdnd-package" data-testid="package" aria-label={sub.title || sub.link}>
      <h2>{sub.title || sub.link}</h2>
      {m && (
        <p>
          {m.meeting.councilName} — {m.meeting.title}
        </p>
      )}
      {sub.error && (
        <p role="alert" data-testid="package-error">
          {pt('offline', { detail: sub.error })}
        </p>
      )}
      {pending.length > 0 ? (
        <div data-testid="package-pending">
          <p>{pt('pending', { n: pending.length })}</p>
          <ul>
            {pending.map((c) => (
              <li key={`${c.kind}-${c.documentId}`}>{changeText(c)}</li>
            ))}
          </ul>
        </div>
      ) : (
        m && !sub.error && <p data-testid="package-status">{pt('upToDate')}</p>
      )}
      <div class="hdnd-row">
        <button type="button" class="hdnd-button" disabled={busy} onClick={() => void run()}>
          {pending.length ? pt('update') : pt('checkNow')}
        </button>
        {sub.checkedAt && (
          <span>
            {pt('checkedAt', { time: new Date(sub.checkedAt).toLocaleString(locale.value) })}
          </span>
        )}
      </div>
      {progress && <Progress p={progress} />}
      {m && (
        <>
          <h3>{pt('documents')}</h3>
          <ol data-testid="package-documents">
            {m.documents.map((d) => {
              const current = sub.versions[`${d.id}@${d.current}`];
              const older = d.versions.filter(
                (v) => v.number < d.current && sub.versions[`${d.id}@${v.number}`],
              );
              const item = m.agenda.find((a) => a.id === d.agendaItemId);
              return (
                <li key={d.id} data-testid="package-document">
                  {item && (
                    <span>
                      {item.position}. {item.title}:{' '}
                    </span>
                  )}
                  {current ? <a href={briefcase(current)}>{d.title}</a> : d.title} (
                  {pt('version', { n: d.current })})
                  {older.length > 0 && (
                    <span>
                      {' '}
                      {pt('oldVersions')}{' '}
                      {older.map((v) => (
                        <a key={v.number} href={briefcase(sub.versions[`${d.id}@${v.number}`]!)}>
                          {pt('version', { n: v.number })}{' '}
                        </a>
                      ))}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
      {sub.reports.length > 0 && (
        <>
          <h3>{pt('changesTitle')}</h3>
          <ul data-testid="package-changes">
            {sub.reports.map((r) => (
              <li key={r.at}>
                {new Date(r.at).toLocaleString(locale.value)}
                <ul>
                  {r.changes.map((c) => (
                    <li key={`${c.kind}-${c.documentId}`}>{changeText(c)}</li>
                  ))}
                </ul>
                {r.unplaced.length > 0 && (
                  <div data-testid="package-unplaced">
                    <p>{pt('unplacedTitle')}</p>
                    <ul>
                      {r.unplaced.map((u) => (
                        <li key={u.annotationId}>
                          {u.title}: “{u.quote}”
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function PackagesPage() {
  const [subs, setSubs] = useState<PackageSubscription[]>([]);
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => void subscriptions().then(setSubs);

  const add = async (value: string) => {
    setError(null);
    if (!parsePackageLink(value)) {
      setError(pt('notALink'));
      return;
    }
    setBusy(true);
    try {
      await subscribe(value, setProgress);
      setLink('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
      setProgress(null);
      refresh();
    }
  };

  useEffect(() => {
    document.documentElement.lang = locale.value;
    document.title = pt('title');
    refresh();
    const fromLink = new URLSearchParams(location.search).get('subscribe');
    if (fromLink) {
      history.replaceState(null, '', location.pathname);
      void add(fromLink);
    }
    const onOnline = () => {
      void subscriptions().then(async (all) => {
        for (const s of all) await update(s, () => undefined).catch(() => undefined);
        refresh();
      });
    };
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);

  return (
    <div class="hdnd-app">
      <header class="hdnd-header">
        <h1>{pt('title')}</h1>
        <nav class="hdnd-row">
          <a href="briefcase.html#/">{pt('library')}</a>
        </nav>
        <button
          type="button"
          class="hdnd-lang"
          onClick={() => setLocale(locale.value === 'vi' ? 'en' : 'vi')}
        >
          {pt('language')}
        </button>
      </header>
      <main class="hdnd-library">
        <section>
          <p>{pt('intro')}</p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void add(link);
            }}
          >
            <label>
              {pt('linkLabel')}{' '}
              <input
                type="url"
                required
                value={link}
                onInput={(e) => setLink(e.currentTarget.value)}
                placeholder="https://…/p/…"
              />
            </label>{' '}
            <button type="submit" class="hdnd-button" disabled={busy}>
              {pt('add')}
            </button>
          </form>
          {error && <p role="alert">{error}</p>}
          {progress && <Progress p={progress} />}
        </section>
        {subs.length === 0 && !busy && <p>{pt('none')}</p>}
        {subs.map((s) => (
          <Subscription key={s.key} sub={s} onChanged={refresh} />
        ))}
      </main>
    </div>
  );
}
