// The chair's and secretary's console: attendance and quorum, the floor and the speaker queue,
// the agenda, motions (create, open, close, live count, show the result), roll-call, voter
// petitions and the minutes. Buttons a role may not use are not shown; the server still decides.
import { useRef, useState } from 'preact/hooks';
import {
  DismissalTarget,
  PassRule,
  dismissalTargetLabel,
  handKindLabel,
  passRuleLabel,
  type MeetingState,
  type Motion,
} from '../../../../shared/meeting';
import type { LiveMeeting } from '../live';
import { lang, t, tf, tr } from '../i18n';
import { act, errorText, notify } from '../notice';
import { lastClosedMotion, moveEntry } from '../../../../shared/meeting-state';
import { dismissalRule } from '../../../../shared/vote-rules';
import { Timer } from './common';
import { RoleBadge } from '../../../../shared/ui/RoleBadge';
import { LeaveRequests } from './LeaveRequests';
import { Petitions } from './Petitions';
import { ResultCard } from '../../../../shared/ui/ResultCard';
import { word } from '../../../../shared/meeting-words';

type Props = { live: LiveMeeting; state: MeetingState };

export function QuorumMeter({ state }: { state: MeetingState }) {
  const a = state.attendance;
  const pct = a.totalMembers ? Math.round((a.present / a.totalMembers) * 100) : 0;
  const need = a.totalMembers ? Math.round((a.required / a.totalMembers) * 100) : 0;
  return (
    <div class="quorum" data-testid="quorum">
      <p class={`quorum-verdict ${a.quorum ? 'ok' : 'missing'}`}>
        {a.quorum ? `✓ ${t('quorumOk')}` : `! ${t('quorumMissing')}`}
      </p>
      <div
        class="meter"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={a.totalMembers}
        aria-valuenow={a.present}
        aria-label={t('quorum')}
      >
        <span class="fill" style={{ width: `${pct}%` }} />
        <span class="mark" style={{ left: `${need}%` }} />
      </div>
      <p>{tf('quorumLine', { present: a.present, required: a.required, total: a.totalMembers })}</p>
      {a.excused > 0 && <p class="muted">{tf('excusedCount', { count: a.excused })}</p>}
    </div>
  );
}

/** The chair mutes one person whose microphone is on (LiveKit mutes the track on the server). */
function MuteButton({
  live,
  identity,
  name,
}: Pick<Props, 'live'> & { identity: string; name: string }) {
  const person = live.people.value.find((p) => p.identity === identity);
  if (live.role !== 'chair' || !person?.micOn || person.local) return null;
  return (
    <button
      type="button"
      class="small danger"
      aria-label={tf('muteOneLabel', { name })}
      onClick={() =>
        void act(
          () => live.api.muteMicrophones(identity).then(live.accept),
          tf('oneMuted', { name }),
        )
      }
    >
      {t('muteOne')}
    </button>
  );
}

