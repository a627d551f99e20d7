// The session-package page (packages.html): paste a package link to subscribe (or arrive from a
// package link's "Thêm vào cặp tài liệu" button with ?subscribe=…), download progress, each
// package's documents with their versions, what changed, and the annotations an update could not
// place, with what the background update downloaded marked new. Checks again when the browser
// comes back online.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parsePackageLink } from '../../shared/packages';
import { lang, setLang, t, type MessageKey } from '../base/i18n';
import { docHref } from '../base/router';
import { useLiveQuery } from '../base/use-live-query';
import { getDb, type Annotation } from '../db/db';
import { changeText } from './changes';
import { SyncDoneMessage } from './messages';
import { seen, subscribe, subscriptions, update } from './service';
import {
  pendingChanges,
  type PackageSubscription,
  type SyncProgress,
  type UpdateReport,
} from './sync';

const briefcase = (docId: string, options?: Parameters<typeof docHref>[1]) =>
  `briefcase.html${docHref(docId, options)}`;

function Progress({ p }: { p: SyncProgress }) {
  const percent = Math.round(((p.done + p.fraction) / Math.max(1, p.total)) * 100);
  return (
    <div role="status" data-testid="package-progress">
      <progress
        max={100}
        value={percent}
        aria-label={t('packages.downloading', {
          title: p.title,
          done: p.done + 1,
          total: p.total,
          percent,
        })}
      />{' '}
      {t('packages.downloading', { title: p.title, done: p.done + 1, total: p.total, percent })}
    </div>
  );
}

const KIND: Record<Annotation['kind'], MessageKey> = {
  highlight: 'ann.highlight',
  comment: 'ann.comment',
  note: 'ann.note',
};

/**
 * The annotations an update could not place: what each is (a draft comment or not), its text, its
 * page in the old version, and a link that opens it in the version it is on now, to place it
 * there by hand. Read live, so one placed since says so and one deleted is marked.
 */
