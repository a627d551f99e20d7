// Votes: motions on agenda items (resolutions, confidence ratings, elections, dismissals,
// no-confidence votes), opened only with the quorum, ballots accepted only from serving
// members of the body who are present at that moment and counted exactly once, closed with the
// result of shared/vote-rules.ts from the total, present and quorum AT CLOSE. Open (named) votes keep each member's choice.
// Secret votes of a meeting with a vote-counting committee are encrypted in the delegate's browser
// and kept on a board (secret-board.ts): WHO voted and ciphertexts, the result only once the
// committee decrypts the totals. Without a committee, a secret vote keeps WHO voted
// (motion_voters) and per-choice counters (secret_tallies) — see docs/secret-ballot.md "Status".
import { randomUUID } from 'node:crypto';
import type {
  BallotReceipt,
  CastBallot,
  CreateMotion,
  Motion,
  MyBallot,
  VoteChoice,
} from '../../../shared/meeting';
import {
  ConfidenceChoice as ConfidenceChoices,
  NoConfidenceChoice as NoConfidenceChoices,
  VoteChoice as VoteChoices,
} from '../../../shared/meeting';
import type { Queryable } from '../db/database';
import type { SecretCount } from '../../../shared/secret-ballot';
import {
  appendEncryptedBallot,
  boardHeader,
  checkEncryptedBallot,
  closeSecretBoard,
  openSecretBoard,
  postDecryptionShare,
  type ResultBase,
} from './secret-board';
import type { DecryptionShareJson } from '../../../shared/ballot-crypto/tally';
import { createBatcher, type Batcher } from './batch';
import { badRequest, forbidden, HttpError, notFound } from '../http/errors';
import type { LiveDeps } from '../live/context';
import type { LiveSettings } from '../live/settings';
import {
  attendanceOf,
  conflict,
  loadMeeting,
  meetingClosed,
  motionOf,
  MOTION_COLUMNS,
  mutate,
  PRESENT_SQL,
  type MotionRow,
} from '../live/state';
import {
  confidenceResult,
  dismissalResult,
  dismissalRule,
  electionBallotKind,
  electionResult,
  noConfidenceResult,
  resolutionResult,
} from '../../../shared/vote-rules';

const motionNotFound = () => notFound('Không tìm thấy nội dung biểu quyết.', 'Motion not found.');
const voteClosed = () =>
  conflict(
    'vote_closed',
    'Biểu quyết này không đang mở; không thể bỏ phiếu.',
    'This vote is not open; ballots are not accepted.',
  );

async function motionRow(db: Queryable, meetingId: string, motionId: string, lock = false) {
  const rows = await db.query<MotionRow>(
    `SELECT ${MOTION_COLUMNS} FROM motions WHERE id = $1 AND meeting_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [motionId, meetingId],
  );
  if (!rows[0]) throw motionNotFound();
  return rows[0];
}

export async function createMotion(
  deps: LiveDeps,
  meetingId: string,
  body: CreateMotion,
): Promise<Motion> {
  const meeting = await loadMeeting(deps.db, meetingId);
  if (meeting.status === 'closed') throw meetingClosed();
  const kind = body.kind;
  const officials = kind === 'standard' ? [] : [...new Set(body.officials)];
  const facts = kindFacts(body, officials, meeting.live);
  // Every kind but a standard motion is secret. A secret ballot can never be changed: the server
  // keeps no record of what a member chose, so it could not take the old choice back out of the
  // counters.
  const secret = kind !== 'standard' || body.secret;
  const allowChange = secret ? false : body.allowChange;
  return mutate(deps, meetingId, async (tx) => {
    if (body.agendaItemId) {
      const items = await tx.query('SELECT 1 FROM agenda_items WHERE id = $1 AND meeting_id = $2', [
        body.agendaItemId,
        meetingId,
      ]);
      if (!items.length) {
        throw badRequest(
          'Mục chương trình không thuộc cuộc họp này.',
          'The agenda item does not belong to this meeting.',
        );
      }
    }
    const id = randomUUID();
    await tx.query(
      `INSERT INTO motions (id, meeting_id, agenda_item_id, title, text, kind, secret, rule,
         allow_change, present_only, officials, posts, dismissal_target, duration_seconds, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        id,
        meetingId,
        body.agendaItemId,
        body.title,
        body.text,
        kind,
        secret,
        facts.rule,
        allowChange,
        body.presentOnly,
        JSON.stringify(officials),
        facts.posts,
        facts.dismissalTarget,
        body.durationSeconds ?? null,
        new Date(deps.now()),
      ],
    );
    return { value: motionOf(await motionRow(tx, meetingId, id)), changed: true };
  });
}