function AttendancePanel({ live, state }: Props) {
  const others = live.people.value.filter((p) => !p.identity.startsWith('member:'));
  return (
    <section class="card" aria-labelledby="att-title">
      <h2 id="att-title">{t('quorum')}</h2>
      <QuorumMeter state={state} />
      <h3>{t('members')}</h3>
      <ul class="people" data-testid="members">
        {state.attendance.members.map((m) => (
          <li key={m.memberId}>
            <span>
              <span class={`dot ${m.present ? 'on' : 'off'}`} aria-hidden="true" />
              {m.name}
              <span class="muted">
                {' '}
                · {m.present ? t('present') : m.excused ? t('excused') : t('absent')}
                {m.via === 'online'
                  ? ` (${t('online')})`
                  : m.via === 'hall'
                    ? ` (${t('inHall')})`
                    : m.via === 'roll_call'
                      ? ` (${t('byRollCall')})`
                      : ''}
              </span>
            </span>
            {m.via !== 'online' && (
              <button
                type="button"
                class="small"
                onClick={() =>
                  void act(
                    () => live.api.checkIn(m.memberId, !m.present).then(live.accept),
                    t('checkedIn'),
                  )
                }
              >
                {m.present ? t('checkOut') : t('checkIn')}
              </button>
            )}
            <MuteButton live={live} identity={`member:${m.memberId}`} name={m.name} />
          </li>
        ))}
      </ul>
      <h3>
        {t('othersOnline')} ({others.length})
      </h3>
      <ul class="people" data-testid="others">
        {others.map((p) => (
          <li key={p.identity} data-identity={p.identity}>
            <span>
              {p.local ? `${p.name} ${t('you')}` : p.name}
              {p.ward ? <span class="muted"> · {p.ward}</span> : null}
            </span>
            {p.role && <RoleBadge role={p.role} lang={lang.value} />}
            <MuteButton live={live} identity={p.identity} name={p.name} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The chair's microphones: where the chair controls them, free discussion opens every member's
 * microphone (closing it takes them back); "mute all" silences every microphone but the chair's.
 */
function MicrophonesPanel({ live, state }: Props) {
  const mics = state.microphones;
  const free = mics?.freeDiscussion ?? false;
  return (
    <div class="microphones row" data-testid="microphones">
      {mics?.control === 'chair' && (
        <button
          type="button"
          class={`toggle ${free ? 'on' : 'off'}`}
          aria-pressed={free}
          onClick={() =>
            void act(
              () => live.api.setFreeDiscussion(!free).then(live.accept),
              free ? t('freeDiscussionClosed') : t('freeDiscussionOpened'),
            )
          }
        >
          {free ? t('closeFreeDiscussion') : t('openFreeDiscussion')}
        </button>
      )}
      <button
        type="button"
        class="danger"
        onClick={() => void act(() => live.api.muteMicrophones().then(live.accept), t('allMuted'))}
      >
        {t('muteAll')}
      </button>
      <span class="muted">
        {mics?.control === 'chair' ? (free ? t('micsFreeNow') : t('micsByFloor')) : t('micsFree')}
      </span>
    </div>
  );
}

function FloorPanel({ live, state }: Props) {
  const f = state.floor;
  const chair = live.role === 'chair';
  const queueIds = state.queue.map((e) => e.id);
  return (
    <section class="card" aria-labelledby="floor-title">
      <h2 id="floor-title">{t('queue')}</h2>
      {f ? (
        <div class="floor now" data-testid="console-floor">
          <p class="eyebrow">
            {t('speaking')} · {tr(handKindLabel[f.kind])}
          </p>
          <p class="speaker">
            <RoleBadge role={f.role} lang={lang.value} /> <strong>{f.name}</strong>{' '}
            <Timer endsAt={f.endsAt} offset={live.offset.value} />
          </p>
          {chair && (
            <p class="row">
              {[60, 180].map((s) => (
                <button
                  key={s}
                  type="button"
                  onClick={() =>
                    void act(() => live.api.extendFloor(s).then(live.accept), t('floorExtended'))
                  }
                >
                  {tf('extend', { min: s / 60 })}
                </button>
              ))}
              <button
                type="button"
                class="danger"
                onClick={() =>
                  void act(() => live.api.endFloor().then(live.accept), t('floorEnded'))
                }
              >
                {t('endFloor')}
              </button>
            </p>
          )}
        </div>
      ) : (
        <p class="muted">{t('nobodySpeaking')}</p>
      )}
      {chair && <MicrophonesPanel live={live} state={state} />}
      {state.queue.length === 0 ? (
        <p class="muted">{t('queueEmpty')}</p>
      ) : (
        <ol class="queue" data-testid="queue">
          {state.queue.map((e, i) => (
            <li key={e.id}>
              <span class="who">
                <RoleBadge role={e.role} lang={lang.value} /> <strong>{e.name}</strong>{' '}
                <span class="muted">{tr(handKindLabel[e.kind])}</span>
              </span>
              <span class="row">
                {chair && (
                  <button
                    type="button"
                    class="primary"
                    aria-label={tf('giveFloorTo', { name: e.name })}
                    onClick={() =>
                      void act(
                        () => live.api.giveFloor(e.id).then(live.accept),
                        tf('floorGiven', { name: e.name }),
                      )
                    }
                  >
                    {t('giveFloor')}
                  </button>
                )}
                <button
                  type="button"
                  class="small"
                  disabled={i === 0}
                  aria-label={tf('moveUpOf', { name: e.name })}
                  onClick={() =>
                    void act(
                      () => live.api.reorderQueue(moveEntry(queueIds, e.id, -1)).then(live.accept),
                      t('queueReordered'),
                    )
                  }
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="small"
                  disabled={i === state.queue.length - 1}
                  aria-label={tf('moveDownOf', { name: e.name })}
                  onClick={() =>
                    void act(
                      () => live.api.reorderQueue(moveEntry(queueIds, e.id, 1)).then(live.accept),
                      t('queueReordered'),
                    )
                  }
                >
                  ↓
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function AgendaPanel({ live, state }: Props) {
  return (
    <section class="card" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('agenda')}</h2>
      <ol class="agenda">
        {state.agenda.map((a) => {
          const current = a.id === state.currentAgendaItemId;
          return (
            <li
              key={a.id}
              class={current ? 'current' : ''}
              aria-current={current ? 'step' : undefined}
            >
              <span>
                {a.title}
                {current && <strong class="tag"> · {t('current')}</strong>}
              </span>
              {!current && (
                <button
                  type="button"
                  class="small"
                  onClick={() =>
                    void act(
                      () => live.api.setAgendaItem(a.id).then(live.accept),
                      t('agendaChanged'),
                    )
                  }
                >
                  {t('makeCurrent')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

type VoteForm = 'open' | 'secret' | 'confidence' | 'election' | 'dismissal' | 'no_confidence';

/** One name per line, trimmed, blank lines left out. */
const names = (text: string) =>
  text
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);

function NewMotion({ live, state }: Props) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [item, setItem] = useState(state.currentAgendaItemId ?? '');
  const [form, setForm] = useState<VoteForm>('open');
  /** '' = the meeting's own rule (its settings, set in the staff app). */
  const [rule, setRule] = useState<PassRule | ''>('');
  const rules = state.meeting.rules;
  /** The rule a dismissal of `target` gets from this meeting's settings. */
  const dismissalRuleOf = (target: DismissalTarget): PassRule =>
    dismissalRule(
      target,
      rules ? { delegate: rules.delegateRemovalRule, office: rules.officeDismissalRule } : {},
    );
  const [allowChange, setAllowChange] = useState(true);
  const [officials, setOfficials] = useState('');
  const [posts, setPosts] = useState('1');
  const [target, setTarget] = useState<DismissalTarget>('office');
  const [duration, setDuration] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const details = useRef<HTMLDetailsElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await live.api.createMotion({
        agendaItemId: item || null,
        title: title.trim(),
        text,
        kind: form === 'open' || form === 'secret' ? 'standard' : form,
        secret: form !== 'open',
        // Without a rule the meeting's settings decide (a resolution's default rule; a dismissal's
        // its target's: two thirds to remove a delegate unless the council changed it); an
        // election and the ratings have their own.
        ...((form === 'open' || form === 'secret') && rule ? { rule } : {}),
        allowChange,
        officials: form === 'open' || form === 'secret' ? [] : names(officials),
        ...(form === 'election' ? { posts: Math.max(1, Math.floor(Number(posts) || 1)) } : {}),
        ...(form === 'dismissal' ? { dismissalTarget: target } : {}),
        ...(Number(duration) >= 10 ? { durationSeconds: Math.floor(Number(duration)) } : {}),
      });
      setTitle('');
      setText('');
      setOfficials('');
      setPosts('1');
      setForm('open');
      setDuration('');
      if (details.current) details.current.open = false;
      notify('ok', t('motionCreated'));
      void live.refresh();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="new-motion" ref={details}>
      <summary>{t('newMotion')}</summary>
      <form onSubmit={submit}>
        <label for="m-title">{t('motionTitle')}</label>
        <input
          id="m-title"
          value={title}
          required
          maxLength={300}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
        <label for="m-text">{t('motionText')}</label>
        <textarea
          id="m-text"
          value={text}
          rows={3}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <label for="m-item">{t('motionItem')}</label>
        <select id="m-item" value={item} onChange={(e) => setItem(e.currentTarget.value)}>
          <option value="">{t('noItem')}</option>
          {state.agenda.map((a) => (
            <option key={a.id} value={a.id}>
              {a.position}. {a.title}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{t('voteKind')}</legend>
          {(
            [
              ['open', t('openVote')],
              ['secret', t('secretVote')],
              ['confidence', t('confidenceVote')],
              ['election', t('electionVote')],
              ['dismissal', t('dismissalVote')],
              ['no_confidence', t('noConfidenceVote')],
            ] as const
          ).map(([v, label]) => (
            <label key={v} class="radio">
              <input type="radio" name="m-form" checked={form === v} onChange={() => setForm(v)} />
              {label}
            </label>
          ))}
        </fieldset>
        {form !== 'open' && form !== 'secret' && (
          <>
            <label for="m-officials">
              {t(
                form === 'election'
                  ? 'candidates'
                  : form === 'dismissal'
                    ? 'dismissedPerson'
                    : 'officials',
              )}
            </label>
            <textarea
              id="m-officials"
              value={officials}
              rows={form === 'dismissal' ? 1 : 3}
              onInput={(e) => setOfficials(e.currentTarget.value)}
            />
          </>
        )}
        {form === 'election' && (
          <>
            <label for="m-posts">{t('posts')}</label>
            <input
              id="m-posts"
              type="number"
              min={1}
              max={50}
              inputMode="numeric"
              value={posts}
              onInput={(e) => setPosts(e.currentTarget.value)}
            />
          </>
        )}
        {form === 'dismissal' && (
          <fieldset>
            <legend>{t('dismissalTarget')}</legend>
            {DismissalTarget.options.map((v) => (
              <label key={v} class="radio">
                <input
                  type="radio"
                  name="m-target"
                  checked={target === v}
                  onChange={() => setTarget(v)}
                />
                {tr(dismissalTargetLabel[v])} — {tr(passRuleLabel[dismissalRuleOf(v)])}
              </label>
            ))}
          </fieldset>
        )}
        {(form === 'open' || form === 'secret') && (
          <>
            <label for="m-rule">{t('passRule')}</label>
            <select
              id="m-rule"
              value={rule}
              onChange={(e) =>
                setRule(e.currentTarget.value ? PassRule.parse(e.currentTarget.value) : '')
              }
            >
              <option value="">
                {tf('meetingRule', {
                  rule: tr(passRuleLabel[rules?.defaultRule ?? 'majority_of_all']),
                })}
              </option>
              {PassRule.options.map((r) => (
                <option key={r} value={r}>
                  {tr(passRuleLabel[r])}
                </option>
              ))}
            </select>
          </>
        )}
        <label class="check">
          <input
            type="checkbox"
            checked={allowChange}
            onChange={(e) => setAllowChange(e.currentTarget.checked)}
          />
          {t('allowChange')}
        </label>
        <label for="m-duration">{t('duration')}</label>
        <input
          id="m-duration"
          type="number"
          min={10}
          max={7200}
          inputMode="numeric"
          value={duration}
          onInput={(e) => setDuration(e.currentTarget.value)}
        />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <p>
          <button class="primary" type="submit" disabled={busy}>
            {busy ? t('sending') : t('create')}
          </button>
        </p>
      </form>
    </details>
  );
}

function MotionRow({ live, state, motion: m }: Props & { motion: Motion }) {
  const chair = live.role === 'chair';
  // The shown result and the latest one open; older results fold away.
  const latest = state.shownResultMotionId === m.id || lastClosedMotion(state)?.id === m.id;
  const anotherOpen = state.motions.some((x) => x.status === 'open' && x.id !== m.id);
  const status =
    m.status === 'open'
      ? t('statusVoting')
      : m.status === 'closed'
        ? t('statusDone')
        : t('statusDraft');
  return (
    <li class={`motion ${m.status}`} data-testid="motion">
      <p>
        <strong>{m.title}</strong> <span class={`badge m-${m.status}`}>{status}</span>{' '}
        <span class="muted">{m.secret ? t('secretVote') : t('openVote')}</span>
      </p>
      {m.status === 'open' && (
        <p data-testid="cast-count">
          {tf('castCount', { cast: m.castCount, eligible: m.eligibleCount })}
          {m.closesAt && (
            <>
              {' · '}
              <Timer endsAt={m.closesAt} offset={live.offset.value} />
            </>
          )}
          {m.secret && <span class="muted"> · {t('secretNote')}</span>}
        </p>
      )}
      {chair && (
        <p class="row">
          {m.status === 'draft' && (
            <button
              type="button"
              class="primary"
              disabled={anotherOpen}
              onClick={() =>
                void act(() => live.api.openMotion(m.id).then(live.accept), t('voteOpened'))
              }
            >
              {t('startVote')}
            </button>
          )}
          {m.status === 'open' && (
            <button
              type="button"
              class="danger"
              onClick={() =>
                void act(() => live.api.closeMotion(m.id).then(live.accept), t('voteClosed'))
              }
            >
              {t('endVote')}
            </button>
          )}
          {m.status === 'closed' && state.shownResultMotionId !== m.id && (
            <button
              type="button"
              class="primary"
              onClick={() =>
                void act(() => live.api.showResult(m.id).then(live.accept), t('resultShown'))
              }
            >
              {t('showResult')}
            </button>
          )}
          {m.status === 'closed' && state.shownResultMotionId === m.id && (
            <span class="muted">{t('resultShown')}</span>
          )}
        </p>
      )}
      {m.status === 'closed' && m.encrypted && !m.result && (
        <p class="muted" data-testid="counting">
          {word(lang.value, 'countingWait')}
        </p>
      )}
      {m.status === 'closed' &&
        (latest ? (
          <ResultCard lang={lang.value} motion={m} />
        ) : (
          <details>
            <summary>{t('viewResult')}</summary>
            <ResultCard lang={lang.value} motion={m} />
          </details>
        ))}
    </li>
  );
}

function MotionsPanel({ live, state }: Props) {
  return (
    <section class="card" aria-labelledby="motions-title">
      <h2 id="motions-title">{t('votes')}</h2>
      <NewMotion live={live} state={state} />
      {state.motions.length === 0 ? (
        <p class="muted">{t('noMotions')}</p>
      ) : (
        <ul class="motions">
          {[...state.motions].reverse().map((m) => (
            <MotionRow key={m.id} live={live} state={state} motion={m} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MeetingControls({ live, state }: Props) {
  const chair = live.role === 'chair';
  const rc = state.rollCall;
  return (
    <section class="card" aria-labelledby="ctl-title">
      <h2 id="ctl-title">{t('console')}</h2>
      <p class="row">
        {chair && state.meeting.status === 'scheduled' && (
          <button
            type="button"
            class="primary"
            onClick={() =>
              void act(() => live.api.setStatus('open').then(live.accept), t('statusChanged'))
            }
          >
            {t('openMeeting')}
          </button>
        )}
        {chair && state.meeting.status === 'open' && (
          <button
            type="button"
            class="danger"
            onClick={() => {
              if (!confirm(t('confirmCloseMeeting'))) return;
              void act(() => live.api.setStatus('closed').then(live.accept), t('statusChanged'));
            }}
          >
            {t('closeMeeting')}
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            const url = `${location.pathname}?display=hall`;
            window.open(url, 'hdnd-hall');
          }}
        >
          {t('openHallDisplay')}
        </button>
      </p>
      <h3>{t('rollCall')}</h3>
      {rc.open && <p>{tf('rollCallOpen', { n: rc.confirmedMemberIds.length })}</p>}
      <p>
        <button
          type="button"
          onClick={() => void act(() => live.api.rollCall().then(live.accept), t('statusChanged'))}
        >
          {rc.open ? t('endRollCall') : t('startRollCall')}
        </button>
      </p>
      <h3>{t('minutes')}</h3>
      <p class="row">
        {(['pdf', 'csv', 'json'] as const).map((fmt) => (
          <button
            key={fmt}
            type="button"
            onClick={() =>
              void act(
                async () => {
                  const blob = await live.api.minutes(fmt);
                  const a = document.createElement('a');
                  a.href = URL.createObjectURL(blob);
                  a.download = `bien-ban-${state.meeting.id}.${fmt}`;
                  a.click();
                  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
                },
                tf('downloaded', { fmt: fmt.toUpperCase() }),
              )
            }
          >
            {tf('download', { fmt: fmt.toUpperCase() })}
          </button>
        ))}
      </p>
    </section>
  );
}

export function Console({ live, state }: Props) {
  return (
    <div class="console" data-testid="console">
      <div class="col">
        <MeetingControls live={live} state={state} />
        <AttendancePanel live={live} state={state} />
      </div>
      <div class="col">
        <FloorPanel live={live} state={state} />
        <AgendaPanel live={live} state={state} />
      </div>
      <div class="col">
        <MotionsPanel live={live} state={state} />
        {state.meeting.kind === 'voter' && <Petitions live={live} />}
        {state.meeting.kind !== 'voter' && <LeaveRequests live={live} />}
      </div>
    </div>
  );
}
