// One council: its delegates (members: searchable, in pages, added one at a time or edited on their
// own page), its bodies (the full council, committees, the standing committee) and its meetings; a
// new meeting opens its own page for agenda and invitations; the import of the office's member
// list from a spreadsheet (preview, then confirm).
import { useState } from 'preact/hooks';
import type { Body, Member } from '../../../../shared/admin';
import type { ImportPreview, ImportRow } from '../../../../shared/member-import';
import { meetingKindLabel, type BodyKind, type MeetingKind } from '../../../../shared/domain';
import { isServing, servingDelegates, vietnamToday } from '../../../../shared/serving';
import { staffApi } from './api';
import { Checks } from './Checks';
import { lang, t, tf } from './i18n';
import { Link } from './Link';
import { MemberForm, termEndText } from './Member';
import { MemberTable } from './MemberTable';
import { act } from './notice';
import { go } from './router';
import { Pager, SearchBox, usePaged } from './Paged';
import { useLoad } from './use-load';
import { TextField } from './TextField';

const BODY_KINDS: BodyKind[] = ['council', 'committee', 'standing'];
const bodyKindKey = {
  council: 'bodyCouncil',
  committee: 'bodyCommittee',
  standing: 'bodyStanding',
} as const;
/** The kind of body each meeting kind belongs to (voter meetings: any body), as the server checks. */
const bodyKindFor: Record<MeetingKind, BodyKind | null> = {
  session: 'council',
  committee: 'committee',
  standing: 'standing',
  voter: null,
};

function Members(props: {
  councilId: string;
  members: Member[];
  bodies: Body[];
  reload: () => Promise<void>;
}) {
  const bodyName = (id: string) => props.bodies.find((b) => b.id === id)?.name ?? '';
  const list = usePaged(props.members, (m) =>
    [m.fullName, m.delegateGroup, m.unit, m.phone, m.email].filter(Boolean).join(' '),
  );
  const today = vietnamToday();
  return (
    <section class="card" aria-labelledby="members-title">
      <h2 id="members-title">
        {t('membersTitle')} ({props.members.length})
      </h2>
      {props.members.length === 0 ? (
        <p>{t('membersEmpty')}</p>
      ) : (
        <>
          <SearchBox label={t('searchMembers')} value={list.query} onValue={list.setQuery} />
          {list.matching === 0 && <p>{t('searchNothing')}</p>}
          <MemberTable
            label={t('membersTitle')}
            rows={list.shown}
            rowKey={(m) => m.id}
            bodiesHeader={t('bodiesOfMember')}
            cells={(m) => ({ ...m, bodies: m.bodyIds.map(bodyName).join(', ') })}
            rowClass={(m) => (isServing(m, today) ? undefined : 'row-ended')}
            after={[
              { header: t('termColumn'), cell: (m) => termEndText(m) },
              {
                header: <span class="sr-only">{t('actions')}</span>,
                cell: (m) => (
                  <Link to={`/admin/councils/${props.councilId}/members/${m.id}`}>
                    {t('edit')}
                    <span class="sr-only"> {m.fullName}</span>
                  </Link>
                ),
              },
            ]}
          />
          <Pager
            label={t('membersTitle')}
            page={list.page}
            pages={list.pages}
            matching={list.matching}
            onPage={list.setPage}
          />
        </>
      )}
      <MemberForm
        idPrefix="member"
        title={t('addMember')}
        submitLabel={t('addMember')}
        members={props.members}
        bodies={props.bodies}
        onSave={async (fields) => {
          const made = await act(
            () => staffApi.addMember(props.councilId, fields),
            tf('memberAdded', { name: fields.fullName }),
          );
          if (made) await props.reload();
          return Boolean(made);
        }}
      />
    </section>
  );
}

/** The preview's rows, in pages, searchable, optionally only those with errors. */
function PreviewRows({ rows }: { rows: ImportRow[] }) {
  const [onlyErrors, setOnlyErrors] = useState(false);
  const list = usePaged(onlyErrors ? rows.filter((r) => r.errors.length) : rows, (r) =>
    [r.values.fullName, r.values.delegateGroup, r.values.unit].filter(Boolean).join(' '),
  );
  return (
    <>
      <div class="row-form">
        <SearchBox label={t('searchRows')} value={list.query} onValue={list.setQuery} />
        <label class="check">
          <input
            type="checkbox"
            checked={onlyErrors}
            onChange={(e) => setOnlyErrors(e.currentTarget.checked)}
          />
          {t('onlyErrors')}
        </label>
      </div>
      <MemberTable
        label={t('importTitle')}
        rows={list.shown}
        rowKey={(r) => r.line}
        bodiesHeader={t('importCommittees')}
        cells={(r) => ({ ...r.values, bodies: r.values.committees.join(', ') })}
        rowClass={(r) => (r.errors.length ? 'row-error' : undefined)}
        before={[{ header: t('importLine'), cell: (r) => r.line }]}
        after={[
          {
            header: t('importErrors'),
            cell: (r) => r.errors.map((err) => err.message[lang.value]).join(' ') || '✓',
            class: (r) => (r.errors.length ? 'error' : undefined),
          },
        ]}
      />
      <Pager
        label={t('importTitle')}
        page={list.page}
        pages={list.pages}
        matching={list.matching}
        onPage={list.setPage}
      />
    </>
  );
}