/**
 * What each kind needs besides a title: the people on its ballot, the posts of an election, the
 * target of a dismissal; and its rule. When the chair gives none, the meeting's settings decide:
 * `defaultRule` for a resolution, the rule of its target for a dismissal (docs/voting-rules.md).
 */
function kindFacts(body: CreateMotion, officials: string[], settings: LiveSettings) {
  switch (body.kind) {
    case 'standard':
      return { rule: body.rule ?? settings.defaultRule, posts: null, dismissalTarget: null };
    case 'confidence':
    case 'no_confidence':
      if (officials.length === 0) {
        throw badRequest(
          body.kind === 'confidence'
            ? 'Lấy phiếu tín nhiệm cần ít nhất một người được lấy phiếu.'
            : 'Bỏ phiếu tín nhiệm cần ít nhất một người được bỏ phiếu.',
          body.kind === 'confidence'
            ? 'A confidence vote needs at least one official to rate.'
            : 'A no-confidence vote needs at least one official.',
        );
      }
      // A rating and a no-confidence verdict are fixed by law (Resolution 96/2023), not by settings.
      return { rule: body.rule ?? 'majority_of_all', posts: null, dismissalTarget: null };
    case 'election': {
      const posts = body.posts ?? 1;
      if (officials.length === 0 || posts > officials.length) {
        throw badRequest(
          'Cuộc bầu cần ít nhất một ứng cử viên, và số người được bầu không quá số ứng cử viên.',
          'An election needs at least one candidate, and no more posts than candidates.',
        );
      }
      return { rule: 'majority_of_all' as const, posts, dismissalTarget: null };
    }
    case 'dismissal':
      if (officials.length !== 1 || !body.dismissalTarget) {
        throw badRequest(
          'Miễn nhiệm, bãi nhiệm cần đúng một người và cho biết là bãi nhiệm đại biểu hay miễn nhiệm chức vụ.',
          'A dismissal names exactly one person and whether a delegate is removed or an office-holder dismissed.',
        );
      }
      return {
        rule:
          body.rule ??
          dismissalRule(body.dismissalTarget, {
            delegate: settings.delegateRemovalRule,
            office: settings.officeDismissalRule,
          }),
        posts: null,
        dismissalTarget: body.dismissalTarget,
      };
  }
}

/** The counters a secret vote keeps: (official, choice); official '' for the whole ballot. */
function tallyRows(m: Pick<MotionRow, 'kind' | 'officials'>): [string, string][] {
  const per = (choices: readonly string[]) =>
    m.officials.flatMap((o) => choices.map((c): [string, string] => [o, c]));
  switch (m.kind) {
    case 'confidence':
      return per(ConfidenceChoices.options);
    case 'no_confidence':
      return per(NoConfidenceChoices.options);
    case 'election':
      return [...per(['keep']), ['', 'valid'], ['', 'blank'], ['', 'spoiled']];
    default:
      return VoteChoices.options.map((c) => ['', c]);
  }
}

/**
 * The chair's refusal when the quorum is not there, naming how many are missing (a sitting cannot
 * open, nor a vote).
 */
export function noQuorum(a: { totalMembers: number; present: number; required: number }) {
  const missing = a.required - a.present;
  return conflict(
    'no_quorum',
    `Chưa đủ số lượng đại biểu: có mặt ${a.present}/${a.totalMembers}, cần ${a.required} — còn thiếu ${missing}. ` +
      'Hãy chờ đại biểu đến hoặc điểm danh lại.',
    `No quorum: ${a.present} of ${a.totalMembers} present, ${a.required} needed — ${missing} missing. ` +
      'Wait for members to arrive or run the roll-call again.',
  );
}

/**
 * Opens a draft vote, only with the quorum present. Who may vote: the serving members of the body
 * (fixed now), each only while present when their ballot arrives (a member who arrives later may
 * vote once present).
 */
