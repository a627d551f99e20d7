// The backup page #/backup: create one backup file of the whole briefcase, or restore one (checked
// completely before anything is replaced; a damaged file changes nothing and says so).
import { useState } from 'preact/hooks';
import { getDb } from '../db/db';
import { downloadBytes } from '../export/download';
import { clearIndex } from '../search/indexer';
import { getSearchDb } from '../search/search-db';
import { lang, t } from '../base/i18n';
import { BackupError, createBackup, restoreBackup, type BackupManifest } from './backup';

const countsOf = (m: BackupManifest) => ({
  docs: m.counts.documents ?? 0,
  annotations: m.counts.annotations ?? 0,
  notes: m.counts.notes ?? 0,
});

export function BackupPage() {
  const db = getDb();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>();

  async function backup() {
    setBusy(true);
    setMessage({ text: t('backup.creating'), error: false });
    try {
      const file = await createBackup(db);
      downloadBytes(file.bytes, file.fileName, 'application/zip');
      setMessage({ text: t('backup.created', countsOf(file.manifest)), error: false });
    } catch (error) {
      setMessage({ text: String(error), error: true });
    } finally {
      setBusy(false);
    }
  }

  async function restore(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file || !confirm(t('backup.confirm', { file: file.name }))) return;
    setBusy(true);
    setMessage({ text: t('backup.restoring'), error: false });
    try {
      const manifest = await restoreBackup(db, new Uint8Array(await file.arrayBuffer()));
      // The search index is derived data: drop it; the indexer rebuilds it from the restored rows.
      await clearIndex(getSearchDb());
      setMessage({ text: t('backup.restored', countsOf(manifest)), error: false });
    } catch (error) {
      setMessage({
        text: error instanceof BackupError ? error.bilingual[lang.value] : String(error),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="hdnd-backup-page" aria-labelledby="hdnd-backup-heading">
      <h2 id="hdnd-backup-heading">{t('backup.heading')}</h2>
      <p>{t('backup.intro')}</p>
      <button
        type="button"
        disabled={busy}
        onClick={() => void backup()}
        data-testid="backup-create"
      >
        {t('backup.create')}
      </button>
      <h3>{t('backup.restoreHeading')}</h3>
      <p>{t('backup.restoreWarning')}</p>
      <label>
        {t('backup.chooseFile')}{' '}
        <input
          type="file"
          accept=".zip,application/zip"
          disabled={busy}
          onChange={(e) => void restore(e.currentTarget)}
          data-testid="backup-restore-input"
        />
      </label>
      {busy && <progress aria-label={t('backup.restoring')} />}
      {message && (
        <p role={message.error ? 'alert' : 'status'} data-testid="backup-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