/**
 * "Nhập từ bảng tính": the office's list file is previewed (every row with its errors, in the
 * reader's language); confirming saves all rows, and stays disabled while any row has an error —
 * the officer corrects the file and chooses it again. Nothing is saved before confirming.
 */
function MemberImport(props: { councilId: string; reload: () => Promise<void> }) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const wrong = preview ? preview.summary.withErrors > 0 || preview.fileErrors.length > 0 : true;
  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p class="muted">{t('importIntro')}</p>
      <div class="field">
        <label for="import-file">{t('importFile')}</label>
        <input
          id="import-file"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            setPreview(null);
            if (!file) return;
            void act(() => staffApi.previewImport(props.councilId, file)).then((p) => {
              setPreview(p);
              // The same file chosen again (after correcting it) must fire a change.
              input.value = '';
            });
          }}
        />
      </div>
      {preview && (
        <div class="import-preview">
          {preview.fileErrors.map((err, i) => (
            <p key={i} class="error" role="alert">
              {err[lang.value]}
            </p>
          ))}
          <p>
            {tf('importSummary', {
              total: preview.summary.total,
              valid: preview.summary.valid,
              errors: preview.summary.withErrors,
            })}
          </p>
          {wrong && (
            <p class="error" role="alert">
              {t('importHasErrors')}
            </p>
          )}
          {preview.rows.length > 0 && <PreviewRows rows={preview.rows} />}
          <button
            type="button"
            class="primary"
            disabled={wrong || busy || preview.rows.length === 0}
            onClick={() => {
              setBusy(true);
              void act(
                () => staffApi.confirmImport(props.councilId, preview.rows),
                tf('imported', { n: preview.rows.length }),
              ).then(async (done) => {
                setBusy(false);
                if (!done) return;
                setPreview(null);
                await props.reload();
              });
            }}
          >
            {tf('importConfirm', { n: preview.summary.valid })}
          </button>
        </div>
      )}
    </section>
  );
}

function Bodies(props: {
  councilId: string;
  members: Member[];
  bodies: Body[];
  reload: () => Promise<void>;
}) {
  const [kind, setKind] = useState<BodyKind>('council');
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [editing, setEditing] = useState<{ id: string; ids: string[] } | null>(null);
  const memberItems = props.members.map((m) => ({ id: m.id, label: m.fullName }));
  return (
    <section class="card" aria-labelledby="bodies-title">
      <h2 id="bodies-title">{t('bodiesTitle')}</h2>
      <p class="muted">{t('bodiesIntro')}</p>
      <ul class="rows">
        {props.bodies.map((b) => (
          <li key={b.id}>
            <div class="row">
              <div>
                <strong>{b.name}</strong>
                <div class="muted">
                  {t(bodyKindKey[b.kind])} · {tf('memberCount', { n: b.memberIds.length })}
                </div>
              </div>
              <button type="button" onClick={() => setEditing({ id: b.id, ids: b.memberIds })}>
                {t('editMembers')}
                <span class="sr-only"> {b.name}</span>
              </button>
            </div>
            {editing?.id === b.id && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void act(() => staffApi.setBodyMembers(b.id, editing.ids), t('saved')).then(
                    async (ok) => {
                      if (!ok) return;
                      setEditing(null);
                      await props.reload();
                    },
                  );
                }}
              >
                <Checks
                  legend={tf('membersOf', { name: b.name })}
                  items={memberItems}
                  chosen={editing.ids}
                  onChange={(ids) => setEditing({ id: b.id, ids })}
                />
                <div class="actions">
                  <button type="submit" class="primary">
                    {t('save')}
                  </button>
                  <button type="button" onClick={() => setEditing(null)}>
                    {t('cancel')}
                  </button>
                </div>
              </form>
            )}
          </li>
        ))}
      </ul>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(
            () => staffApi.createBody(props.councilId, { kind, name, memberIds: chosen }),
            tf('bodyCreated', { name }),
          ).then(async (b) => {
            if (!b) return;
            setName('');
            setChosen([]);
            await props.reload();
          });
        }}
      >
        <h3>{t('addBody')}</h3>
        <div class="field">
          <label for="body-kind">{t('bodyKind')}</label>
          <select
            id="body-kind"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as BodyKind)}
          >
            {BODY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(bodyKindKey[k])}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="body-name"
          label={t('bodyName')}
          required
          placeholder={t('bodyNameHint')}
          value={name}
          onValue={setName}
        />
        {props.members.length > 0 && (
          <Checks
            legend={t('bodyMembers')}
            items={memberItems}
            chosen={chosen}
            onChange={setChosen}
          />
        )}
        <button type="submit" class="primary">
          {t('addBody')}
        </button>
      </form>
    </section>
  );
}