export async function openMotion(deps: LiveDeps, meetingId: string, motionId: string) {
  const meeting = await loadMeeting(deps.db, meetingId);
  if (meeting.status === 'closed') throw meetingClosed();
  const now = deps.now();
  await mutate(deps, meetingId, async (tx) => {
    // Read again in the transaction: a meeting closed meanwhile opens no vote.
    const [status] = await tx.query<{ status: string }>(
      'SELECT status FROM meetings WHERE id = $1',
      [meetingId],
    );
    if (status?.status === 'closed') throw meetingClosed();
    const m = await motionRow(tx, meetingId, motionId, true);
    if (m.status !== 'draft') {
      throw conflict(
        'vote_not_draft',
        'Biểu quyết này đã được mở.',
        'This vote was already opened.',
      );
    }
    const open = await tx.query("SELECT 1 FROM motions WHERE meeting_id = $1 AND status = 'open'", [
      meetingId,
    ]);
    if (open.length) {
      throw conflict(
        'vote_already_open',
        'Đang có một biểu quyết khác mở; hãy kết thúc nó trước.',
        'Another vote is open; close it first.',
      );
    }
    const attendance = await attendanceOf(tx, meeting, now);
    if (!attendance.quorum) throw noQuorum(attendance);
    const eligible = attendance.members.map((a) => a.memberId);
    await tx.query(
      `INSERT INTO motion_eligible (motion_id, member_id) SELECT $1, unnest($2::text[])`,
      [motionId, eligible],
    );
    if (m.secret && !(await openSecretBoard(tx, m))) {
      const rows = tallyRows(m);
      await tx.query(
        `INSERT INTO secret_tallies (motion_id, official, choice, count)
         SELECT $1, o, c, 0 FROM unnest($2::text[], $3::text[]) AS u(o, c)`,
        [motionId, rows.map((r) => r[0]), rows.map((r) => r[1])],
      );
    }
    await tx.query(
      `UPDATE motions SET status = 'open', opened_at = $2, closes_at = $3, total_members = $4,
         present_at_open = $5, eligible_count = $6 WHERE id = $1`,
      [
        motionId,
        new Date(now),
        m.duration_seconds ? new Date(now + m.duration_seconds * 1000) : null,
        attendance.totalMembers,
        attendance.present,
        eligible.length,
      ],
    );
    return { value: undefined, changed: true };
  });
}

/**
 * Closes an open vote and stores its result. The conditional UPDATE takes the motion's row lock:
 * ballots still in flight either committed before (and are counted) or find the vote closed.
 * With `auto` (the timer sweeper) a vote that is no longer open is silently left alone.
 */
export async function closeMotion(
  deps: LiveDeps,
  meetingId: string,
  motionId: string,
  opts: { auto?: boolean } = {},
): Promise<boolean> {
  const now = deps.now();
  return mutate(deps, meetingId, async (tx) => {
    const closed = await tx.query<MotionRow>(
      `UPDATE motions SET status = 'closed', closed_at = $3
        WHERE id = $1 AND meeting_id = $2 AND status = 'open' RETURNING ${MOTION_COLUMNS}`,
      [motionId, meetingId, new Date(now)],
    );
    const m = closed[0];
    if (!m) {
      if (opts.auto) return { value: false, changed: false };
      await motionRow(tx, meetingId, motionId);
      throw voteClosed();
    }
    // A new statement sees every ballot that committed while the UPDATE waited for their locks.
    const [counted] = await tx.query<{ cast_count: number }>(
      `UPDATE motions SET cast_count = (SELECT count(*) FROM open_ballots WHERE motion_id = $1)
         + (SELECT count(*) FROM motion_voters WHERE motion_id = $1) WHERE id = $1
       RETURNING cast_count`,
      [motionId],
    );
    m.cast_count = counted!.cast_count;
    // Present AT CLOSE: members present now, and every member who voted (only a present member's
    // ballot is accepted), so a result never holds more ballots than members present.
    const meeting = await loadMeeting(tx, meetingId);
    const attendance = await attendanceOf(tx, meeting, now);
    const voters = await tx.query<{ member_id: string }>(
      `SELECT member_id FROM open_ballots WHERE motion_id = $1
       UNION SELECT member_id FROM motion_voters WHERE motion_id = $1`,
      [motionId],
    );
    const present = new Set(attendance.members.filter((a) => a.present).map((a) => a.memberId));
    for (const v of voters) present.add(v.member_id);
    const base = {
      rule: m.rule,
      total: Math.max(attendance.totalMembers, m.eligible_count),
      present: present.size,
      eligible: m.eligible_count,
      quorum: meeting.live.quorum,
    };
    await tx.query('UPDATE motions SET total_members = $2 WHERE id = $1', [motionId, base.total]);
    let result;
    if (!m.secret) {
      const ballots = await tx.query<{
        member_id: string;
        full_name: string;
        choice: VoteChoice | null;
      }>(
        `SELECT e.member_id, mb.full_name, b.choice
           FROM motion_eligible e
           JOIN members mb ON mb.id = e.member_id
           LEFT JOIN open_ballots b ON b.motion_id = e.motion_id AND b.member_id = e.member_id
          WHERE e.motion_id = $1
          ORDER BY mb.full_name, e.member_id`,
        [motionId],
      );
      const count = (c: VoteChoice) => ballots.filter((b) => b.choice === c).length;
      result = resolutionResult({
        ...base,
        tally: { for: count('for'), against: count('against'), abstain: count('abstain') },
        ballots: ballots.map((b) => ({
          memberId: b.member_id,
          name: b.full_name,
          choice: b.choice,
        })),
      });
    } else if (m.encrypted) {
      // The result waits for the committee's decryption shares (postDecryptionShare).
      await closeSecretBoard(tx, motionId, base);
      return { value: true, changed: true };
    } else {
      const tallies = await tx.query<SecretCount>(
        'SELECT official, choice, count FROM secret_tallies WHERE motion_id = $1',
        [motionId],
      );
      result = secretResult(m, base, tallies);
    }
    await tx.query('UPDATE motions SET result = $2 WHERE id = $1', [
      motionId,
      JSON.stringify(result),
    ]);
    return { value: true, changed: true };
  });
}

