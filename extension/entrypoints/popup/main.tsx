// Toolbar popup: a shortcut into the briefcase, and "Lưu vào cặp tài liệu" for the PDF open in
// the current tab.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { importPageUrl, looksLikePdfUrl } from '../../import/context-menu';

function Popup() {
  const [tabUrl, setTabUrl] = useState<string | undefined>();
  useEffect(() => {
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => setTabUrl(tab?.url));
  }, []);
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
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
