// Import panel of the library: file picker and drag-and-drop of many PDFs, a PDF's web address,
// and one progress bar and outcome per file. A password prompt appears when a file needs one.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { QueueItem } from '../../import/queue';
import { lang, t } from '../../base/i18n';
import { importQueue, importUrl, queueFilesFrom } from './import-service';
import { PasswordDialog } from './PasswordDialog';

function itemText(item: QueueItem): string {
  const o = item.outcome;
  if (o?.status === 'imported')
    return t(o.doc.hasText ? 'import.done' : 'import.doneNoText', { pages: o.doc.pageCount });
  if (o?.status === 'duplicate') return t('import.duplicate', { title: o.doc.title });
  if (o?.status === 'failed') return o.message[lang.value];
  const p = item.progress;
  if (!p || item.status === 'waiting') return t('import.stage.waiting');
  if (p.stage === 'parsing')
    return t('import.stage.parsing', { done: p.pagesDone ?? 0, total: p.pagesTotal ?? 0 });
  return t(`import.stage.${p.stage}`);
}

function ImportRow({ item }: { item: QueueItem }) {
  const fraction = item.status === 'failed' ? 0 : (item.progress?.fraction ?? 0);
  return (
    <li
      class={`hdnd-import-item is-${item.status}`}
      data-testid="import-item"
      data-status={item.status}
      data-file={item.fileName}
    >
      <span class="hdnd-import-name">{item.fileName}</span>
      <progress
        max={1}
        value={item.status === 'imported' || item.status === 'duplicate' ? 1 : fraction}
        aria-label={item.fileName}
      />
      <span class="hdnd-import-text" role={item.status === 'failed' ? 'alert' : undefined}>
        {itemText(item)}
      </span>
    </li>
  );
}

export function ImportPanel() {
  const [dragging, setDragging] = useState(false);
  const [url, setUrl] = useState('');
  const items = importQueue.items.value;
  const request = importQueue.passwordRequest.value;
  const ok = items.filter((i) => i.status === 'imported' || i.status === 'duplicate').length;
  const failed = items.filter((i) => i.status === 'failed').length;
  return (
    <section
      class={`hdnd-import ${dragging ? 'is-dragging' : ''}`}
      aria-labelledby="import-heading"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        if (e.dataTransfer?.files.length)
          void importQueue.addFiles(queueFilesFrom(e.dataTransfer.files));
      }}
    >
      <h2 id="import-heading">{t('import.heading')}</h2>
      <div class="hdnd-row">
        <label class="hdnd-button">
          {t('import.chooseFiles')}
          <input
            class="hdnd-visually-hidden"
            type="file"
            multiple
            accept="application/pdf,.pdf"
            aria-label={t('import.fileInputLabel')}
            data-testid="import-files"
            onChange={(e) => {
              const input = e.currentTarget;
              if (input.files?.length) void importQueue.addFiles(queueFilesFrom(input.files));
              input.value = '';
            }}
          />
        </label>
        <span>{t('import.dropHint')}</span>
      </div>
      <form
        class="hdnd-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) void importUrl(url.trim(), 'url', browser.permissions);
          setUrl('');
        }}
      >
        <label>
          {t('import.urlLabel')}{' '}
          <input
            type="url"
            value={url}
            placeholder="https://…/du-thao.pdf"
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('import.urlButton')}</button>
      </form>
      {items.length > 0 && (
        <>
          <p aria-live="polite" data-testid="import-summary">
            {t('import.summary', { ok, failed })}
          </p>
          <ul class="hdnd-import-list">
            {items.map((item) => (
              <ImportRow key={item.key} item={item} />
            ))}
          </ul>
        </>
      )}
      {request && (
        <PasswordDialog
          fileName={request.fileName}
          reason={request.reason}
          onAnswer={request.answer}
        />
      )}
    </section>
  );
}