/** A secret vote's result from its counts (decrypted totals, or the counters of a vote without a committee). */
export function secretResult(m: MotionRow, base: ResultBase, tallies: SecretCount[]) {
  const get = (official: string, choice: string) =>
    tallies.find((t) => t.official === official && t.choice === choice)?.count ?? 0;
  const tally = () => ({
    for: get('', 'for'),
    against: get('', 'against'),
    abstain: get('', 'abstain'),
  });
  switch (m.kind) {
    case 'confidence':
      // A rating, not a decision: counts and % of all per official, no verdict.
      return confidenceResult({
        ...base,
        cast: m.cast_count,
        officials: m.officials.map((official) => ({
          official,
          high: get(official, 'high'),
          confidence: get(official, 'confidence'),
          low: get(official, 'low'),
        })),
      });
    case 'no_confidence':
      return noConfidenceResult({
        ...base,
        cast: m.cast_count,
        officials: m.officials.map((official) => ({
          official,
          trust: get(official, 'trust'),
          noTrust: get(official, 'no_trust'),
        })),
      });
    case 'election':
      return electionResult({
        ...base,
        cast: m.cast_count,
        posts: m.posts ?? 1,
        candidates: m.officials.map((name) => ({ name, votes: get(name, 'keep') })),
        ballots: {
          valid: get('', 'valid'),
          blank: get('', 'blank'),
          spoiled: get('', 'spoiled'),
        },
      });
    case 'dismissal':
      return dismissalResult({
        ...base,
        tally: tally(),
        person: m.officials[0] ?? '',
        target: m.dismissal_target ?? 'office',
      });
    default:
      return resolutionResult({ ...base, tally: tally() });
  }
}

export async function showMotion(deps: LiveDeps, meetingId: string, motionId: string) {
  await mutate(deps, meetingId, async (tx) => {
    const m = await motionRow(tx, meetingId, motionId);
    if (m.status !== 'closed') {
      throw conflict(
        'vote_not_closed',
        'Chỉ công bố kết quả sau khi kết thúc biểu quyết.',
        'A result can be shown only after the vote is closed.',
      );
    }
    await tx.query('UPDATE meeting_live SET shown_result_motion_id = $2 WHERE meeting_id = $1', [
      meetingId,
      motionId,
    ]);
    return { value: undefined, changed: true };
  });
}

export interface Voter {
  memberId: string | null;
}

const notEligible = () =>
  forbidden(
    'Bạn không có quyền biểu quyết nội dung này (chỉ đại biểu đương nhiệm của cơ quan họp).',
    'You may not vote on this motion (only serving members of the meeting body).',
  );

const notPresent = () =>
  new HttpError(
    403,
    'not_present',
    'Bạn chưa được ghi nhận có mặt nên chưa thể biểu quyết. Hãy đề nghị thư ký điểm danh ' +
      '(xác nhận có mặt) cho bạn, rồi biểu quyết lại.',
    'You are not recorded as present, so you cannot vote yet. Ask the secretary to check you in, ' +
      'then vote again.',
  );

/** The columns of a motion that never change once it is created. */
type MotionFacts = Pick<
  MotionRow,
  'meeting_id' | 'kind' | 'secret' | 'allow_change' | 'officials' | 'posts'
>;

/**
 * Motion facts per database, so a ballot needs no read before its write. Only columns that never
 * change are kept, so this is correct with several server instances; the status, who may vote and
 * the ballots themselves are always read from the database, in the ballot's own statement.
 */
const factsByDb = new WeakMap<Queryable, Map<string, MotionFacts>>();
const FACTS_LIMIT = 500;

