// Organising one document: its title, session (kỳ họp), agenda item and tags.
import { useState } from 'preact/hooks';
import type { BriefcaseDocument, Session } from '../../db/db';
import { t } from '../../base/i18n';

export interface OrganiseFormProps {
  doc: BriefcaseDocument;
  sessions: readonly Session[];
  onSave: (patch: Partial<BriefcaseDocument>) => void;
  onCancel: () => void;
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export function OrganiseForm({ doc, sessions, onSave, onCancel }: OrganiseFormProps) {
  const [title, setTitle] = useState(doc.title);
  const [sessionId, setSessionId] = useState(doc.sessionId ?? '');
  const [agendaItemId, setAgendaItemId] = useState(doc.agendaItemId ?? '');
  const [tags, setTags] = useState(doc.tags.join(', '));
  const session = sessions.find((s) => s.id === sessionId);
  return (
    <form
      class="hdnd-organise"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          title: title.trim() || doc.title,
          sessionId: sessionId || undefined,
          agendaItemId: (session && agendaItemId) || undefined,
          tags: parseTags(tags),
        });
      }}
    >
      <label>
        {t('library.titleInput')}
        <input value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        {t('library.session')}
        <select value={sessionId} onChange={(e) => setSessionId(e.currentTarget.value)}>
          <option value="">{t('library.noSession')}</option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('library.agendaItem')}
        <select
          value={agendaItemId}
          disabled={!session}
          onChange={(e) => setAgendaItemId(e.currentTarget.value)}
        >
          <option value="">{t('library.noAgendaItem')}</option>
          {session?.agenda
            .slice()
            .sort((a, b) => a.position - b.position)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.position}. {a.title}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('library.tagsInput')}
        <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      <div class="hdnd-row">
        <button type="submit">{t('library.save')}</button>
        <button type="button" onClick={onCancel}>
          {t('library.cancel')}
        </button>
      </div>
    </form>
  );
}
