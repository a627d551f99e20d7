// #/import?url=…: saving the PDF the delegate was looking at (context menu or toolbar popup).
// The download starts on the delegate's click, which also lets the browser ask for the site.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../base/i18n';
import { importUrl } from './import-service';
import { ImportPanel } from './ImportPanel';

export function ImportUrlPage({ url, kind }: { url: string; kind: 'url' | 'tab' }) {
  const [started, setStarted] = useState(false);
  return (
    <div class="hdnd-library">
      <div class="hdnd-library-side">
        <section class="hdnd-import">
          <h2>{t('import.saveToBriefcase')}</h2>
          <p>
            <code>{url}</code>
          </p>
          <button
            type="button"
            disabled={started}
            onClick={() => {
              setStarted(true);
              void importUrl(url, kind, browser.permissions);
            }}
          >
            {t('import.saveToBriefcase')}
          </button>
          <p>
            <a href="#/">{t('viewer.back')}</a>
          </p>
        </section>
        <ImportPanel />
      </div>
    </div>
  );
}
