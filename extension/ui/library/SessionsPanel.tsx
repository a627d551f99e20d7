// The delegate's sessions (kỳ họp) and their agenda items, to file documents under.
import { useState } from 'preact/hooks';
import type { BriefcaseDb, Session } from '../../db/db';
import { t } from '../../base/i18n';

export function SessionsPanel({ db, sessions }: { db: BriefcaseDb; sessions: readonly Session[] }) {
  const [title, setTitle] = useState('');
  const [itemTitles, setItemTitles] = useState<Record<string, string>>({});
  return (
    <section class="hdnd-sessions" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('library.session')}</h2>
      <ul>
        {sessions.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong>
            <ol>
              {s.agenda
                .slice()
                .sort((a, b) => a.position - b.position)
                .map((a) => (
                  <li key={a.id}>{a.title}</li>
                ))}
            </ol>
            <form
              class="hdnd-row"
              onSubmit={(e) => {
                e.preventDefault();
                const text = itemTitles[s.id]?.trim();
                if (!text) return;
                const position = s.agenda.reduce((m, a) => Math.max(m, a.position), 0) + 1;
                void db.sessions.update(s.id, {
                  agenda: [...s.agenda, { id: crypto.randomUUID(), title: text, position }],
                });
                setItemTitles({ ...itemTitles, [s.id]: '' });
              }}
            >
              <input
                aria-label={`${t('library.newAgendaItem')}: ${s.title}`}
                placeholder={t('library.newAgendaItem')}
                value={itemTitles[s.id] ?? ''}
                onInput={(e) => setItemTitles({ ...itemTitles, [s.id]: e.currentTarget.value })}
              />
              <button type="submit">+</button>
            </form>
          </li>
        ))}
      </ul>
      <form
        class="hdnd-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!title.trim()) return;
          void db.sessions.add({ id: crypto.randomUUID(), title: title.trim(), agenda: [] });
          setTitle('');
        }}
      >
        <input
          aria-label={t('library.newSessionTitle')}
          placeholder={t('library.newSessionTitle')}
          value={title}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
        <button type="submit">{t('library.newSession')}</button>
      </form>
    </section>
  );
}