async function motionFacts(db: Queryable, meetingId: string, motionId: string) {
  let cache = factsByDb.get(db);
  if (!cache) factsByDb.set(db, (cache = new Map()));
  let facts = cache.get(motionId);
  if (!facts) {
    [facts] = await db.query<MotionFacts>(
      'SELECT meeting_id, kind, secret, allow_change, officials, posts FROM motions WHERE id = $1',
      [motionId],
    );
    if (!facts) throw motionNotFound();
    if (cache.size >= FACTS_LIMIT) cache.clear();
    cache.set(motionId, facts);
  }
  if (facts.meeting_id !== meetingId) throw motionNotFound();
  return facts;
}

/**
 * One choice per person on the ballot, checked against the motion's own list by own keys only:
 * `in` would find inherited names (an official named "constructor" would be "rated" by any ballot).
 */
function perOfficial(officials: string[], given: Record<string, string> | undefined) {
  const choices = new Map(Object.entries(given ?? {}));
  const listed = new Set(officials);
  if (
    choices.size !== listed.size ||
    ![...choices.keys()].every((k) => listed.has(k)) ||
    !officials.every((o) => choices.has(o))
  ) {
    return null;
  }
  return { officials, choices: officials.map((o) => choices.get(o)!) };
}

/** The counters (official, choice) this ballot increments; official '' for the whole ballot. */
function checkBallot(m: MotionFacts, body: CastBallot): { officials: string[]; choices: string[] } {
  switch (m.kind) {
    case 'confidence': {
      const pairs = perOfficial(m.officials, body.confidence);
      if (!pairs) {
        throw badRequest(
          'Phiếu tín nhiệm phải chọn một mức cho từng người được lấy phiếu.',
          'A confidence ballot must rate every official exactly once.',
        );
      }
      return pairs;
    }
    case 'no_confidence': {
      const pairs = perOfficial(m.officials, body.noConfidence);
      if (!pairs) {
        throw badRequest(
          'Phiếu phải chọn Tín nhiệm hoặc Không tín nhiệm cho từng người được bỏ phiếu.',
          'The ballot must choose trust or no trust for every official exactly once.',
        );
      }
      return pairs;
    }
    case 'election': {
      const candidates = new Set(m.officials);
      const keep = body.keep;
      if (!keep || new Set(keep).size !== keep.length || !keep.every((k) => candidates.has(k))) {
        throw badRequest(
          'Phiếu bầu phải giữ lại hoặc gạch tên từng ứng cử viên trong danh sách (mỗi tên một lần).',
          'An election ballot keeps or strikes the listed candidates, each at most once.',
        );
      }
      // Kept in the motion's order, so nothing of the voter's own ordering reaches the counters.
      const kept = m.officials.filter((o) => keep.includes(o));
      const kind = electionBallotKind(kept.length, m.posts ?? 1);
      if (kind === 'spoiled') return { officials: [''], choices: ['spoiled'] };
      return {
        officials: [...kept, '', ...(kind === 'blank' ? [''] : [])],
        choices: [...kept.map(() => 'keep'), 'valid', ...(kind === 'blank' ? ['blank'] : [])],
      };
    }
    default:
      if (!body.choice) {
        throw badRequest(
          'Hãy chọn Tán thành, Không tán thành hoặc Không biểu quyết.',
          'Choose for, against or abstain.',
        );
      }
      return { officials: [''], choices: [body.choice] };
  }
}

/**
 * The motion row, locked for a secret ballot's statement only if the vote is open and the member
 * may vote. The lock makes closeMotion's UPDATE wait for ballots in flight (which are then counted)
 * and makes later ballots see the vote closed. Open votes take a SHARE lock in their own statement
 * (INSERT_OPEN_BALLOTS), so their ballots do not wait for one another; secret ballots take an
 * exclusive one, because each updates every counter row of the motion and must not interleave (nor
 * deadlock) with another.
 */
const LOCKED_OPEN_MOTION_EXCLUSIVE = `
  SELECT id FROM motions
   WHERE id = $1 AND meeting_id = $2 AND status = 'open'
     AND EXISTS (SELECT 1 FROM motion_eligible e WHERE e.motion_id = $1 AND e.member_id = $3)
     AND EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = $2 AND a.member_id = $3
                   AND ${PRESENT_SQL('a')})
     FOR NO KEY UPDATE`;

/**
 * First ballots of one open vote, many members in one statement (see votes/batch.ts): the
 * lock-and-check of LOCKED_OPEN_MOTION_EXCLUSIVE, but SHARE, for the batch, then each member's
 * ballot if eligible and present at this moment (the presence check is part of the statement).
 * Returns a row for each new ballot; a member without one (a retry, a change, not eligible, the
 * vote closed) takes the one-by-one path. Rows go in member order, so two instances' batches that
 * hold the same members wait for one another instead of deadlocking.
 */
