// Live meeting contracts: the state every client renders (speaker queue, floor, motions and
// results, attendance and quorum, roll-call) and the bodies of in-meeting actions. The server is
// the authority: it writes each change to the database, bumps `version`, and tells clients over a
// LiveKit data message (topic `state`); clients fetch `GET /api/meetings/:id/state` on join, after
// reconnecting, and whenever a message announces a newer version than the one they hold.
import { BallotSchema } from './ballot-crypto/board';
import { MeetingKind, MeetingStatus, Role } from './domain';
import { z } from './zod';

/** Why a hand is raised: to speak (phát biểu), to question an official (chất vấn), a point of order. */
export const HandKind = z.enum(['speak', 'question', 'order']);
export type HandKind = z.infer<typeof HandKind>;

export const handKindLabel: Record<HandKind, { vi: string; en: string }> = {
  speak: { vi: 'Phát biểu', en: 'Speak' },
  question: { vi: 'Chất vấn', en: 'Question an official' },
  order: { vi: 'Kiến nghị về thủ tục', en: 'Point of order' },
};

export const QueueEntry = z.object({
  id: z.string(),
  identity: z.string(),
  name: z.string(),
  role: Role,
  kind: HandKind,
  raisedAt: z.string(),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

/** Who has the floor now, and until when (the speaking timer). */
export const Floor = z.object({
  identity: z.string(),
  name: z.string(),
  role: Role,
  kind: HandKind,
  startedAt: z.string(),
  endsAt: z.string(),
});
export type Floor = z.infer<typeof Floor>;

/**
 * Who controls the members' microphones: the chair (only the speaker's microphone is live, or
 * everyone's while the chair has opened free discussion) or nobody (members unmute themselves).
 */
export const MicrophoneControl = z.enum(['chair', 'free']);
export type MicrophoneControl = z.infer<typeof MicrophoneControl>;

/** Who controls a meeting's microphones: its setting, else the chair in sittings and committees. */
export function microphoneControl(
  kind: MeetingKind,
  setting: MicrophoneControl | undefined,
): MicrophoneControl {
  return setting ?? (kind === 'session' || kind === 'committee' ? 'chair' : 'free');
}

/** The microphones as the state tells every client (absent from servers older than migration 022). */
export const Microphones = z.object({
  control: MicrophoneControl,
  /** The chair has opened free discussion: every member's microphone may be live. */
  freeDiscussion: z.boolean(),
});
export type Microphones = z.infer<typeof Microphones>;

/** The chair opens or closes free discussion. */
export const SetFreeDiscussion = z.object({ open: z.boolean() });
export type SetFreeDiscussion = z.infer<typeof SetFreeDiscussion>;

/** The chair mutes one participant's microphone, or every microphone but the chair's (no identity). */
export const MuteMicrophones = z.object({ identity: z.string().min(1).max(200).optional() });
export type MuteMicrophones = z.infer<typeof MuteMicrophones>;

/** Ballot choices: Tán thành / Không tán thành / Không biểu quyết. */
export const VoteChoice = z.enum(['for', 'against', 'abstain']);
export type VoteChoice = z.infer<typeof VoteChoice>;
export const voteChoiceLabel: Record<VoteChoice, { vi: string; en: string }> = {
  for: { vi: 'Tán thành', en: 'In favour' },
  against: { vi: 'Không tán thành', en: 'Against' },
  abstain: { vi: 'Không biểu quyết', en: 'Abstain' },
};

/** Confidence vote choices (lấy phiếu tín nhiệm), one per official; always secret. */
export const ConfidenceChoice = z.enum(['high', 'confidence', 'low']);
export type ConfidenceChoice = z.infer<typeof ConfidenceChoice>;
export const confidenceChoiceLabel: Record<ConfidenceChoice, { vi: string; en: string }> = {
  high: { vi: 'Tín nhiệm cao', en: 'High confidence' },
  confidence: { vi: 'Tín nhiệm', en: 'Confidence' },
  low: { vi: 'Tín nhiệm thấp', en: 'Low confidence' },
};

/**
 * Pass rules. The default, from the Law on Organization of Local Government: more than half of
 * ALL members of the body. Dismissals: at least two thirds of all members.
 */
export const PassRule = z.enum([
  'majority_of_all',
  'two_thirds_of_all',
  'majority_of_present',
  'majority_of_cast',
]);
export type PassRule = z.infer<typeof PassRule>;
/** The law's words: "quá nửa tổng số đại biểu Hội đồng nhân dân" (members of the body are đại biểu). */
export const passRuleLabel: Record<PassRule, { vi: string; en: string }> = {
  majority_of_all: { vi: 'Quá nửa tổng số đại biểu', en: 'More than half of all members' },
  two_thirds_of_all: {
    vi: 'Ít nhất hai phần ba tổng số đại biểu',
    en: 'At least two thirds of all members',
  },
  majority_of_present: {
    vi: 'Quá nửa số đại biểu có mặt',
    en: 'More than half of those present',
  },
  majority_of_cast: { vi: 'Quá nửa số phiếu đã bỏ', en: 'More than half of the votes cast' },
};

/** No-confidence vote choices (bỏ phiếu tín nhiệm), one per official; always secret. */
export const NoConfidenceChoice = z.enum(['trust', 'no_trust']);
export type NoConfidenceChoice = z.infer<typeof NoConfidenceChoice>;
export const noConfidenceChoiceLabel: Record<NoConfidenceChoice, { vi: string; en: string }> = {
  trust: { vi: 'Tín nhiệm', en: 'Trust' },
  no_trust: { vi: 'Không tín nhiệm', en: 'No trust' },
};

/** Dismissal (miễn nhiệm, bãi nhiệm): removing a delegate, or dismissing an office-holder. */
export const DismissalTarget = z.enum(['delegate', 'office']);
export type DismissalTarget = z.infer<typeof DismissalTarget>;
export const dismissalTargetLabel: Record<DismissalTarget, { vi: string; en: string }> = {
  delegate: { vi: 'Bãi nhiệm đại biểu', en: 'Removal of a delegate' },
  office: { vi: 'Miễn nhiệm người giữ chức vụ', en: 'Dismissal of an office-holder' },
};

/**
 * Kinds of vote: a resolution or motion (standard), a confidence rating, an election of
 * candidates to N posts, a dismissal or removal, a no-confidence vote. All but standard are secret.
 */
export const MotionKind = z.enum([
  'standard',
  'confidence',
  'election',
  'dismissal',
  'no_confidence',
]);
export type MotionKind = z.infer<typeof MotionKind>;
export const MotionStatus = z.enum(['draft', 'open', 'closed']);
export type MotionStatus = z.infer<typeof MotionStatus>;

/** What a result is: a resolution's or dismissal's verdict, per-official ratings, an election. */
export const ResultKind = z.enum([
  'resolution',
  'confidence',
  'no_confidence',
  'election',
  'dismissal',
]);
export type ResultKind = z.infer<typeof ResultKind>;

/**
 * A closed vote's result, computed by `shared/vote-rules.ts` from (rule, total, present, ballots)
 * and carrying every number it used. Fields added after the first results were stored default
 * to "not recorded" (null) so an old result still reads.
 */
export const MotionResult = z.object({
  kind: ResultKind.default('resolution'),
  rule: PassRule,
  /** Serving delegates of the body on the day of the vote: the denominator of "of all" rules. */
  totalMembers: z.number().int(),
  /** Members who could vote (serving members of the body when it opened). */
  eligible: z.number().int(),
  /** Members present at close (and every member who voted while present). */
  present: z.number().int(),
  /** Members needed for the quorum, and whether it held when the vote closed. */
  quorumRequired: z.number().int().nullable().default(null),
  quorumHeld: z.boolean().nullable().default(null),
  counts: z.object({
    for: z.number().int(),
    against: z.number().int(),
    abstain: z.number().int(),
    /** Eligible members who cast no ballot. */
    notVoted: z.number().int(),
  }),
  /** Percentages of ALL serving delegates, one decimal. */
  percentOfAll: z.object({
    for: z.number(),
    against: z.number(),
    abstain: z.number(),
    notVoted: z.number(),
  }),
  /** What the rule counts from: all delegates, those present, or votes cast (for + against). */
  basis: z
    .object({ of: z.enum(['all', 'present', 'cast']), count: z.number().int() })
    .nullable()
    .default(null),
  /** Votes needed under the rule (in favour; no trust for a no-confidence vote); null: no rule. */
  required: z.number().int().nullable(),
  /** The rule's threshold was reached (null: the kind has no verdict). */
  ruleMet: z.boolean().nullable().default(null),
  /** Passed = rule met and quorum held at close. Null for ratings (confidence), which pass nothing. */
  passed: z.boolean().nullable(),
  /** Open votes only: each eligible member's choice (null = did not vote). Never for secret votes. */
  ballots: z
    .array(z.object({ memberId: z.string(), name: z.string(), choice: VoteChoice.nullable() }))
    .optional(),
  /** Confidence ratings: counts and % of all delegates per official, with the 96/2023 flag. */
  confidence: z
    .array(
      z.object({
        official: z.string(),
        high: z.number().int(),
        confidence: z.number().int(),
        low: z.number().int(),
        percentOfAll: z
          .object({ high: z.number(), confidence: z.number(), low: z.number() })
          .optional(),
        /** Low by more than half (may resign) or by two thirds or more (no-confidence vote due). */
        flag: z.enum(['none', 'may_resign', 'no_confidence_vote']).optional(),
      }),
    )
    .optional(),
  /** No-confidence votes: per official; not trusted when more than half of all vote no trust. */
  noConfidence: z
    .array(
      z.object({
        official: z.string(),
        trust: z.number().int(),
        noTrust: z.number().int(),
        percentOfAll: z.object({ trust: z.number(), noTrust: z.number() }),
        notTrusted: z.boolean(),
      }),
    )
    .optional(),
  /** Dismissals: whom the vote removes, and from what. */
  dismissal: z.object({ person: z.string(), target: DismissalTarget }).optional(),
  /**
   * Elections: the ballots (valid includes blank; spoiled kept more candidates than posts), each
   * candidate's votes (ballots keeping them) and % of all, who is elected (more than half of all
   * delegates, the most votes first), and a tie at the last post left for a new round.
   */
  election: z
    .object({
      posts: z.number().int(),
      /** Votes a candidate needs: more than half of all serving delegates. */
      required: z.number().int(),
      ballots: z.object({
        cast: z.number().int(),
        valid: z.number().int(),
        blank: z.number().int(),
        spoiled: z.number().int(),
      }),
      candidates: z.array(
        z.object({
          name: z.string(),
          votes: z.number().int(),
          percentOfAll: z.number(),
          /** Reached more than half of all delegates. */
          reached: z.boolean(),
          elected: z.boolean(),
        }),
      ),
      /** Posts filled by this round. */
      elected: z.number().int(),
      /** A tie at the last post: these candidates, for this many posts, go to a new round. */
      newRound: z.object({ posts: z.number().int(), candidates: z.array(z.string()) }).nullable(),
    })
    .optional(),
});
export type MotionResult = z.infer<typeof MotionResult>;

export const Motion = z.object({
  id: z.string(),
  agendaItemId: z.string().nullable(),
  title: z.string(),
  text: z.string(),
  kind: MotionKind,
  secret: z.boolean(),
  rule: PassRule,
  /** May a member change the ballot until the vote closes. */
  allowChange: z.boolean(),
  /**
   * Kept for older clients: presence is now always required (a member votes only while present,
   * docs/voting-rules.md); the flag no longer changes who may vote.
   */
  presentOnly: z.boolean(),
  /**
   * The people on the ballot: the officials rated (confidence, no confidence), the candidates
   * (election), the one person dismissed or removed (dismissal).
   */
  officials: z.array(z.string()),
  /** Elections: the number of posts to fill (null for other kinds). */
  posts: z.number().int().nullable().default(null),
  /** Dismissals: removal of a delegate or dismissal of an office-holder (null for other kinds). */
  dismissalTarget: DismissalTarget.nullable().default(null),
  status: MotionStatus,
  openedAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  eligibleCount: z.number().int(),
  /** How many have voted: shown live, also for secret votes (never the running choices). */
  castCount: z.number().int(),
  /**
   * A secret vote whose ballots are encrypted in the delegate's browser under the counting
   * committee's key (docs/secret-ballot.md): closed, it has no result until the committee's
   * decryption shares arrive.
   */
  encrypted: z.boolean().default(false),
  /** Present once closed (for an encrypted vote: once the committee has decrypted the totals). */
  result: MotionResult.nullable(),
});
export type Motion = z.infer<typeof Motion>;

export const AttendanceEntry = z.object({
  memberId: z.string(),
  name: z.string(),
  present: z.boolean(),
  /**
   * hall = checked in by staff in the meeting hall; online = in the LiveKit room; roll_call =
   * confirmed in the current roll-call (until checked out or leaving the room).
   */
  via: z.enum(['online', 'hall', 'roll_call']).nullable(),
  since: z.string().nullable(),
  /** Absent with an approved leave request: "vắng có lý do" (still counted in the total). */
  excused: z.boolean().default(false),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;

export const Attendance = z.object({
  /** Serving delegates of the body today (term not ended): the total every rule counts from. */
  totalMembers: z.number().int(),
  present: z.number().int(),
  /** Absent with approved leave ("vắng có lý do"); not present, still in the total. */
  excused: z.number().int().default(0),
  /** Needed for quorum: by default at least two thirds of ALL members of the body. */
  required: z.number().int(),
  quorum: z.boolean(),
  members: z.array(AttendanceEntry),
});
export type Attendance = z.infer<typeof Attendance>;

export const RollCall = z.object({
  open: z.boolean(),
  startedAt: z.string().nullable(),
  confirmedMemberIds: z.array(z.string()),
});
export type RollCall = z.infer<typeof RollCall>;

export const MeetingState = z.object({
  version: z.number().int(),
  meeting: z.object({
    id: z.string(),
    title: z.string(),
    kind: MeetingKind,
    status: MeetingStatus,
    councilName: z.string(),
    startsAt: z.string(),
    /** The rules this meeting applies when the chair gives none (its settings; docs/voting-rules.md). */
    rules: z
      .object({
        defaultRule: PassRule,
        delegateRemovalRule: PassRule,
        officeDismissalRule: PassRule,
      })
      .optional(),
  }),
  agenda: z.array(z.object({ id: z.string(), position: z.number().int(), title: z.string() })),
  currentAgendaItemId: z.string().nullable(),
  queue: z.array(QueueEntry),
  floor: Floor.nullable(),
  microphones: Microphones.optional(),
  motions: z.array(Motion),
  /** The motion whose result the chair is showing to everyone (hall display, all clients). */
  shownResultMotionId: z.string().nullable(),
  attendance: Attendance,
  rollCall: RollCall,
});
export type MeetingState = z.infer<typeof MeetingState>;

/**
 * What changed since version `base`: the top-level parts of the state that differ, and the motions
 * that are new or changed (by id). A client holding exactly `base` applies them; any other client
 * fetches the state. Keeps announcements small (a raised hand carries the queue, not the roll).
 */
export const StateChanges = z.object({
  base: z.number().int(),
  set: MeetingState.omit({ version: true, motions: true }).partial(),
  motions: z.array(Motion).optional(),
});
export type StateChanges = z.infer<typeof StateChanges>;

/** The LiveKit data message the server sends on topic `state` after every change. */
export const StateMessage = z.object({
  version: z.number().int(),
  /** The full state when the server has announced nothing before and it fits in one message. */
  state: MeetingState.optional(),
  /** The changes since the server's previous announcement, when they fit in one message. */
  changes: StateChanges.optional(),
});
export type StateMessage = z.infer<typeof StateMessage>;
export const STATE_TOPIC = 'state';

// ---- Action bodies (all under /api/meetings/:meetingId, Bearer participant session) ----

export const RaiseHand = z.object({ kind: HandKind });
export const ReorderQueue = z.object({ entryIds: z.array(z.string()).max(1000) });
export const GiveFloor = z.object({
  entryId: z.string(),
  seconds: z.number().int().min(10).max(3600).optional(),
});
export const ExtendFloor = z.object({ seconds: z.number().int().min(10).max(3600) });
export const SetMeetingStatus = z.object({ status: MeetingStatus });
export const SetCurrentAgendaItem = z.object({ agendaItemId: z.string().nullable() });

export const CreateMotion = z.object({
  agendaItemId: z.string().nullable(),
  title: z.string().trim().min(1).max(300),
  text: z.string().max(20_000).default(''),
  kind: MotionKind.default('standard'),
  secret: z.boolean().default(false),
  /**
   * When absent, the meeting's settings decide: `defaultRule` (by default more than half of all
   * members); for a dismissal, the rule of its target (by default two thirds of all to remove a
   * delegate, more than half to dismiss an office-holder).
   */
  rule: PassRule.optional(),
  allowChange: z.boolean().default(true),
  presentOnly: z.boolean().default(false),
  /** The people on the ballot (see Motion.officials): officials, candidates or the one dismissed. */
  officials: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
  /** Elections: how many posts to fill (at least 1, at most the number of candidates). */
  posts: z.number().int().min(1).max(50).optional(),
  /** Dismissals: whom the vote removes. */
  dismissalTarget: DismissalTarget.optional(),
  /** Optional time limit in seconds once opened. */
  durationSeconds: z.number().int().min(10).max(7200).optional(),
});
export type CreateMotion = z.infer<typeof CreateMotion>;

export const CastBallot = z.object({
  /** Standard motions. */
  choice: VoteChoice.optional(),
  /** Confidence votes: one choice per official, by official name. */
  confidence: z.record(z.string(), ConfidenceChoice).optional(),
  /** No-confidence votes: tín nhiệm or không tín nhiệm per official, by official name. */
  noConfidence: z.record(z.string(), NoConfidenceChoice).optional(),
  /**
   * Elections: the candidates kept (every other candidate is struck). Keeping none is a blank
   * ballot; keeping more than the posts spoils the ballot (both are counted and reported).
   */
  keep: z.array(z.string().max(120)).max(50).optional(),
  /**
   * Encrypted secret votes (Motion.encrypted): the ballot as ciphertexts with their proofs, made in
   * the browser (shared/meeting-client.ts); no choice is sent in the clear.
   */
  encrypted: BallotSchema.optional(),
  /** Client-generated; the same key sent again is the same ballot (retries are safe). */
  idempotencyKey: z.string().min(8).max(100),
});
export type CastBallot = z.infer<typeof CastBallot>;

export const BallotReceipt = z.object({
  motionId: z.string(),
  accepted: z.literal(true),
  /** Open votes: the choice as recorded. Secret votes: omitted (the server cannot tell). */
  choice: VoteChoice.optional(),
  castAt: z.string(),
  /** Encrypted votes: the ballot's receipt (SHA-256), to find on the public board. */
  receipt: z.string().optional(),
});
export type BallotReceipt = z.infer<typeof BallotReceipt>;

/** GET …/motions/:motionId/my-ballot — open votes echo the choice; secret ones only whether you voted. */
export const MyBallot = z.object({
  voted: z.boolean(),
  choice: VoteChoice.nullable(),
  /** Encrypted votes: the receipt of one's ballot on the board. */
  receipt: z.string().nullable().optional(),
});
export type MyBallot = z.infer<typeof MyBallot>;

export const CheckIn = z.object({ memberId: z.string(), present: z.boolean() });
