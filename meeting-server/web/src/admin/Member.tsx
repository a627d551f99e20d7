// One delegate: the form that adds or edits a member (name, delegate group, bodies, date of birth,
// work unit, phone, e-mail), and the member's own page, where the office also records the end of a
// term (resigned, removed, …) with its date: from that day the member no longer counts among the
// serving delegates (quorum and every vote threshold), as the page says.
import { useState } from 'preact/hooks';
import {
  TermEndReason,
  termEndReasonLabel,
  type Body,
  type Member,
} from '../../../../shared/admin';
import { isServing, servingDelegates, vietnamToday } from '../../../../shared/serving';
import { staffApi } from './api';
import { moreApi } from './api-staff';
import { Checks } from './Checks';
import { lang, t, tf } from './i18n';
import { Link } from './Link';
import { isoDateText } from './MemberTable';
import { act } from './notice';
import { TextField } from './TextField';
import { useLoad } from './use-load';

export interface MemberFields {
  fullName: string;
  delegateGroup: string | null;
  bodyIds: string[];
  dateOfBirth: string | null;
  unit: string | null;
  phone: string | null;
  email: string | null;
}

const blank = (s: string) => (s.trim() ? s.trim() : null);

/** Adds a member (no `initial`) or edits one; `onSave` resolves true when saved. */
export function MemberForm(props: {
  idPrefix: string;
  title: string;
  submitLabel: string;
  initial?: Member;
  members: Member[];
  bodies: Body[];
  onSave: (fields: MemberFields) => Promise<boolean>;
}) {
  const i = props.initial;
  const [fullName, setFullName] = useState(i?.fullName ?? '');
  const [group, setGroup] = useState(i?.delegateGroup ?? '');
  const [bodyIds, setBodyIds] = useState<string[]>(i?.bodyIds ?? []);
  const [birth, setBirth] = useState(i?.dateOfBirth ?? '');
  const [unit, setUnit] = useState(i?.unit ?? '');
  const [phone, setPhone] = useState(i?.phone ?? '');
  const [email, setEmail] = useState(i?.email ?? '');
  const p = props.idPrefix;
  const groups = [...new Set(props.members.map((m) => m.delegateGroup).filter(Boolean))];
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void props
          .onSave({
            fullName,
            delegateGroup: blank(group),
            bodyIds,
            dateOfBirth: birth || null,
            unit: blank(unit),
            phone: blank(phone),
            email: blank(email),
          })
          .then((saved) => {
            if (!saved || i) return;
            setFullName('');
            setBirth('');
            setUnit('');
            setPhone('');
            setEmail('');
          });
      }}
    >
      <h3>{props.title}</h3>
      <TextField
        id={`${p}-name`}
        label={t('fullName')}
        required
        maxLength={200}
        value={fullName}
        onValue={setFullName}
      />
      <div class="field">
        <label for={`${p}-group`}>{t('delegateGroup')}</label>
        <input
          id={`${p}-group`}
          list={`${p}-groups`}
          placeholder={t('delegateGroupHint')}
          value={group}
          onInput={(e) => setGroup(e.currentTarget.value)}
        />
        <datalist id={`${p}-groups`}>
          {groups.map((g) => (
            <option key={g} value={g!} />
          ))}
        </datalist>
      </div>
      <TextField
        id={`${p}-birth`}
        label={t('dateOfBirth')}
        type="date"
        min="1900-01-01"
        value={birth}
        onValue={setBirth}
      />
      <TextField
        id={`${p}-unit`}
        label={t('unit')}
        maxLength={300}
        value={unit}
        onValue={setUnit}
      />
      <TextField
        id={`${p}-phone`}
        label={t('phone')}
        type="tel"
        autocomplete="off"
        hint={t('phoneHint')}
        value={phone}
        onValue={setPhone}
      />
      <TextField
        id={`${p}-email`}
        label={t('email')}
        type="email"
        autocomplete="off"
        value={email}
        onValue={setEmail}
      />
      {props.bodies.length > 0 && (
        <Checks
          legend={t('bodiesOfMember')}
          items={props.bodies.map((b) => ({ id: b.id, label: b.name }))}
          chosen={bodyIds}
          onChange={setBodyIds}
        />
      )}
      <button type="submit" class="primary">
        {props.submitLabel}
      </button>
    </form>
  );
}