const INSERT_OPEN_BALLOTS = `
  WITH m AS (SELECT id FROM motions WHERE id = $1 AND meeting_id = $2 AND status = 'open' FOR SHARE),
  r AS (SELECT * FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamptz[])
          AS r(member_id, choice, idempotency_key, cast_at))
  INSERT INTO open_ballots (motion_id, member_id, choice, idempotency_key, cast_at)
  SELECT m.id, r.member_id, r.choice, r.idempotency_key, r.cast_at FROM m, r
   WHERE EXISTS (SELECT 1 FROM motion_eligible e WHERE e.motion_id = m.id AND e.member_id = r.member_id)
     AND EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = $2 AND a.member_id = r.member_id
                   AND ${PRESENT_SQL('a')})
   ORDER BY r.member_id
  ON CONFLICT (motion_id, member_id) DO NOTHING
  RETURNING member_id, idempotency_key, cast_at`;

interface FirstBallot {
  meetingId: string;
  memberId: string;
  choice: VoteChoice;
  key: string;
  castAt: Date;
}

const batchersByDb = new WeakMap<Queryable, Batcher<FirstBallot, Date | null>>();

/** Inserts a member's first ballot of an open vote, batched with others arriving meanwhile. */
function insertFirstBallot(db: Queryable, motionId: string, b: FirstBallot): Promise<Date | null> {
  let batcher = batchersByDb.get(db);
  if (!batcher) {
    batcher = createBatcher(async (motion, items) => {
      // Every item of a key has the same meeting: the motion belongs to one (motionFacts checked).
      const rows = await db.query<{ member_id: string; idempotency_key: string; cast_at: Date }>(
        INSERT_OPEN_BALLOTS,
        [
          motion,
          items[0]!.meetingId,
          items.map((i) => i.memberId),
          items.map((i) => i.choice),
          items.map((i) => i.key),
          items.map((i) => i.castAt.toISOString()),
        ],
      );
      const byMember = new Map(rows.map((r) => [r.member_id, r]));
      // Two requests of one member in one batch: only the one whose row went in is new.
      return items.map((i) => {
        const row = byMember.get(i.memberId);
        return row && row.idempotency_key === i.key ? new Date(row.cast_at) : null;
      });
    });
    batchersByDb.set(db, batcher);
  }
  return batcher.run(motionId, b);
}

/**
 * One statement: lock-and-check, record WHO voted, and add the choices to the counters. Every
 * counter row of the motion is written by every ballot (+1 on the chosen ones, +0 on the others),
 * so even the rows' system columns (xmin) cannot tell which counter moved.
 */
const INSERT_SECRET_BALLOT = `
  WITH m AS (${LOCKED_OPEN_MOTION_EXCLUSIVE}),
  voter AS (
    INSERT INTO motion_voters (motion_id, member_id, idempotency_key)
    SELECT id, $3, $4 FROM m
    ON CONFLICT (motion_id, member_id) DO NOTHING
    RETURNING motion_id
  ),
  counted AS (
    UPDATE secret_tallies SET count = count + CASE WHEN (official, choice) IN
      (SELECT o, c FROM unnest($5::text[], $6::text[]) AS u(o, c)) THEN 1 ELSE 0 END
     WHERE motion_id = (SELECT motion_id FROM voter)
  )
  SELECT motion_id FROM voter`;

/** Why a ballot was not inserted when the motion is not open to this member: the error to answer. */
async function refusal(db: Queryable, meetingId: string, motionId: string, memberId: string) {
  const [m] = await db.query<{
    status: MotionRow['status'];
    eligible: boolean;
    present: boolean;
  }>(
    `SELECT status, EXISTS (SELECT 1 FROM motion_eligible e
       WHERE e.motion_id = motions.id AND e.member_id = $3) AS eligible,
       EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = $2 AND a.member_id = $3
                 AND ${PRESENT_SQL('a')}) AS present
       FROM motions WHERE id = $1 AND meeting_id = $2`,
    [motionId, meetingId, memberId],
  );
  if (!m) return motionNotFound();
  if (!m.eligible) return m.status === 'draft' ? voteClosed() : notEligible();
  if (m.status !== 'open') return voteClosed();
  if (!m.present) return notPresent();
  return null;
}

const openReceipt = (motionId: string, b: { choice: VoteChoice; cast_at: Date | string }) => ({
  motionId,
  accepted: true as const,
  choice: b.choice,
  castAt: new Date(b.cast_at).toISOString(),
});

