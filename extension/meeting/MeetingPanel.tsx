// The side panel (sidepanel.html): the delegate pastes the invitation link once (remembered in
// the extension's storage, or handed over by the popup from an open invitation tab), joins with
// it through the meeting server's API, and follows the meeting beside the document open in the
// tab. Leaving or losing the session goes back to the one-press join.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { InvitationInfo } from '../../shared/api';
import { roleLabel } from '../../shared/domain';
import { ClientError, meetingClient } from '../../shared/meeting-client';
import { lang, setLang, t, tr, type MessageKey } from '../base/i18n';
import type { InvitationAddress } from './invitation';
import { PanelMeeting } from './live';
import {
  INVITATION_KEY,
  forgetInvitation,
  rememberInvitation,
  rememberedInvitation,
} from './remember';
import { PanelLeave } from './PanelLeave';
import { PanelRecord } from './PanelRecord';
import { RoomView } from './RoomView';
import { localeOf } from '../../shared/meeting-words';

const store = () => browser.storage.local;
const clientFor = (origin: string) => meetingClient({ base: origin, lang: () => lang.value });
const errorText = (e: unknown) => (e instanceof ClientError ? e.message : String(e));

export function MeetingPanel() {
  const [address, setAddress] = useState<InvitationAddress | null>(null);
  const [info, setInfo] = useState<InvitationInfo | null>(null);
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  // A word of the panel (shown in the current language) or the server's message.
  const [error, setError] = useState<{ key: MessageKey } | { text: string } | null>(null);
  const [link, setLink] = useState('');
  const [live, setLive] = useState<PanelMeeting | null>(null);

  /** Shows the remembered invitation: which meeting, as whom. */
  const load = async () => {
    const a = await rememberedInvitation(store());
    setAddress(a);
    setInfo(null);
    setReady(true);
    if (!a) return;
    try {
      setInfo(await clientFor(a.origin).getInvitation(a.token));
    } catch (e) {
      setError({ text: errorText(e) });
    }
  };

  useEffect(() => {
    document.documentElement.lang = lang.value;
    void load();
    // The popup hands over an invitation open in a tab while the panel may already be open.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && INVITATION_KEY in changes) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  useEffect(() => {
    document.title = `${t('panel.title')} — ${info?.meeting.title ?? 'HĐND'}`;
  }, [info, lang.value]);

  useEffect(() => () => live?.stop(), [live]);

  const join = async (a: InvitationAddress) => {
    setBusy(true);
    setError(null);
    const client = clientFor(a.origin);
    try {
      setInfo(await client.getInvitation(a.token));
      const meeting = new PanelMeeting(client, await client.joinMeeting({ invitation: a.token }));
      setLive(meeting);
      void meeting.start();
    } catch (e) {
      setError({ text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const a = await rememberInvitation(store(), link);
    if (!a) {
      setError({ key: 'panel.notALink' });
      return;
    }
    setLink('');
    setAddress(a);
    await join(a);
  };

  const leave = () => {
    live?.stop();
    setLive(null);
  };

  return (
    <div class="mp-app">
      <header class="mp-header">
        <h1>{t('panel.title')}</h1>
        <button
          type="button"
          class="mp-lang"
          lang={lang.value === 'vi' ? 'en' : 'vi'}
          aria-label={`${t('app.language')} — ${t('app.languageLabel')}`}
          onClick={() => setLang(lang.value === 'vi' ? 'en' : 'vi')}
        >
          {t('app.language')}
        </button>
      </header>
      <main>
        {live && address ? (
          <RoomView
            live={live}
            origin={address.origin}
            title={info?.meeting.title ?? ''}
            onLeave={leave}
            onRejoin={() => {
              leave();
              void join(address);
            }}
          />
        ) : (
          <>
            {address ? (
              <section class="card" aria-labelledby="mp-remembered">
                <p class="eyebrow" id="mp-remembered">
                  {t('panel.remembered')}
                </p>
                {info ? (
                  <>
                    <h2>{info.meeting.title}</h2>
                    <p class="muted">
                      {info.meeting.councilName} ·{' '}
                      {new Date(info.meeting.startsAt).toLocaleString(localeOf(lang.value))}
                    </p>
                    <p>
                      {t('panel.joinedAs', {
                        name: info.name ?? '—',
                        role: tr(roleLabel[info.role]),
                      })}
                    </p>
                  </>
                ) : (
                  !error && <p>{t('loading')}</p>
                )}
                <p class="mp-row">
                  <button
                    type="button"
                    class="primary"
                    disabled={busy}
                    onClick={() => void join(address)}
                  >
                    {busy ? t('joining') : t('join')}
                  </button>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => {
                      setError(null);
                      void forgetInvitation(store());
                    }}
                  >
                    {t('panel.forget')}
                  </button>
                </p>
              </section>
            ) : (
              ready && (
                <form class="card" onSubmit={(e) => void submit(e)}>
                  <p>{t('panel.intro')}</p>
                  <label for="mp-link">{t('panel.linkLabel')}</label>
                  <input
                    id="mp-link"
                    type="url"
                    required
                    autoComplete="off"
                    placeholder="https://…/j/…"
                    value={link}
                    onInput={(e) => setLink(e.currentTarget.value)}
                  />
                  <button type="submit" class="primary" disabled={busy}>
                    {busy ? t('joining') : t('join')}
                  </button>
                </form>
              )
            )}
            {address && (info?.role === 'member' || info?.role === 'chair') && (
              <>
                <PanelLeave key={address.token} origin={address.origin} token={address.token} />
                <PanelRecord
                  key={`r-${address.token}`}
                  origin={address.origin}
                  token={address.token}
                />
              </>
            )}
            {error && (
              <p class="error" role="alert">
                {'key' in error ? t(error.key) : error.text}
              </p>
            )}
          </>
        )}
      </main>
    </div>
  );
}
