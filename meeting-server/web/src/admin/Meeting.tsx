// One meeting: its details, the agenda editor (add, rename, reorder, remove), the settings the
// live meeting reads, and the invitations (every member of the body at once, the chair and the
// secretary, the public voter link; copy a link, revoke one; download the letters PDF and links CSV).
import { useEffect, useState } from 'preact/hooks';
import type { Meeting as MeetingData, Member } from '../../../../shared/admin';
import { meetingKindLabel } from '../../../../shared/domain';
import {
  MicrophoneControl,
  PassRule,
  microphoneControl,
  passRuleLabel,
} from '../../../../shared/meeting';
import { staffApi } from './api';
import { lang, t, tf } from './i18n';
import { InvitationTable } from './InvitationTable';
import { LeaveRequests } from './LeaveRequests';
import { Link } from './Link';
import { MeetingLinks } from './MeetingLinks';
import { VoterPoster } from './Poster';
import { act, notify } from './notice';
import { useLoad } from './use-load';
import { TextField } from './TextField';

function Agenda({ meeting, onSaved }: { meeting: MeetingData; onSaved: (m: MeetingData) => void }) {
  const [items, setItems] = useState(
    meeting.agenda.map((a) => ({ id: a.id as string | undefined, title: a.title })),
  );
  const [added, setAdded] = useState('');
  useEffect(() => setItems(meeting.agenda.map((a) => ({ id: a.id, title: a.title }))), [meeting]);
  const move = (i: number, d: -1 | 1) => {
    const next = [...items];
    const [it] = next.splice(i, 1);
    next.splice(i + d, 0, it!);
    setItems(next);
  };
  return (
    <section class="card" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('agendaTitle')}</h2>
      {items.length === 0 && <p>{t('agendaEmpty')}</p>}
      <ol class="agenda-edit">
        {items.map((it, i) => (
          <li key={it.id ?? `new-${i}`}>
            <label class="sr-only" for={`agenda-${i}`}>
              {tf('agendaItemN', { n: i + 1 })}
            </label>
            <input
              id={`agenda-${i}`}
              value={it.title}
              required
              onInput={(e) => {
                const next = [...items];
                next[i] = { ...it, title: e.currentTarget.value };
                setItems(next);
              }}
            />
            <button
              type="button"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={tf('moveUp', { n: i + 1 })}
            >
              ↑
            </button>
            <button
              type="button"
              disabled={i === items.length - 1}
              onClick={() => move(i, 1)}
              aria-label={tf('moveDown', { n: i + 1 })}
            >
              ↓
            </button>
            <button
              type="button"
              onClick={() => setItems(items.filter((_, j) => j !== i))}
              aria-label={tf('removeItem', { n: i + 1 })}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <form
        class="row-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!added.trim()) return;
          setItems([...items, { id: undefined, title: added.trim() }]);
          setAdded('');
        }}
      >
        <label for="agenda-new">{t('newAgendaItem')}</label>
        <input id="agenda-new" value={added} onInput={(e) => setAdded(e.currentTarget.value)} />
        <button type="submit">{t('addItem')}</button>
      </form>
      <button
        type="button"
        class="primary"
        onClick={() =>
          void act(
            () =>
              staffApi.setAgenda(
                meeting.id,
                items.map((it) => (it.id ? it : { title: it.title })),
              ),
            t('agendaSaved'),
          ).then((m) => m && onSaved(m))
        }
      >
        {t('saveAgenda')}
      </button>
    </section>
  );
}