/**
 * Counts one ballot exactly once per member, whatever the retries, concurrency or instances. The
 * usual case — a member's first ballot — is one statement (INSERT_OPEN_BALLOTS, shared with the
 * ballots arriving meanwhile; INSERT_SECRET_BALLOT) and one coalesced count announcement; only a
 * refusal, a retry or a change takes further queries.
 */
export async function castBallot(
  deps: LiveDeps,
  meetingId: string,
  motionId: string,
  voter: Voter,
  body: CastBallot,
): Promise<BallotReceipt> {
  if (!voter.memberId) throw notEligible();
  const memberId = voter.memberId;
  const facts = await motionFacts(deps.db, meetingId, motionId);
  const header = facts.secret ? await boardHeader(deps.db, motionId) : null;
  if (header) return castEncryptedBallot(deps, meetingId, motionId, memberId, header, body);
  let pairs;
  try {
    pairs = checkBallot(facts, body);
  } catch (err) {
    // A closed vote or a member who may not vote is told so before any mistake in the ballot.
    throw (await refusal(deps.db, meetingId, motionId, memberId)) ?? err;
  }
  const now = new Date(deps.now());
  const key = body.idempotencyKey;

  if (facts.secret) {
    const receipt: BallotReceipt = { motionId, accepted: true, castAt: now.toISOString() };
    const inserted = await deps.db.query(INSERT_SECRET_BALLOT, [
      motionId,
      meetingId,
      memberId,
      key,
      pairs.officials,
      pairs.choices,
    ]);
    if (inserted.length) {
      deps.changed(meetingId, { soon: true });
      return receipt;
    }
    const refused = await refusal(deps.db, meetingId, motionId, memberId);
    if (refused) throw refused;
    const [prior] = await deps.db.query<{ idempotency_key: string }>(
      'SELECT idempotency_key FROM motion_voters WHERE motion_id = $1 AND member_id = $2',
      [motionId, memberId],
    );
    if (prior?.idempotency_key === key) return receipt;
    throw alreadyVoted(true);
  }

  const choice = body.choice!;
  const castAt = await insertFirstBallot(deps.db, motionId, {
    meetingId,
    memberId,
    choice,
    key,
    castAt: now,
  });
  if (castAt) {
    deps.changed(meetingId, { soon: true });
    return openReceipt(motionId, { choice, cast_at: castAt });
  }
  const refused = await refusal(deps.db, meetingId, motionId, memberId);
  if (refused) throw refused;
  // The member has a ballot: this is a retry (same key now or earlier) or a change.
  return deps.db.transaction(async (tx) => {
    const open = await tx.query(
      "SELECT 1 FROM motions WHERE id = $1 AND status = 'open' FOR SHARE",
      [motionId],
    );
    if (!open.length) throw voteClosed();
    const [current] = await tx.query<{
      choice: VoteChoice;
      idempotency_key: string;
      cast_at: Date;
    }>(
      `SELECT choice, idempotency_key, cast_at FROM open_ballots
        WHERE motion_id = $1 AND member_id = $2 FOR UPDATE`,
      [motionId, memberId],
    );
    if (!current) throw voteClosed();
    if (current.idempotency_key === key) return openReceipt(motionId, current);
    // A late retry of a request that a later change replaced: answer what it did, change nothing.
    const [replaced] = await tx.query<{ choice: VoteChoice; cast_at: Date }>(
      `SELECT choice, cast_at FROM open_ballot_history
        WHERE motion_id = $1 AND member_id = $2 AND idempotency_key = $3`,
      [motionId, memberId, key],
    );
    if (replaced) return openReceipt(motionId, replaced);
    if (!facts.allow_change) throw alreadyVoted(false);
    await tx.query(
      `INSERT INTO open_ballot_history
         (motion_id, member_id, idempotency_key, choice, cast_at, replaced_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [motionId, memberId, current.idempotency_key, current.choice, current.cast_at, now],
    );
    await tx.query(
      `UPDATE open_ballots SET choice = $3, idempotency_key = $4, cast_at = $5
        WHERE motion_id = $1 AND member_id = $2`,
      [motionId, memberId, choice, key, now],
    );
    // Nothing in the meeting state changes (the count stays), so nothing is announced.
    return openReceipt(motionId, { choice, cast_at: now });
  });
}

/**
 * An encrypted secret ballot: its proofs checked for this voter before any lock (CPU work), then
 * appended to the board in one transaction with the record of who voted (secret-board.ts). A
 * resend with the same key answers the stored receipt; another ballot is refused.
 */
async function castEncryptedBallot(
  deps: LiveDeps,
  meetingId: string,
  motionId: string,
  memberId: string,
  header: NonNullable<Awaited<ReturnType<typeof boardHeader>>>,
  body: CastBallot,
): Promise<BallotReceipt> {
  const refuse = async (err: unknown) => {
    throw (await refusal(deps.db, meetingId, motionId, memberId)) ?? err;
  };
  if (!body.encrypted) {
    await refuse(
      badRequest(
        'Phiếu kín này phải được mã hóa trong trình duyệt trước khi gửi. Hãy tải lại trang rồi bỏ phiếu lại.',
        'This secret ballot must be encrypted in the browser before it is sent. Reload the page and vote again.',
      ),
    );
  }
  const ballot = body.encrypted!;
  try {
    checkEncryptedBallot(header, memberId, ballot);
  } catch (err) {
    await refuse(err);
  }
  const now = new Date(deps.now());
  const out = await appendEncryptedBallot(
    deps.db,
    LOCKED_OPEN_MOTION_EXCLUSIVE,
    { motionId, meetingId, memberId, key: body.idempotencyKey, ballot },
    now,
  );
  if (out && 'receipt' in out) {
    deps.changed(meetingId, { soon: true });
    return out.receipt;
  }
  if (out && out.existing.key === body.idempotencyKey) {
    return { motionId, accepted: true, castAt: now.toISOString(), receipt: out.existing.receipt };
  }
  if (out) throw alreadyVoted(true);
  const refused = await refusal(deps.db, meetingId, motionId, memberId);
  if (refused) throw refused;
  // Not open to this member a moment ago but now (a race with a check-in): they may send again.
  throw voteClosed();
}

/** A committee member's decryption share of a closed encrypted vote (the result at t shares). */
export async function decryptionShare(
  deps: LiveDeps,
  meetingId: string,
  motionId: string,
  voter: Voter,
  share: DecryptionShareJson,
) {
  await motionRow(deps.db, meetingId, motionId);
  return postDecryptionShare(deps, meetingId, motionId, voter.memberId, share, secretResult, (tx) =>
    motionRow(tx, meetingId, motionId),
  );
}

const alreadyVoted = (secret: boolean) =>
  conflict(
    'already_voted',
    secret
      ? 'Bạn đã bỏ phiếu kín cho nội dung này; phiếu kín không thể thay đổi.'
      : 'Bạn đã biểu quyết nội dung này; biểu quyết này không cho phép thay đổi.',
    secret
      ? 'You have already cast this secret ballot; secret ballots cannot be changed.'
      : 'You have already voted on this motion; this vote does not allow changes.',
  );

export async function myBallot(
  deps: LiveDeps,
  meetingId: string,
  motionId: string,
  voter: Voter,
): Promise<MyBallot> {
  const m = await motionRow(deps.db, meetingId, motionId);
  if (!voter.memberId) return { voted: false, choice: null };
  if (m.secret) {
    const rows = await deps.db.query<{ receipt: string | null }>(
      `SELECT (SELECT receipt FROM secret_ballots b WHERE b.motion_id = v.motion_id
                 AND b.voter_id = v.member_id) AS receipt
         FROM motion_voters v WHERE v.motion_id = $1 AND v.member_id = $2`,
      [motionId, voter.memberId],
    );
    const receipt = rows[0]?.receipt;
    return { voted: rows.length > 0, choice: null, ...(receipt ? { receipt } : {}) };
  }
  const rows = await deps.db.query<{ choice: VoteChoice }>(
    'SELECT choice FROM open_ballots WHERE motion_id = $1 AND member_id = $2',
    [motionId, voter.memberId],
  );
  return { voted: rows.length > 0, choice: rows[0]?.choice ?? null };
}

/** Closes every vote whose time limit has passed (safe with several instances: see closeMotion). */
/** Closes every vote still open in a meeting, each with its result (the meeting is closing). */
export async function closeOpenMotions(deps: LiveDeps, meetingId: string): Promise<void> {
  const open = await deps.db.query<{ id: string }>(
    "SELECT id FROM motions WHERE meeting_id = $1 AND status = 'open'",
    [meetingId],
  );
  for (const m of open) await closeMotion(deps, meetingId, m.id, { auto: true });
}

export async function sweepMotions(deps: LiveDeps): Promise<number> {
  const due = await deps.db.query<{ id: string; meeting_id: string }>(
    "SELECT id, meeting_id FROM motions WHERE status = 'open' AND closes_at <= $1",
    [new Date(deps.now())],
  );
  let closed = 0;
  for (const d of due) if (await closeMotion(deps, d.meeting_id, d.id, { auto: true })) closed++;
  return closed;
}
