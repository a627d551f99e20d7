// The chair's and secretary's inbox of voter petitions: newest first, as plain text, reloaded on
// request and every half minute while the console is open.
import { useEffect, useState } from 'preact/hooks';
import type { PetitionView } from '../api';
import type { LiveMeeting } from '../live';
import { locale, t } from '../i18n';
import { errorText } from '../notice';

export function Petitions({ live }: { live: LiveMeeting }) {
  const [list, setList] = useState<PetitionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setBusy(true);
    try {
      setList(await live.api.listPetitions());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 30_000);
    return () => clearInterval(timer);
  }, []);

  const sorted = [...(list ?? [])].sort((a, b) =>
    (b.createdAt ?? '').localeCompare(a.createdAt ?? ''),
  );
  return (
    <section class="card" aria-labelledby="petitions-title">
      <h2 id="petitions-title">
        {t('petitions')} {list ? `(${list.length})` : ''}
      </h2>
      <p>
        <button type="button" class="small" onClick={() => void load()} disabled={busy}>
          {busy ? t('loading') : t('reload')}
        </button>
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {list && list.length === 0 && <p class="muted">{t('noPetitions')}</p>}
      <ul class="petitions" data-testid="petitions">
        {sorted.map((p, i) => (
          <li key={p.id ?? i}>
            <p class="who">
              <strong>{p.name}</strong>
              {p.ward ? <span class="muted"> · {p.ward}</span> : null}
              {p.contact ? <span class="muted"> · {p.contact}</span> : null}
              {p.createdAt ? (
                <span class="muted"> · {new Date(p.createdAt).toLocaleString(locale())}</span>
              ) : null}
            </p>
            <p class="petition-text">{p.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
