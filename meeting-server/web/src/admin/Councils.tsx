// Councils: the list, a new council (name, level, number of delegates elected) and editing one.
import { useEffect, useState } from 'preact/hooks';
import type { Council } from '../../../../shared/admin';
import type { CouncilLevel } from '../../../../shared/domain';
import { staffApi } from './api';
import { t, tf } from './i18n';
import { act } from './notice';
import { Link } from './Link';

function CouncilForm(props: {
  initial?: Council;
  submitLabel: string;
  onSubmit: (v: { name: string; level: CouncilLevel; totalMembers: number }) => Promise<void>;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(props.initial?.name ?? '');
  const [level, setLevel] = useState<CouncilLevel>(props.initial?.level ?? 'commune');
  const [total, setTotal] = useState(String(props.initial?.totalMembers ?? ''));
  const [busy, setBusy] = useState(false);
  const id = props.initial?.id ?? 'new';
  return (
    <form
      class="council-form"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void props
          .onSubmit({ name, level, totalMembers: Number(total) })
          .finally(() => setBusy(false));
      }}
    >
      <div class="field">
        <label for={`council-name-${id}`}>{t('councilName')}</label>
        <input
          id={`council-name-${id}`}
          required
          maxLength={200}
          placeholder={t('councilNameHint')}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`council-level-${id}`}>{t('level')}</label>
        <select
          id={`council-level-${id}`}
          value={level}
          onChange={(e) => setLevel(e.currentTarget.value as CouncilLevel)}
        >
          <option value="commune">{t('levelCommune')}</option>
          <option value="province">{t('levelProvince')}</option>
        </select>
      </div>
      <div class="field">
        <label for={`council-total-${id}`}>{t('totalMembers')}</label>
        <input
          id={`council-total-${id}`}
          type="number"
          min={1}
          max={1000}
          required
          value={total}
          aria-describedby={`council-total-hint-${id}`}
          onInput={(e) => setTotal(e.currentTarget.value)}
        />
        <p id={`council-total-hint-${id}`} class="muted">
          {t('totalMembersHint')}
        </p>
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

export function Councils() {
  const [councils, setCouncils] = useState<Council[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const load = () => act(() => staffApi.councils()).then((c) => c && setCouncils(c));
  useEffect(() => void load(), []);

  return (
    <>
      <section class="card">
        <h2>{t('councilsTitle')}</h2>
        {councils === null ? (
          <p>{t('loading')}</p>
        ) : councils.length === 0 ? (
          <p>{t('councilsEmpty')}</p>
        ) : (
          <ul class="rows">
            {councils.map((c) =>
              editing === c.id ? (
                <li key={c.id}>
                  <CouncilForm
                    initial={c}
                    submitLabel={t('save')}
                    onCancel={() => setEditing(null)}
                    onSubmit={async (v) => {
                      if (await act(() => staffApi.updateCouncil(c.id, v), t('saved'))) {
                        setEditing(null);
                        await load();
                      }
                    }}
                  />
                </li>
              ) : (
                <li key={c.id} class="row">
                  <div>
                    <Link to={`/admin/councils/${c.id}`}>
                      <strong>{c.name}</strong>
                    </Link>
                    <div class="muted">
                      {c.level === 'province' ? t('levelProvince') : t('levelCommune')} ·{' '}
                      {t('totalMembers')}: {c.totalMembers}
                    </div>
                  </div>
                  <button type="button" onClick={() => setEditing(c.id)}>
                    {t('edit')}
                    <span class="sr-only"> {c.name}</span>
                  </button>
                </li>
              ),
            )}
          </ul>
        )}
      </section>
      <section class="card">
        <h2>{t('createCouncil')}</h2>
        <CouncilForm
          key={councils?.length ?? 0}
          submitLabel={t('createCouncil')}
          onSubmit={async (v) => {
            const made = await act(() => staffApi.createCouncil(v));
            if (made) {
              await load();
              await act(async () => undefined, tf('councilCreated', { name: made.name }));
            }
          }}
        />
      </section>
    </>
  );
}