/** "Thôi làm nhiệm vụ đại biểu từ ngày 30/11/2026" */
export const termEndText = (m: Member) =>
  m.termEnd
    ? tf('termEndedOn', {
        reason: termEndReasonLabel[m.termEnd.reason][lang.value],
        date: isoDateText(m.termEnd.on),
      })
    : t('serving');

function TermEndForm(props: {
  member: Member;
  total: number;
  members: Member[];
  onSaved: () => Promise<void>;
}) {
  const [on, setOn] = useState(vietnamToday());
  const [reason, setReason] = useState<TermEndReason>('resigned');
  const m = props.member;
  const others = props.members.map((x) =>
    x.id === m.id ? { termEnd: { on, reason } } : { termEnd: x.termEnd },
  );
  const after = servingDelegates(props.total, others, on);
  return (
    <section class="card" aria-labelledby="term-title">
      <h2 id="term-title">{t('termTitle')}</h2>
      <p>
        <strong>{termEndText(m)}</strong>
      </p>
      {m.termEnd ? (
        <>
          <p class="muted">{t('termUndoHint')}</p>
          <button
            type="button"
            onClick={() =>
              void act(() => moreApi.updateMember(m.id, { termEnd: null }), t('termUndone')).then(
                (ok) => ok && props.onSaved(),
              )
            }
          >
            {t('termUndo')}
          </button>
        </>
      ) : (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(
              () => moreApi.updateMember(m.id, { termEnd: { on, reason } }),
              tf('termEnded', { name: m.fullName, n: after }),
            ).then((ok) => ok && props.onSaved());
          }}
        >
          <div class="field">
            <label for="term-reason">{t('termReason')}</label>
            <select
              id="term-reason"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value as TermEndReason)}
            >
              {TermEndReason.options.map((r) => (
                <option key={r} value={r}>
                  {termEndReasonLabel[r][lang.value]}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id="term-on"
            label={t('termOn')}
            type="date"
            required
            min="1970-01-01"
            value={on}
            onValue={setOn}
            hint={tf('termEffect', { n: after })}
          />
          <button type="submit" class="primary">
            {t('termSave')}
          </button>
        </form>
      )}
    </section>
  );
}

export function MemberPage({ councilId, memberId }: { councilId: string; memberId: string }) {
  const [council] = useLoad(() => staffApi.council(councilId), [councilId]);
  const [members, reload] = useLoad(() => staffApi.members(councilId), [councilId]);
  const [bodies] = useLoad(() => staffApi.bodies(councilId), [councilId]);
  if (!council || !members || !bodies) return <p>{t('loading')}</p>;
  const m = members.find((x) => x.id === memberId);
  if (!m) return <p>{t('memberNotFound')}</p>;
  const today = vietnamToday();
  return (
    <>
      <p>
        <Link to={`/admin/councils/${councilId}`}>← {council.name}</Link>
      </p>
      <h2 class="page-title">{m.fullName}</h2>
      <p class="muted">
        {isServing(m, today) ? t('serving') : termEndText(m)} ·{' '}
        {tf('servingToday', { n: servingDelegates(council.totalMembers, members, today) })}
      </p>
      <section class="card">
        <MemberForm
          key={JSON.stringify(m)}
          idPrefix="edit-member"
          title={t('editMember')}
          submitLabel={t('save')}
          initial={m}
          members={members}
          bodies={bodies}
          onSave={async (fields) => {
            const saved = await act(() => moreApi.updateMember(m.id, fields), t('saved'));
            if (saved) await reload();
            return Boolean(saved);
          }}
        />
      </section>
      <TermEndForm
        key={JSON.stringify(m.termEnd)}
        member={m}
        total={council.totalMembers}
        members={members}
        onSaved={reload}
      />
    </>
  );
}
