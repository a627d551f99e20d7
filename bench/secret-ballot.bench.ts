// Secret ballot (issue #17), pure computation in Node: encrypting and proving one ballot of three
// choices (for / against / abstain), checking one ballot as the server does on arrival, and, at
// 500 ballots, adding the ballots' ciphertexts at the close and going from the committee's
// decryption shares to the result (checking t shares' proofs, Lagrange combination, discrete log).
// Baselines from the same run: one constant-time scalar multiplication on ristretto255 (the unit
// every step is made of), and SHA-256 of the 500 ballots' JSON (the cheapest possible pass over
// them). The browser figure with 4× CPU throttling is for the integration session (Chromium).
import { performance } from 'node:perf_hooks';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import {
  checkBallot,
  encryptBallot,
  singleChoice,
  slotCount,
} from '../shared/ballot-crypto/ballot';
import { runKeyCeremony } from '../shared/ballot-crypto/ceremony.fixture';
import { encrypt, ciphertextToJson, type Ciphertext } from '../shared/ballot-crypto/elgamal';
import { G, mul, prepared, randomScalar } from '../shared/ballot-crypto/group';
import { verificationKey } from '../shared/ballot-crypto/dkg';
import {
  addBallots,
  checkDecryptionShare,
  combineDecryption,
  makeDecryptionShare,
} from '../shared/ballot-crypto/tally';
import { ms, quantile, rows } from './harness';

const BALLOTS = 500;
const RUNS = 9;
const QUESTIONS = [singleChoice(3)];

function median(fn: () => unknown, runs = RUNS): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return quantile(
    times.sort((a, b) => a - b),
    0.5,
  );
}

export async function benchSecretBallot() {
  const ceremony = runKeyCeremony(3);
  const pk = prepared(ceremony.publicKey);
  const spec = { voteId: 'bench-vote', questions: QUESTIONS };
  const scalarMul = median(() => mul(G.add(G), randomScalar()), 25);

  let ballot = encryptBallot(spec, pk, 'dv-0', [[0]]);
  const encryptMs = median(() => {
    ballot = encryptBallot(spec, pk, 'dv-0', [[1]]);
  });
  const checkMs = median(() => {
    if (checkBallot(spec, pk, 'dv-0', ballot).faults.length)
      throw new Error('bench: ballot invalid');
  });
  rows.push({
    name: 'secret ballot: encrypt + prove one ballot, 3 choices (Node)',
    figure: ms(encryptMs),
    baseline: `${ms(scalarMul)} (one scalar multiplication)`,
    ratio: `${(encryptMs / scalarMul).toFixed(0)}×`,
    target: '≤ 300 ms (Chromium, 4× throttled)',
    met: undefined,
  });
  rows.push({
    name: 'secret ballot: check one ballot on the server',
    figure: ms(checkMs),
    baseline: `${ms(scalarMul)} (one scalar multiplication)`,
    ratio: `${(checkMs / scalarMul).toFixed(0)}×`,
    target: '≤ 20 ms',
    met: checkMs <= 20,
  });

  // 500 ballots' ciphertexts (proofs are not needed to time the tally): each voter picks one of 3.
  const votes = Array.from({ length: BALLOTS }, (_, i) => i % 3);
  const ballots: Ciphertext[][][] = votes.map((v) => [
    [0, 1, 2].map((c) => encrypt(pk, c === v ? 1 : 0).ciphertext),
  ]);
  const json = JSON.stringify(ballots.map((b) => b.map((q) => q.map(ciphertextToJson))));
  const hashMs = median(() => sha256(utf8ToBytes(json)));
  const shape = QUESTIONS.map(slotCount);
  let totals = addBallots(shape, ballots);
  const addMs = median(() => {
    totals = addBallots(shape, ballots);
  });
  const ctx = { voteId: spec.voteId, closeHash: '00'.repeat(32) };
  const shares = ceremony.secrets
    .slice(0, 2)
    .map((s) => makeDecryptionShare(ctx, s.index, s.secretShare, totals));
  const keys = shares.map((s) => verificationKey(ceremony.dealers, s.member));
  let result: number[][] = [];
  const resultMs = median(() => {
    const valid = new Map(
      shares.map((s, i) => [s.member, checkDecryptionShare(ctx, keys[i]!, totals, s)!] as const),
    );
    result = combineDecryption(totals, valid, 2, BALLOTS);
  });
  const want = [0, 1, 2].map((c) => votes.filter((v) => v === c).length);
  if (JSON.stringify(result) !== JSON.stringify([want])) throw new Error('bench: wrong tally');
  rows.push({
    name: `secret ballot: add ${BALLOTS} ballots' ciphertexts at the close`,
    figure: ms(addMs),
    baseline: `${ms(hashMs)} (SHA-256 of the ballots' JSON)`,
    ratio: `${(addMs / hashMs).toFixed(0)}×`,
    target: '—',
    met: undefined,
  });
  rows.push({
    name: `secret ballot: last decryption share → result, ${BALLOTS} ballots (2-of-3)`,
    figure: ms(resultMs),
    baseline: `${ms(scalarMul)} (one scalar multiplication)`,
    ratio: `${(resultMs / scalarMul).toFixed(0)}×`,
    target: '≤ 1000 ms',
    met: resultMs <= 1000,
  });
}
