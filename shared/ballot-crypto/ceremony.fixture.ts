// Test and benchmark fixture: a whole key ceremony of a small counting committee run in one
// process (each "browser" is a loop iteration), and a board with ballots cast from known choices.
// Not used in production code: there each step runs in a different member's browser.
import { encryptBallot, type QuestionSpec } from './ballot';
import {
  appendBallot,
  closeBoard,
  encryptedShareFromJson,
  encryptedShareToJson,
  openBoard,
  type Board,
} from './board';
import {
  combineShares,
  deal,
  jointPublicKey,
  majority,
  receiveShare,
  type Committee,
  type DealerCommitment,
} from './dkg';
import { generateKeyPair } from './elgamal';
import { Point } from './group';

export interface CommitteeMemberSecrets {
  index: number;
  transportSecret: bigint;
  secretShare: bigint;
}

export interface Ceremony {
  committee: Committee;
  dealers: DealerCommitment[];
  publicKey: Point;
  secrets: CommitteeMemberSecrets[];
}

export function runKeyCeremony(
  n: number,
  threshold = majority(n),
  ceremonyId = 'test-committee',
): Ceremony {
  const transport = Array.from({ length: n }, () => generateKeyPair());
  const committee: Committee = {
    ceremonyId,
    threshold,
    members: transport.map((k, i) => ({
      index: i + 1,
      memberId: `ktv-${i + 1}`,
      transportKey: k.publicKey,
    })),
  };
  const deals = committee.members.map((m, i) => deal(committee, m.index, transport[i]!.secret));
  const dealers = deals.map((d) => d.commitment);
  const secrets = committee.members.map((m, i): CommitteeMemberSecrets => {
    const shares = new Map<number, bigint>();
    for (const d of deals) {
      if (d.commitment.dealer === m.index) {
        shares.set(m.index, d.ownShare);
        continue;
      }
      // Through the server as JSON, the way the consoles will receive it.
      const relayed = encryptedShareFromJson(
        encryptedShareToJson(d.shares.find((s) => s.recipient === m.index)!),
      );
      const got = receiveShare(committee, transport[i]!.secret, d.commitment, relayed);
      if (!got.ok)
        throw new Error(`fixture: share ${d.commitment.dealer}→${m.index} ${got.reason}`);
      shares.set(d.commitment.dealer, got.share);
    }
    return {
      index: m.index,
      transportSecret: transport[i]!.secret,
      secretShare: combineShares(dealers, m.index, shares),
    };
  });
  return { committee, dealers, publicKey: jointPublicKey(dealers), secrets };
}

export function boardFor(ceremony: Ceremony, questions: QuestionSpec[], voteId = 'vote-1'): Board {
  return openBoard({
    voteId,
    title: 'Bỏ phiếu kín (test)',
    questions,
    committee: {
      ceremonyId: ceremony.committee.ceremonyId,
      threshold: ceremony.committee.threshold,
      members: ceremony.committee.members.map((m) => ({
        ...m,
        name: `Kiểm phiếu viên ${m.index}`,
      })),
      dealers: ceremony.dealers,
    },
    publicKey: ceremony.publicKey,
  });
}

/** Casts one ballot per entry of `choices` (voter i is `dv-i`) and closes the board. */
export function castAll(
  board: Board,
  choices: readonly (readonly (readonly number[])[])[],
  close = true,
): Board {
  const spec = { voteId: board.header.voteId, questions: board.header.questions };
  const key = ceremonyKey(board);
  let b = board;
  choices.forEach((sel, i) => {
    b = appendBallot(
      b,
      { voterId: `dv-${i}`, voterName: `Đại biểu ${i}` },
      encryptBallot(spec, key, `dv-${i}`, sel),
    ).board;
  });
  return close ? closeBoard(b) : b;
}

function ceremonyKey(board: Board): Point {
  return Point.fromHex(board.header.publicKey);
}