function UnplacedList({ unplaced }: { unplaced: UpdateReport['unplaced'] }) {
  const ids = unplaced.map((u) => u.annotationId);
  const now = useLiveQuery(() => getDb().annotations.bulkGet(ids), [ids.join(' ')]);
  return (
    <div data-testid="package-unplaced">
      <p>{t('packages.unplacedTitle')}</p>
      <ul>
        {unplaced.map((u, i) => {
          const a = now?.[i];
          const body = a?.body ?? u.body;
          const draft = a?.draftComment ?? u.draftComment;
          const kind = a?.kind ?? u.kind;
          return (
            <li key={u.annotationId} data-testid="unplaced-item">
              <strong>{u.title}</strong>
              {kind && <> — {t(KIND[kind])}</>}
              {draft && <span class="hdnd-badge">{t('ann.draftComment')}</span>}
              {u.pageIndex !== undefined && (
                <> ({t('packages.unplacedPage', { n: u.pageIndex + 1 })})</>
              )}
              {u.quote && <q class="hdnd-ann-quote">{u.quote}</q>}
              {body && <span class="hdnd-ann-body">{body}</span>}{' '}
              {now &&
                (!a ? (
                  <span>{t('packages.unplacedDeleted')}</span>
                ) : a.orphaned ? (
                  <a href={briefcase(a.docId, { ann: a.id })}>{t('packages.unplacedPlace')}</a>
                ) : (
                  <a href={briefcase(a.docId, { ann: a.id })}>{t('packages.unplacedPlaced')}</a>
                ))}
            </li>
          );
        })}
      </ul>
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
          {t('packages.offline', { detail: sub.error })}
        </p>
      )}
      {pending.length > 0 ? (
        <div data-testid="package-pending">
          <p>{t('packages.pending', { n: pending.length })}</p>
          <ul>
            {pending.map((c) => (
              <li key={`${c.kind}-${c.documentId}`}>{changeText(c)}</li>
            ))}
          </ul>
        </div>
      ) : (
        m && !sub.error && <p data-testid="package-status">{t('packages.upToDate')}</p>
      )}
      <div class="hdnd-row">
        <button type="button" class="hdnd-button" disabled={busy} onClick={() => void run()}>
          {pending.length ? t('packages.update') : t('packages.checkNow')}
        </button>
        {sub.checkedAt && (
          <span>
            {t('packages.checkedAt', {
              time: new Date(sub.checkedAt).toLocaleString(lang.value),
            })}
          </span>
        )}
      </div>
      {progress && <Progress p={progress} />}
      {m && (
        <>
          <h3>{t('packages.documents')}</h3>
          <ul data-testid="package-documents">
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
                      {t('packages.agendaItem', { n: item.position, title: item.title })}{' '}
                    </span>
                  )}
                  {current ? <a href={briefcase(current)}>{d.title}</a> : d.title} (
                  {t('packages.version', { n: d.current })})
                  {older.length > 0 && (
                    <span>
                      {' '}
                      {t('packages.oldVersions')}{' '}
                      {older.map((v) => (
                        <a key={v.number} href={briefcase(sub.versions[`${d.id}@${v.number}`]!)}>
                          {t('packages.version', { n: v.number })}{' '}
                        </a>
                      ))}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {sub.reports.length > 0 && (
        <>
          <h3>{t('packages.changesTitle')}</h3>
          <ul data-testid="package-changes">
            {sub.reports.map((r) => (
              <li key={r.at}>
                {new Date(r.at).toLocaleString(lang.value)}
                {r.unseen && (
                  <strong data-testid="package-new"> — {t('packages.newInBackground')}</strong>
                )}
                <ul>
                  {r.changes.map((c) => (
                    <li key={`${c.kind}-${c.documentId}`}>{changeText(c)}</li>
                  ))}
                </ul>
                {r.unplaced.length > 0 && <UnplacedList unplaced={r.unplaced} />}
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
  // Reports the background downloaded are shown marked new once, then count as seen (badge).
  const refresh = () =>
    void subscriptions().then((all) => {
      setSubs(all);
      if (all.some((s) => s.reports.some((r) => r.unseen))) void seen();
    });

  const add = async (value: string) => {
    setError(null);
    if (!parsePackageLink(value)) {
      setError(t('packages.notALink'));
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
    document.documentElement.lang = lang.value;
    document.title = t('packages.title');
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
    // The background update finished while this page is open: show what it did.
    const onMessage = (message: unknown) => {
      if (SyncDoneMessage.safeParse(message).success) refresh();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      window.removeEventListener('online', onOnline);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, []);

  return (
    <div class="hdnd-app">
      <header class="hdnd-header">
        <h1>{t('packages.title')}</h1>
        <nav class="hdnd-row">
          <a href="briefcase.html#/">{t('packages.library')}</a>
        </nav>
        <button
          type="button"
          class="hdnd-lang"
          onClick={() => setLang(lang.value === 'vi' ? 'en' : 'vi')}
        >
          {t('app.language')}
        </button>
      </header>
      <main class="hdnd-library">
        <section>
          <p>{t('packages.intro')}</p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void add(link);
            }}
          >
            <label>
              {t('packages.linkLabel')}{' '}
              <input
                type="url"
                required
                value={link}
                onInput={(e) => setLink(e.currentTarget.value)}
                placeholder="https://…/p/…"
              />
            </label>{' '}
            <button type="submit" class="hdnd-button" disabled={busy}>
              {t('packages.add')}
            </button>
          </form>
          {error && <p role="alert">{error}</p>}
          {progress && <Progress p={progress} />}
        </section>
        {subs.length === 0 && !busy && <p>{t('packages.none')}</p>}
        {subs.map((s) => (
          <Subscription key={s.key} sub={s} onChanged={refresh} />
        ))}
      </main>
    </div>
  );
}
