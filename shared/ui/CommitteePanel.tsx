// The vote-counting committee (ban kiểm phiếu) in every meeting client: the chair or secretary names
// it; a member's console makes its part of the key in this browser (secrets kept in IndexedDB, never
// sent) and, when an encrypted secret vote closes, checks the board and sends its decryption share
// by itself. The count appears when t members' shares are in (docs/secret-ballot.md).
import { useEffect, useRef, useState } from 'preact/hooks';
import { committeeConsole, type CeremonyStep, type SecretStore } from '../ballot-committee';
import type { MeetingState } from '../meeting';
import type { MeetingCalls } from '../meeting-client';
import { isStaff } from '../meeting-state';
import { word, type Lang } from '../meeting-words';
import type { CommitteeState } from '../secret-ballot';
import { indexedDbSecretStore } from './committee-store';
import { errorText, type Participant } from './report';

type CommitteeParticipant = Pick<Participant, 'role' | 'report'> & {
  api: Pick<MeetingCalls, 'committee' | 'setCommittee' | 'committeeCalls'>;
};

const stepWord = {
  'not-member': 'committeeNotMember',
  'waiting-keys': 'committeeWaitingKeys',
  'waiting-deals': 'committeeWaitingDeals',
  ready: 'committeeReady',
  'share-mismatch': 'committeeShareMismatch',
} as const;

export function CommitteePanel({
  lang,
  state,
  live,
  store,
}: {
  lang: Lang;
  state: MeetingState;
  live: CommitteeParticipant;
  store?: SecretStore;
}) {
  const [committee, setCommittee] = useState<CommitteeState | null>(null);
  const [step, setStep] = useState<CeremonyStep | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const consoleRef = useRef<ReturnType<typeof committeeConsole> | null>(null);
  const tried = useRef(new Set<string>());
  consoleRef.current ??= committeeConsole(
    live.api.committeeCalls(),
    store ?? indexedDbSecretStore(),
  );

  // The ceremony: on every change of the meeting (a committee named, another member's key or
  // deal arrived), read the committee and take this console as far as it goes now. One run at a
  // time; a change during a run runs it once more.
  const running = useRef<'idle' | 'busy' | 'again'>('idle');
  useEffect(() => {
    const run = async (): Promise<void> => {
      if (running.current !== 'idle') {
        running.current = 'again';
        return;
      }
      running.current = 'busy';
      try {
        const c = await live.api.committee().catch(() => null);
        setCommittee(c);
        if (c?.myIndex != null) setStep(await consoleRef.current!.advance());
      } catch (e) {
        setError(errorText(e, lang));
      } finally {
        const again = (running.current as string) === 'again';
        running.current = 'idle';
        if (again) void run();
      }
    };
    void run();
  }, [state.version]);

  // The count: each encrypted vote closed without a result gets this member's share, once.
  useEffect(() => {
    if (committee?.myIndex == null || step !== 'ready') return;
    for (const m of state.motions) {
      if (!m.encrypted || m.status !== 'closed' || m.result || tried.current.has(m.id)) continue;
      tried.current.add(m.id);
      void consoleRef
        .current!.decrypt(m.id)
        .then((r) =>
          'refused' in r
            ? setError(word(lang, 'committeeRefused', { reason: r.refused }))
            : live.report('ok', word(lang, 'committeeShareSent', { title: m.title })),
        )
        .catch((e: unknown) => setError(errorText(e, lang)));
    }
  }, [state.motions, step, committee?.myIndex]);

  const staff = isStaff(live.role);
  if (!committee && !staff) return null;
  const name = async () => {
    try {
      setCommittee(await live.api.setCommittee({ memberIds: [...picked] }));
      live.report('ok', word(lang, 'committeeNamed'));
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  return (
    <section class="card committee" aria-labelledby="committee-title" data-testid="committee">
      <h2 id="committee-title">{word(lang, 'committeeTitle')}</h2>
      {committee ? (
        <>
          <p data-testid="committee-key">
            {committee.publicKey
              ? word(lang, 'committeeKeyReady', {
                  t: String(committee.threshold),
                  n: String(committee.members.length),
                })
              : word(lang, 'committeeKeyPending')}
          </p>
          <ul>
            {committee.members.map((m) => (
              <li key={m.index}>
                {m.name} {m.commitment ? '✓✓' : m.transportKey ? '✓' : '…'}
              </li>
            ))}
          </ul>
          {step && committee.myIndex !== null && (
            <p class="muted" data-testid="committee-step">
              {word(lang, stepWord[step])}
            </p>
          )}
        </>
      ) : null}
      {staff && (
        <details open={!committee}>
          <summary>{word(lang, committee ? 'committeeRename' : 'committeeName')}</summary>
          {state.attendance.members.map((a) => (
            <label key={a.memberId} class="check">
              <input
                type="checkbox"
                checked={picked.has(a.memberId)}
                onChange={() => {
                  const next = new Set(picked);
                  if (!next.delete(a.memberId)) next.add(a.memberId);
                  setPicked(next);
                }}
              />
              {a.name}
            </label>
          ))}
          <button
            type="button"
            class="primary"
            disabled={picked.size === 0}
            onClick={() => void name()}
          >
            {word(lang, 'committeeSubmit', { n: String(picked.size) })}
          </button>
        </details>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
