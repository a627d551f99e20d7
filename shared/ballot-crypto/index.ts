// The secret-ballot library (issue #17): exponential ElGamal over ristretto255, the counting
// committee's threshold key, ballot validity proofs, decryption shares, the bulletin board and its
// verifier. Pure and synchronous; the same code runs in Node, the web client and the extension
// (no eval, no wasm). Design and threat model: docs/secret-ballot.md.
export {
  BallotRuleError,
  checkBallot,
  confidenceRating,
  election,
  encryptBallot,
  singleChoice,
  slotCount,
  type BallotJson,
  type BallotSpec,
  type QuestionSpec,
} from './ballot';
export {
  BOARD_FORMAT,
  BoardSchema,
  ComplaintSchema,
  DealerCommitmentSchema,
  DecryptionShareSchema,
  EncryptedShareSchema,
  BallotSchema,
  addDecryptionShare,
  appendBallot,
  ballotReceipt,
  canonicalJson,
  checkAcceptable,
  closeBoard,
  commitmentDigest,
  complaintFromJson,
  complaintToJson,
  dealerFromJson,
  dealerToJson,
  encryptedShareFromJson,
  encryptedShareToJson,
  openBoard,
  withResult,
  type Board,
  type BoardEntry,
  type BoardHeader,
} from './board';
export {
  checkDealerCommitment,
  combineShares,
  complaintUpheld,
  deal,
  jointPublicKey,
  majority,
  makeComplaint,
  receiveShare,
  verificationKey,
  type Committee,
  type CommitteeMember,
  type DealerCommitment,
} from './dkg';
export { generateKeyPair } from './elgamal';
export { pointFromHex, pointToHex, scalarFromHex, scalarToHex } from './group';
export type { DecryptionShareJson } from './tally';
export {
  committeeDecrypt,
  describeVerification,
  PROBLEM_LABELS,
  tallyBoard,
  verifyBoard,
  type Problem,
  type ProblemCode,
  type Verification,
} from './verify';
