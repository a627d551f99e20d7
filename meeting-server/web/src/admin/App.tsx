// The secretariat's app: first-run setup (from the printed link), sign-in, then the sections of
// the office's work. Everything goes through the documented staff API with the session cookie.
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { StaffSession } from '../../../../shared/admin';
import { ClientError, staffApi } from './api';
import { Account } from './Account';
import { Council } from './Council';
import { Councils } from './Councils';
import { Meeting } from './Meeting';
import { Package, PackageQr } from './Package';
import { Petitions } from './Petitions';
import { lang, setLang, t, tf } from './i18n';
import { notice, act } from './notice';
import { go, path } from './router';
import { Setup } from './Setup';
import { SignIn } from './SignIn';
import { staffPage } from './staff-pages';

/** undefined while asking the server, null when nobody is signed in. */
export const session = signal<StaffSession | null | undefined>(undefined);

const SECTIONS = [
  { path: '/admin', label: 'navCouncils' },
  { path: '/admin/account', label: 'navAccount' },
  { path: '/admin/audit', label: 'navAudit', admin: true },
] as const;

function Header() {
  const s = session.value;
  return (
    <header class="top">
      <h1>{t('appTitle')}</h1>
      {s && <span class="who">{tf('signedInAs', { name: s.user.fullName })}</span>}
      <button
        type="button"
        class="lang"
        aria-label={t('switchLangLabel')}
        onClick={() => setLang(lang.value === 'vi' ? 'en' : 'vi')}
      >
        {t('switchLang')}
      </button>
      {s && (
        <button
          type="button"
          onClick={() =>
            void act(async () => {
              await staffApi.signOut();
              session.value = null;
              go('/admin');
            })
          }
        >
          {t('signOut')}
        </button>
      )}
    </header>
  );
}

function Notice() {
  const n = notice.value;
  return (
    <p class={`notice ${n?.kind ?? ''}`} role="status" aria-live="polite">
      {n?.text ?? ''}
    </p>
  );
}

/** The page for a path of the signed-in app. */
function Section({ path: p, session: s }: { path: string; session: StaffSession }) {
  const more = staffPage(p, s);
  if (more) return more;
  const board = /^\/admin\/councils\/([^/]+)\/petitions$/.exec(p);
  if (board) return <Petitions councilId={decodeURIComponent(board[1]!)} />;
  const council = /^\/admin\/councils\/([^/]+)$/.exec(p);
  if (council) return <Council id={decodeURIComponent(council[1]!)} />;
  const meeting = /^\/admin\/meetings\/([^/]+)$/.exec(p);
  if (meeting) return <Meeting id={decodeURIComponent(meeting[1]!)} />;
  const pkg = /^\/admin\/meetings\/([^/]+)\/package$|^\/admin\/packages\/([^/]+)\/qr$/.exec(p);
  if (pkg?.[1]) return <Package meetingId={decodeURIComponent(pkg[1])} />;
  if (pkg?.[2]) return <PackageQr id={decodeURIComponent(pkg[2])} />;
  if (p === '/admin/account') return <Account session={s} />;
  return <Councils />;
}

export function StaffApp() {
  useEffect(() => {
    if (path.value.startsWith('/admin/setup')) return;
    staffApi.me().then(
      (s) => (session.value = s),
      (e: unknown) => {
        session.value = null;
        if (!(e instanceof ClientError && e.status === 401)) notice.value = null;
      },
    );
  }, []);
  useEffect(() => {
    document.title = t('appTitle');
  }, [lang.value]);

  const p = path.value;
  let page;
  if (p.startsWith('/admin/setup')) {
    page = <Setup onDone={(s) => ((session.value = s), go('/admin'))} />;
  } else if (session.value === undefined) {
    page = <p>{t('loading')}</p>;
  } else if (session.value === null) {
    page = <SignIn onDone={(s) => (session.value = s)} />;
  } else {
    const s = session.value;
    page = (
      <>
        <nav class="sections" aria-label={t('mainNav')}>
          {SECTIONS.filter((sec) => !('admin' in sec) || s.user.isAdmin).map((sec) => (
            <a
              key={sec.path}
              href={sec.path}
              aria-current={
                p.startsWith(sec.path) &&
                (sec.path !== '/admin' || !/^\/admin\/(account|audit)/.test(p))
                  ? 'page'
                  : undefined
              }
              onClick={(e) => {
                e.preventDefault();
                go(sec.path);
              }}
            >
              {t(sec.label)}
            </a>
          ))}
        </nav>
        <Section path={p} session={s} />
      </>
    );
  }
  return (
    <>
      <Header />
      <main>
        <Notice />
        {page}
      </main>
    </>
  );
}
