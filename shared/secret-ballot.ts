// A secret vote as an encrypted ballot (issue #17, docs/secret-ballot.md): the questions of each
// kind of motion, a delegate's choices as the marks the browser encrypts, and the decrypted totals
// back as the (official, choice) counts shared/vote-rules.ts turns into a result. Pure; used by the
// server (board header, result) and by both clients (meeting-client.ts encrypts the ballot).
import {
  BallotRuleError,
  BoardSchema,
  DealerCommitmentSchema,
  DecryptionShareSchema,
  EncryptedShareSchema,
  confidenceRating,
  election,
  singleChoice,
  type QuestionSpec,
} from './ballot-crypto';
import { BoardHeaderSchema } from './ballot-crypto/board';
import { z } from './zod';
import {
  ConfidenceChoice,
  NoConfidenceChoice,
  VoteChoice,
  type CastBallot,
  type Motion,
} from './meeting';

type BallotShape = Pick<Motion, 'kind' | 'officials' | 'posts'>;

/** The questions on the ballot of a secret motion, in the order of the motion's own lists. */
export function ballotQuestions(m: BallotShape): QuestionSpec[] {
  switch (m.kind) {
    case 'confidence':
      return confidenceRating(m.officials.length);
    case 'no_confidence':
      return m.officials.map(() => singleChoice(NoConfidenceChoice.options.length));
    case 'election':
      return [election(m.officials.length, m.posts ?? 1)];
    default:
      return [singleChoice(VoteChoice.options.length)];
  }
}

/** Refused before anything is sent: the ballot is not one the rules allow (said in Vietnamese). */
export class BallotChoiceError extends BallotRuleError {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function perOfficial<C extends string>(
  officials: readonly string[],
  given: Record<string, C> | undefined,
  options: readonly C[],
  vi: string,
  en: string,
): number[][] {
  const choices = new Map(Object.entries(given ?? {}));
  if (choices.size !== officials.length || !officials.every((o) => choices.has(o)))
    throw new BallotChoiceError(vi, en);
  return officials.map((o) => [options.indexOf(choices.get(o)! as C)]);
}

/** The marked choice of each question (indices), from the choices the delegate made. */
export function ballotSelections(m: BallotShape, body: Omit<CastBallot, 'idempotencyKey'>) {
  switch (m.kind) {
    case 'confidence':
      return perOfficial(
        m.officials,
        body.confidence,
        ConfidenceChoice.options,
        'Phiếu tín nhiệm phải chọn một mức cho từng người được lấy phiếu.',
        'A confidence ballot must rate every official exactly once.',
      );
    case 'no_confidence':
      return perOfficial(
        m.officials,
        body.noConfidence,
        NoConfidenceChoice.options,
        'Phiếu phải chọn Tín nhiệm hoặc Không tín nhiệm cho từng người được bỏ phiếu.',
        'The ballot must choose trust or no trust for every official exactly once.',
      );
    case 'election': {
      const keep = body.keep ?? [];
      const kept = m.officials.flatMap((o, i) => (keep.includes(o) ? [i] : []));
      if (kept.length !== new Set(keep).size || kept.length > (m.posts ?? 1)) {
        throw new BallotChoiceError(
          `Chỉ được giữ lại tối đa ${m.posts ?? 1} người trong danh sách; hãy gạch bớt tên rồi gửi lại.`,
          `Keep at most ${m.posts ?? 1} of the listed candidates; strike more names and send again.`,
        );
      }
      return [kept];
    }
    default:
      if (!body.choice) {
        throw new BallotChoiceError(
          'Hãy chọn Tán thành, Không tán thành hoặc Không biểu quyết.',
          'Choose for, against or abstain.',
        );
      }
      return [[VoteChoice.options.indexOf(body.choice)]];
  }
}

/** One counter of a secret result: official '' for the whole ballot (as shared/vote-rules reads). */
export interface SecretCount {
  official: string;
  choice: string;
  count: number;
}

/** The decrypted totals (question × mark) as counts; an election's last mark is its blank ballots. */
export function countsFromTotals(
  m: BallotShape,
  result: { ballotCount: number; totals: number[][] },
): SecretCount[] {
  const t = result.totals;
  const at = (q: number, s: number) => t[q]?.[s] ?? 0;
  switch (m.kind) {
    case 'confidence':
      return m.officials.flatMap((official, q) =>
        ConfidenceChoice.options.map((choice, s) => ({ official, choice, count: at(q, s) })),
      );
    case 'no_confidence':
      return m.officials.flatMap((official, q) =>
        NoConfidenceChoice.options.map((choice, s) => ({ official, choice, count: at(q, s) })),
      );
    case 'election':
      return [
        ...m.officials.map((official, s) => ({ official, choice: 'keep', count: at(0, s) })),
        // Every ballot on the board is valid (a spoiled one cannot be built nor accepted).
        { official: '', choice: 'valid', count: result.ballotCount },
        { official: '', choice: 'blank', count: at(0, m.officials.length) },
        { official: '', choice: 'spoiled', count: 0 },
      ];
    default:
      return VoteChoice.options.map((choice, s) => ({ official: '', choice, count: at(0, s) }));
  }
}

// ---- The counting committee (ban kiểm phiếu) and the board, as the HTTP API carries them ----

const hex32 = z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex characters');

/** POST …/committee — the chair or secretary names the committee; t defaults to a majority. */
export const SetCommittee = z.object({
  memberIds: z.array(z.string()).min(1).max(25),
  threshold: z.number().int().min(1).optional(),
});
export type SetCommittee = z.infer<typeof SetCommittee>;

export const CommitteeMemberState = z.object({
  index: z.number().int(),
  memberId: z.string(),
  name: z.string(),
  /** The console's public transport key, once its browser has made one. */
  transportKey: hex32.nullable(),
  /** The member's dealer commitment (Feldman commitments and proof), once dealt. */
  commitment: DealerCommitmentSchema.nullable(),
});

/** GET …/committee — everything public about the committee's key ceremony. */
export const CommitteeState = z.object({
  ceremonyId: z.string(),
  threshold: z.number().int(),
  members: z.array(CommitteeMemberState),
  /** The committee's joint public key: known once every member has dealt. */
  publicKey: hex32.nullable(),
  /** The caller's index on the committee (null: not a member). */
  myIndex: z.number().int().nullable(),
});
export type CommitteeState = z.infer<typeof CommitteeState>;

export const TransportKeyBody = z.object({ transportKey: hex32 });
/** POST …/committee/deal — a member's commitment and a share for every other member, encrypted. */
export const DealBody = z.object({
  commitment: DealerCommitmentSchema,
  shares: z.array(EncryptedShareSchema).max(25),
});
export const MyKeyShares = z.object({ shares: z.array(EncryptedShareSchema) });

/** GET …/motions/:motionId/ballot-box — what a delegate's browser encrypts for. */
export const BallotBox = z.object({ header: BoardHeaderSchema, voterId: z.string() });
export type BallotBox = z.infer<typeof BallotBox>;

export const DecryptionShareBody = z.object({ share: DecryptionShareSchema });
export const DecryptionShareAnswer = z.object({
  accepted: z.literal(true),
  /** Whether the result is now known (t valid shares are in). */
  counted: z.boolean(),
});

export { BoardSchema as PublicBoard };
