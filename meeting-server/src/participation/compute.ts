// The participation record computed from the facts the server already keeps, with no database:
// `service.ts` loads the rows of a period, this turns them into each delegate's figures and
// sittings. Pure, so every rule (serving on the day, late, left early, excused, a secret vote's
// participation without its choice) has its own unit test (compute.test.ts).
import {
  EARLY_BEFORE_MINUTES,
  LATE_AFTER_MINUTES,
  type ParticipationSummary,
  type SittingAttendance,
  type SittingParticipation,
} from '../../../shared/participation';
import { vietnamToday } from '../../../shared/serving';

export interface FactMember {
  id: string;
  name: string;
  delegateGroup: string | null;
  /** The day the term ended (YYYY-MM-DD), if it did. */
  termEndedOn: string | null;
  committees: string[];
}

export interface FactSitting {
  id: string;
  title: string;
  kind: SittingParticipation['kind'];
  startsAt: number;
  openedAt: number | null;
  closedAt: number | null;
  /** The members of the meeting's body: the delegates called to it. */
  bodyMemberIds: ReadonlySet<string>;
}

export type AttendanceEventKind = 'joined' | 'left' | 'checked_in' | 'checked_out' | 'roll_call';

export interface ParticipationFacts {
  members: FactMember[];
  sittings: FactSitting[];
  events: { meetingId: string; memberId: string; event: AttendanceEventKind; at: number }[];
  /** Approved leave requests. */
  leave: { meetingId: string; memberId: string }[];
  /** Floor log entries of members. */
  floor: {
    meetingId: string;
    memberId: string;
    kind: string | null;
    startedAt: number;
    endedAt: number | null;
  }[];
  /** Closed votes of the sittings, with who could vote. */
  motions: { id: string; meetingId: string; title: string; secret: boolean; eligible: string[] }[];
  /** A named vote's ballot (its choice); a secret vote's voter (no choice exists). */
  ballots: { motionId: string; memberId: string; choice: 'for' | 'against' | 'abstain' | null }[];
  voterMeetings: { id: string; title: string; startsAt: number }[];
  /** Petitions sent in the voter meetings, by their status. */
  petitions: { meetingId: string; status: 'received' | 'forwarded' | 'answered' }[];
}

export interface MemberParticipation {
  summary: ParticipationSummary;
  sittings: SittingParticipation[];
  voterMeetings: { title: string; startsAt: string }[];
}

const ARRIVALS: ReadonlySet<AttendanceEventKind> = new Set(['joined', 'checked_in', 'roll_call']);
const iso = (ms: number) => new Date(ms).toISOString();

/** A delegate is called to a sitting of their body held while they were serving. */
export const isCalled = (m: FactMember, s: FactSitting): boolean =>
  s.bodyMemberIds.has(m.id) && (!m.termEndedOn || m.termEndedOn > vietnamToday(s.startsAt));

/**
 * How one delegate attended one sitting, from their attendance events (sorted by time) and
 * whether their leave was approved. Present = online or in the hall; an approved leave excuses
 * only an absence. Late: the first arrival more than LATE_AFTER_MINUTES after the opening (or,
 * before opening times were kept, the scheduled start). Left early: present at some point before
 * EARLY_BEFORE_MINUTES ahead of the close but neither online nor in the hall from then on.
 */
export function sittingAttendance(
  s: Pick<FactSitting, 'startsAt' | 'openedAt' | 'closedAt'>,
  events: { event: AttendanceEventKind; at: number }[],
  approvedLeave: boolean,
): { attendance: SittingAttendance; arrivedAt: number | null; late: boolean; leftEarly: boolean } {
  const arrivals = events.filter((e) => ARRIVALS.has(e.event));
  if (arrivals.length === 0) {
    return {
      attendance: approvedLeave ? 'excused' : 'absent',
      arrivedAt: null,
      late: false,
      leftEarly: false,
    };
  }
  const arrivedAt = Math.min(...arrivals.map((e) => e.at));
  const hall = events.some((e) => e.event === 'checked_in');
  const late = arrivedAt > (s.openedAt ?? s.startsAt) + LATE_AFTER_MINUTES * 60_000;
  let leftEarly = false;
  if (s.closedAt !== null) {
    const cutoff = s.closedAt - EARLY_BEFORE_MINUTES * 60_000;
    let online = false;
    let inHall = false;
    let tracked = false;
    for (const e of events) {
      if (e.at > cutoff) break;
      if (e.event === 'joined') online = tracked = true;
      else if (e.event === 'left') online = false;
      else if (e.event === 'checked_in') inHall = tracked = true;
      else if (e.event === 'checked_out') inHall = false;
    }
    // Someone known only by a roll-call confirmation has no recorded departure: not counted.
    leftEarly = tracked && !online && !inHall;
  }
  return { attendance: hall ? 'hall' : 'online', arrivedAt, late, leftEarly };
}