function Settings({
  meeting,
  onSaved,
}: {
  meeting: MeetingData;
  onSaved: (m: MeetingData) => void;
}) {
  const [member, setMember] = useState(String(meeting.settings.speakingSecondsMember / 60));
  const [voter, setVoter] = useState(String(meeting.settings.speakingSecondsVoter / 60));
  const [quorum, setQuorum] = useState(meeting.settings.quorum);
  const [defaultRule, setDefaultRule] = useState(meeting.settings.defaultRule);
  const [delegateRemovalRule, setDelegateRemovalRule] = useState(
    meeting.settings.delegateRemovalRule,
  );
  const [officeDismissalRule, setOfficeDismissalRule] = useState(
    meeting.settings.officeDismissalRule,
  );
  const [microphones, setMicrophones] = useState(
    microphoneControl(meeting.kind, meeting.settings.microphones),
  );
  /** A select of the pass rules, in the law's words (shared with the meeting clients). */
  const ruleSelect = (
    id: string,
    label: string,
    value: PassRule,
    onValue: (r: PassRule) => void,
  ) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onValue(PassRule.parse(e.currentTarget.value))}
      >
        {PassRule.options.map((r) => (
          <option key={r} value={r}>
            {passRuleLabel[r][lang.value]}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      class="card"
      aria-labelledby="settings-title"
      onSubmit={(e) => {
        e.preventDefault();
        void act(
          () =>
            staffApi.updateMeeting(meeting.id, {
              settings: {
                speakingSecondsMember: Math.round(Number(member) * 60),
                speakingSecondsVoter: Math.round(Number(voter) * 60),
                quorum,
                defaultRule,
                delegateRemovalRule,
                officeDismissalRule,
                microphones,
              },
            }),
          t('saved'),
        ).then((m) => m && onSaved(m));
      }}
    >
      <h2 id="settings-title">{t('settingsTitle')}</h2>
      <TextField
        id="set-member"
        label={t('speakingMember')}
        type="number"
        min={0.5}
        max={60}
        step={0.5}
        required
        value={member}
        onValue={setMember}
      />
      <TextField
        id="set-voter"
        label={t('speakingVoter')}
        type="number"
        min={0.5}
        max={60}
        step={0.5}
        required
        value={voter}
        onValue={setVoter}
      />
      <div class="field">
        <label for="set-quorum">{t('quorumRule')}</label>
        <select
          id="set-quorum"
          value={quorum}
          onChange={(e) => setQuorum(e.currentTarget.value as typeof quorum)}
        >
          <option value="two_thirds_of_all">{t('quorumTwoThirds')}</option>
          <option value="majority_of_all">{t('quorumMajority')}</option>
        </select>
      </div>
      {ruleSelect('set-default-rule', t('defaultRule'), defaultRule, setDefaultRule)}
      {ruleSelect(
        'set-delegate-removal',
        t('delegateRemovalRule'),
        delegateRemovalRule,
        setDelegateRemovalRule,
      )}
      {ruleSelect(
        'set-office-dismissal',
        t('officeDismissalRule'),
        officeDismissalRule,
        setOfficeDismissalRule,
      )}
      <div class="field">
        <label for="set-microphones">{t('microphonesRule')}</label>
        <select
          id="set-microphones"
          value={microphones}
          onChange={(e) => setMicrophones(MicrophoneControl.parse(e.currentTarget.value))}
        >
          <option value="chair">{t('micsByChair')}</option>
          <option value="free">{t('micsFree')}</option>
        </select>
      </div>
      <button type="submit" class="primary">
        {t('save')}
      </button>
    </form>
  );
}

function Invitations({ meeting, members }: { meeting: MeetingData; members: Member[] }) {
  const [list, reload] = useLoad(() => staffApi.invitations(meeting.id), [meeting.id]);
  const [chairId, setChairId] = useState('');
  const [secretary, setSecretary] = useState('');
  return (
    <section class="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('invitationsTitle')}</h2>
      <div class="actions wrap">
        <button
          type="button"
          class="primary"
          onClick={() =>
            void act(() => staffApi.issueBodyInvitations(meeting.id)).then(async (made) => {
              if (!made) return;
              notify('ok', tf('invitationsIssued', { n: made.length }));
              await reload();
            })
          }
        >
          {t('inviteBody')}
        </button>
        {meeting.kind === 'voter' && (
          <button
            type="button"
            onClick={() =>
              void act(
                () => staffApi.issueInvitation(meeting.id, { role: 'voter' }),
                t('voterLinkIssued'),
              ).then(reload)
            }
          >
            {t('inviteVoters')}
          </button>
        )}
      </div>
      {meeting.kind === 'voter' && <VoterPoster meetingId={meeting.id} invitations={list} />}
      <p class="muted">{t('downloadsHint')}</p>
      <div class="actions wrap">
        <a class="button" href={staffApi.lettersUrl(meeting.id)} download>
          {t('downloadLetters')}
        </a>
        <a class="button" href={staffApi.linksCsvUrl(meeting.id)} download>
          {t('downloadLinks')}
        </a>
      </div>
      <form
        class="row-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(
            () => staffApi.issueInvitation(meeting.id, { role: 'chair', memberId: chairId }),
            t('chairInvited'),
          ).then(reload);
        }}
      >
        <label for="inv-chair">{t('chairIs')}</label>
        <select
          id="inv-chair"
          required
          value={chairId}
          onChange={(e) => setChairId(e.currentTarget.value)}
        >
          <option value="">{t('chooseMember')}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.fullName}
            </option>
          ))}
        </select>
        <button type="submit">{t('inviteChair')}</button>
      </form>
      <form
        class="row-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(
            () =>
              staffApi.issueInvitation(meeting.id, { role: 'secretary', displayName: secretary }),
            t('secretaryInvited'),
          ).then(reload);
        }}
      >
        <label for="inv-secretary">{t('secretaryIs')}</label>
        <input
          id="inv-secretary"
          required
          value={secretary}
          onInput={(e) => setSecretary(e.currentTarget.value)}
        />
        <button type="submit">{t('inviteSecretary')}</button>
      </form>
      {list && <InvitationTable meetingId={meeting.id} list={list} onChanged={reload} />}
    </section>
  );
}

export function Meeting({ id }: { id: string }) {
  const [loaded] = useLoad(() => staffApi.meeting(id), [id]);
  const [meeting, setMeeting] = useState<MeetingData | null>(null);
  const current = meeting ?? loaded;
  const [members] = useLoad(
    async () => (current ? staffApi.members(current.councilId) : null),
    [current?.councilId],
  );
  if (!current) return <p>{t('loading')}</p>;
  const date = new Date(current.startsAt).toLocaleString(lang.value === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <>
      <p>
        <Link to={`/admin/councils/${current.councilId}`}>← {current.councilName}</Link>
      </p>
      <h2 class="page-title">{current.title}</h2>
      <p class="muted">
        {meetingKindLabel[current.kind][lang.value]} · {date} · {t(`status_${current.status}`)}
      </p>
      <MeetingLinks meetingId={current.id} />
      <Agenda meeting={current} onSaved={setMeeting} />
      <p class="card">
        <Link to={`/admin/meetings/${current.id}/package`}>{t('pkgNav')}</Link>{' '}
        <span class="muted">{t('pkgNavHint')}</span>
      </p>
      <Invitations meeting={current} members={members ?? []} />
      <LeaveRequests meetingId={current.id} closed={current.status === 'closed'} />
      <Settings meeting={current} onSaved={setMeeting} />
    </>
  );
}