/** The value of a datetime-local input for a time one week from now at 08:00, local time. */
function nextWeekAtEight(): string {
  const d = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  d.setHours(8, 0, 0, 0);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function Meetings(props: { councilId: string; bodies: Body[] }) {
  const [meetings] = useLoad(() => staffApi.meetings(props.councilId), [props.councilId]);
  const [kind, setKind] = useState<MeetingKind>('session');
  const fitting = props.bodies.filter(
    (b) => bodyKindFor[kind] === null || b.kind === bodyKindFor[kind],
  );
  const [bodyId, setBodyId] = useState('');
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState(nextWeekAtEight());
  const [agenda, setAgenda] = useState('');
  const date = (iso: string) =>
    new Date(iso).toLocaleString(lang.value === 'vi' ? 'vi-VN' : 'en-GB');
  const chosenBody = fitting.some((b) => b.id === bodyId) ? bodyId : (fitting[0]?.id ?? '');
  return (
    <section class="card" aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t('meetingsTitle')}</h2>
      {meetings && meetings.length === 0 && <p>{t('meetingsEmpty')}</p>}
      <ul class="rows">
        {meetings?.map((m) => (
          <li key={m.id} class="row">
            <div>
              <Link to={`/admin/meetings/${m.id}`}>
                <strong>{m.title}</strong>
              </Link>
              <div class="muted">
                {meetingKindLabel[m.kind][lang.value]} · {date(m.startsAt)} ·{' '}
                {t(`status_${m.status}`)}
              </div>
            </div>
          </li>
        ))}
      </ul>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const items = agenda
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .map((title) => ({ title }));
          void act(() =>
            staffApi.createMeeting(props.councilId, {
              kind,
              bodyId: chosenBody,
              title,
              startsAt: new Date(startsAt).toISOString(),
              agenda: items,
            }),
          ).then((m) => m && go(`/admin/meetings/${m.id}`));
        }}
      >
        <h3>{t('addMeeting')}</h3>
        <div class="field">
          <label for="meeting-kind">{t('meetingKind')}</label>
          <select
            id="meeting-kind"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as MeetingKind)}
          >
            {(Object.keys(meetingKindLabel) as MeetingKind[]).map((k) => (
              <option key={k} value={k}>
                {meetingKindLabel[k][lang.value]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="meeting-body">{t('meetingBody')}</label>
          <select
            id="meeting-body"
            required
            value={chosenBody}
            onChange={(e) => setBodyId(e.currentTarget.value)}
          >
            {fitting.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
          {fitting.length === 0 && <p class="error">{t('noFittingBody')}</p>}
        </div>
        <TextField
          id="meeting-title"
          label={t('meetingTitle')}
          required
          placeholder={t('meetingTitleHint')}
          value={title}
          onValue={setTitle}
        />
        <TextField
          id="meeting-start"
          label={t('startsAt')}
          type="datetime-local"
          required
          value={startsAt}
          onValue={setStartsAt}
        />
        <div class="field">
          <label for="meeting-agenda">{t('agendaLines')}</label>
          <textarea
            id="meeting-agenda"
            rows={4}
            value={agenda}
            onInput={(e) => setAgenda(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="primary" disabled={!chosenBody}>
          {t('addMeeting')}
        </button>
      </form>
    </section>
  );
}

export function Council({ id }: { id: string }) {
  const [council] = useLoad(() => staffApi.council(id), [id]);
  const [members, reloadMembers] = useLoad(() => staffApi.members(id), [id]);
  const [bodies, reloadBodies] = useLoad(() => staffApi.bodies(id), [id]);
  const reload = async () => {
    await Promise.all([reloadMembers(), reloadBodies()]);
  };
  if (!council || !members || !bodies) return <p>{t('loading')}</p>;
  return (
    <>
      <p>
        <Link to="/admin">← {t('navCouncils')}</Link>
      </p>
      <h2 class="page-title">{council.name}</h2>
      <p class="muted">
        {tf('councilSummary', { total: council.totalMembers, recorded: members.length })} ·{' '}
        {tf('servingToday', {
          n: servingDelegates(council.totalMembers, members, vietnamToday()),
        })}
      </p>
      <p class="actions wrap">
        <Link to={`/admin/councils/${encodeURIComponent(id)}/petitions`}>
          {t('openPetitionsBoard')}
        </Link>
        <Link to={`/admin/councils/${encodeURIComponent(id)}/participation`}>
          {t('openParticipation')}
        </Link>
        <a href={`/cong-khai/${encodeURIComponent(id)}`} target="_blank" rel="noopener">
          {t('openPortal')}
        </a>
      </p>
      <Meetings councilId={id} bodies={bodies} />
      <Members councilId={id} members={members} bodies={bodies} reload={reload} />
      <MemberImport councilId={id} reload={reload} />
      <Bodies councilId={id} members={members} bodies={bodies} reload={reload} />
    </>
  );
}
