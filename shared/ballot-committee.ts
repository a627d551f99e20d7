// A vote-counting committee member's console (ban kiểm phiếu, issue #17, docs/secret-ballot.md):
// runs this member's part of the key ceremony (transport key, deal, own key share) and, when a
// secret vote closes, checks the board and sends this member's decryption share. The secrets (the
// transport secret, the polynomial's own share, the combined key share) live only in `store` — the
// browser's IndexedDB in the clients, a Map in tests — and are never sent. Calls and storage are
// passed in, so it runs in Node tests as in the browser.
import {
  combineShares,
  committeeDecrypt,
  dealerFromJson,
  dealerToJson,
  deal,
  encryptedShareFromJson,
  encryptedShareToJson,
  generateKeyPair,
  pointFromHex,
  receiveShare,
  scalarFromHex,
  scalarToHex,
  type Board,
  type Committee,
  type DecryptionShareJson,
} from './ballot-crypto';
import { G, mul, pointToHex } from './ballot-crypto/group';
import type { z } from './zod';
import type { CommitteeState, DealBody, MyKeyShares } from './secret-ballot';

/** Where a console keeps its secrets (per ceremony id): IndexedDB in a browser. */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

export interface CommitteeCalls {
  committee(): Promise<CommitteeState>;
  transportKey(transportKey: string): Promise<CommitteeState>;
  deal(body: z.infer<typeof DealBody>): Promise<CommitteeState>;
  myShares(): Promise<z.infer<typeof MyKeyShares>>;
  board(motionId: string): Promise<Board>;
  decryptionShare(
    motionId: string,
    share: DecryptionShareJson,
  ): Promise<{ accepted: true; counted: boolean }>;
}

/** Where this console stands in the ceremony. */
export type CeremonyStep =
  'not-member' | 'waiting-keys' | 'waiting-deals' | 'ready' | 'share-mismatch';

interface Stored {
  transportSecret: string;
  /** This member's deal, kept until the server has it (a resend sends the same deal). */
  deal?: { body: z.infer<typeof DealBody>; ownShare: string };
  secretShare?: string;
}

const storeKey = (ceremonyId: string) => `ballot-committee:${ceremonyId}`;
const decidedKey = (ceremonyId: string, motionId: string) =>
  `ballot-committee:${ceremonyId}:decrypted:${motionId}`;

const dkgCommittee = (s: CommitteeState): Committee => ({
  ceremonyId: s.ceremonyId,
  threshold: s.threshold,
  members: s.members.map((m) => ({
    index: m.index,
    memberId: m.memberId,
    transportKey: pointFromHex(m.transportKey!),
  })),
});

export function committeeConsole(calls: CommitteeCalls, store: SecretStore) {
  async function load(ceremonyId: string): Promise<Stored | undefined> {
    const raw = await store.get(storeKey(ceremonyId));
    return raw ? (JSON.parse(raw) as Stored) : undefined;
  }
  const save = (ceremonyId: string, s: Stored) =>
    store.set(storeKey(ceremonyId), JSON.stringify(s));

  /**
   * Takes this console as far as it can go now in the ceremony; call again when the committee
   * changes (others' keys or deals arrive). Idempotent.
   */
  async function advance(): Promise<CeremonyStep> {
    let state = await calls.committee();
    const me = state.members.find((m) => m.index === state.myIndex);
    if (!me) return 'not-member';
    let mine = await load(state.ceremonyId);
    if (!mine) {
      mine = { transportSecret: scalarToHex(generateKeyPair().secret) };
      await save(state.ceremonyId, mine);
    }
    if (!me.transportKey) {
      state = await calls.transportKey(publicOf(mine.transportSecret));
    }
    if (!state.members.every((m) => m.transportKey)) return 'waiting-keys';
    const committee = dkgCommittee(state);
    if (!state.members.find((m) => m.index === state.myIndex)!.commitment) {
      if (!mine.deal) {
        const d = deal(committee, me.index, scalarFromHex(mine.transportSecret));
        mine.deal = {
          body: {
            commitment: dealerToJson(d.commitment),
            shares: d.shares.map(encryptedShareToJson),
          },
          ownShare: scalarToHex(d.ownShare),
        };
        await save(state.ceremonyId, mine);
      }
      state = await calls.deal(mine.deal.body);
    }
    if (!state.members.every((m) => m.commitment)) return 'waiting-deals';
    if (mine.secretShare) return 'ready';
    const dealers = state.members.map((m) => dealerFromJson(m.commitment!));
    const got = new Map<number, bigint>([[me.index, scalarFromHex(mine.deal!.ownShare)]]);
    for (const msg of (await calls.myShares()).shares) {
      const dealer = dealers.find((d) => d.dealer === msg.dealer);
      if (!dealer) continue;
      const r = receiveShare(
        committee,
        scalarFromHex(mine.transportSecret),
        dealer,
        encryptedShareFromJson(msg),
      );
      if (!r.ok) return 'share-mismatch';
      got.set(msg.dealer, r.share);
    }
    if (got.size !== dealers.length) return 'waiting-deals';
    mine.secretShare = scalarToHex(combineShares(dealers, me.index, got));
    await save(state.ceremonyId, mine);
    return 'ready';
  }

  /**
   * When a secret vote has closed: verifies its board (refusing one that leaves out a voter this
   * console saw) and sends this member's decryption share — once per vote: a second, different
   * closed board for the same vote is never decrypted.
   */
  async function decrypt(
    motionId: string,
    expectVoters: readonly string[] = [],
  ): Promise<{ sent: true; counted: boolean } | { refused: string }> {
    const board = await calls.board(motionId);
    const { ceremonyId } = board.header.committee;
    const mine = await load(ceremonyId);
    const index = mine ? findIndex(board, mine) : undefined;
    if (!mine?.secretShare || index === undefined) return { refused: 'no-key-share' };
    if (!board.close) return { refused: 'not-closed' };
    const done = await store.get(decidedKey(ceremonyId, motionId));
    if (done && done !== board.close.hash) return { refused: 'other-board' };
    const out = committeeDecrypt(board, index, scalarFromHex(mine.secretShare), {
      expectVoters,
    });
    if ('refused' in out) return { refused: out.refused.map((p) => p.code).join(',') };
    await store.set(decidedKey(ceremonyId, motionId), board.close.hash);
    const answer = await calls.decryptionShare(motionId, out.share);
    return { sent: true, counted: answer.counted };
  }

  return { advance, decrypt };
}

/** The public transport key of a stored secret: g^secret. */
const publicOf = (secretHex: string): string => pointToHex(mul(G, scalarFromHex(secretHex)));

/** This console's committee index on a board: the member whose transport key is its own. */
function findIndex(board: Board, mine: Stored): number | undefined {
  const pub = publicOf(mine.transportSecret);
  return board.header.committee.members.find((m) => m.transportKey === pub)?.index;
}
