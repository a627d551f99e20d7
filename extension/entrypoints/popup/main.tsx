// Toolbar popup: a shortcut into the briefcase, "Lưu vào cặp tài liệu" for the PDF open in the
// current tab, and the meeting side panel (with the invitation open in the tab, if it is one).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { importPageUrl, looksLikePdfUrl } from '../../import/context-menu';
import { parseInvitationLink } from '../../meeting/invitation';
import { openMeetingPanel } from '../../meeting/open-panel';

function Popup() {
  const [tabUrl, setTabUrl] = useState<string | undefined>();
  const [windowId, setWindowId] = useState<number | undefined>();
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      setTabUrl(tab?.url);
      setWindowId(tab?.windowId);
    });
  }, []);
  const invitation = tabUrl ? parseInvitationLink(tabUrl) : null;
  const panel = (link?: string) => {
    if (windowId === undefined) return;
    void openMeetingPanel(browser, windowId, link).then(() => window.close());
  };
  return (
    <main
      style={{
        padding: '12px',
        fontFamily: 'system-ui, sans-serif',
        display: 'grid',
        gap: '8px',
        minWidth: '240px',
      }}
    >
      <h1 style={{ fontSize: '16px', margin: 0 }}>Cặp tài liệu HĐND</h1>
      {looksLikePdfUrl(tabUrl) && (
        <button
          onClick={() =>
            void browser.tabs.create({ url: importPageUrl(browser.runtime, tabUrl, 'tab') })
          }
        >
          Lưu vào cặp tài liệu / Save to the briefcase
        </button>
      )}
      <button
        onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/briefcase.html') })}
      >
        Mở cặp tài liệu / Open the briefcase
      </button>
      <button
        onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/packages.html') })}
      >
        Bộ tài liệu kỳ họp / Session packages
      </button>
      {invitation && (
        <button onClick={() => panel(invitation.link)}>
          Tham gia cuộc họp này trong bảng bên / Join this meeting in the side panel
        </button>
      )}
      <button onClick={() => panel()}>
        Họp trực tuyến (bảng bên) / Online meeting (side panel)
      </button>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