const SPEECH_KINDS = new Set(['speak', 'question', 'order']);
const speechKind = (k: string | null): 'speak' | 'question' | 'order' =>
  k && SPEECH_KINDS.has(k) ? (k as 'speak' | 'question' | 'order') : 'speak';

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Every delegate's record for the facts' period, in the order of `facts.members`. */
export function computeParticipation(facts: ParticipationFacts): MemberParticipation[] {
  const pair = (meetingId: string, memberId: string) => `${meetingId}\u0000${memberId}`;
  const events = groupBy(
    [...facts.events].sort((a, b) => a.at - b.at),
    (e) => pair(e.meetingId, e.memberId),
  );
  const leave = new Set(facts.leave.map((l) => pair(l.meetingId, l.memberId)));
  const floor = groupBy(
    [...facts.floor].sort((a, b) => a.startedAt - b.startedAt),
    (f) => pair(f.meetingId, f.memberId),
  );
  const motions = groupBy(facts.motions, (m) => m.meetingId);
  const ballots = new Map(facts.ballots.map((b) => [pair(b.motionId, b.memberId), b]));
  const petitions = groupBy(facts.petitions, (p) => p.meetingId);
  const sittings = [...facts.sittings].sort((a, b) => a.startsAt - b.startsAt);
  const voterMeetings = [...facts.voterMeetings].sort((a, b) => a.startsAt - b.startsAt);

  return facts.members.map((m) => {
    const summary: ParticipationSummary = {
      memberId: m.id,
      name: m.name,
      delegateGroup: m.delegateGroup,
      committees: m.committees,
      sittings: { called: 0, hall: 0, online: 0, late: 0, leftEarly: 0, excused: 0, absent: 0 },
      speeches: { speak: 0, question: 0, order: 0, seconds: 0 },
      votes: { eligible: 0, tookPart: 0, secret: 0, for: 0, against: 0, abstain: 0 },
      voterMeetings: 0,
      petitions: { received: 0, forwarded: 0, answered: 0 },
    };
    const mySittings: SittingParticipation[] = [];
    for (const s of sittings) {
      if (!isCalled(m, s)) continue;
      const key = pair(s.id, m.id);
      const a = sittingAttendance(s, events.get(key) ?? [], leave.has(key));
      summary.sittings.called += 1;
      summary.sittings[a.attendance] += 1;
      if (a.late) summary.sittings.late += 1;
      if (a.leftEarly) summary.sittings.leftEarly += 1;

      const speeches = (floor.get(key) ?? []).map((f) => ({
        kind: speechKind(f.kind),
        startedAt: iso(f.startedAt),
        seconds: Math.max(0, Math.round(((f.endedAt ?? f.startedAt) - f.startedAt) / 1000)),
      }));
      for (const sp of speeches) {
        summary.speeches[sp.kind] += 1;
        summary.speeches.seconds += sp.seconds;
      }

      const votes = (motions.get(s.id) ?? [])
        .filter((mo) => mo.eligible.includes(m.id))
        .map((mo) => {
          const ballot = ballots.get(pair(mo.id, m.id));
          // A secret vote keeps no choice; even if one were passed in, it is never shown.
          const choice = !mo.secret && ballot ? ballot.choice : null;
          return { title: mo.title, secret: mo.secret, tookPart: !!ballot, choice };
        });
      for (const v of votes) {
        summary.votes.eligible += 1;
        if (!v.tookPart) continue;
        summary.votes.tookPart += 1;
        if (v.secret) summary.votes.secret += 1;
        else if (v.choice) summary.votes[v.choice] += 1;
      }

      mySittings.push({
        meetingId: s.id,
        title: s.title,
        kind: s.kind,
        startsAt: iso(s.startsAt),
        attendance: a.attendance,
        arrivedAt: a.arrivedAt === null ? null : iso(a.arrivedAt),
        late: a.late,
        leftEarly: a.leftEarly,
        speeches,
        votes,
      });
    }

    const attendedVoter = voterMeetings.filter((v) =>
      (events.get(pair(v.id, m.id)) ?? []).some((e) => ARRIVALS.has(e.event)),
    );
    summary.voterMeetings = attendedVoter.length;
    for (const v of attendedVoter) {
      for (const p of petitions.get(v.id) ?? []) summary.petitions[p.status] += 1;
    }

    return {
      summary,
      sittings: mySittings,
      voterMeetings: attendedVoter.map((v) => ({ title: v.title, startsAt: iso(v.startsAt) })),
    };
  });
}
