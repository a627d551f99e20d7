// Route contracts of the secret ballot (issue #17, docs/secret-ballot.md): the vote-counting
// committee's key ceremony (the server relays public keys, commitments and encrypted shares it
// cannot open), what a delegate's browser encrypts for, the committee's decryption shares, and the
// public bulletin board anyone can check (`npm run verify-vote`).
import type { Role } from '../domain';
import * as sb from '../secret-ballot';
import { ANY_PARTICIPANT, route } from './route';

const M = '/api/meetings/:meetingId';
const chairSecretary: readonly Role[] = ['chair', 'secretary'];
const delegates: readonly Role[] = ['member', 'chair'];

export const secretBallotRoutes = {
  setCommittee: route({
    method: 'POST',
    path: `${M}/committee`,
    auth: 'participant',
    roles: chairSecretary,
    summary:
      'Name the vote-counting committee (ban kiểm phiếu) and its threshold; starts a new key ceremony.',
    body: sb.SetCommittee,
    response: sb.CommitteeState,
  }),
  committee: route({
    method: 'GET',
    path: `${M}/committee`,
    auth: 'participant',
    roles: ANY_PARTICIPANT,
    summary: 'The committee, its public keys and commitments, and the joint key once made.',
    response: sb.CommitteeState,
  }),
  committeeTransportKey: route({
    method: 'POST',
    path: `${M}/committee/transport-key`,
    auth: 'participant',
    roles: delegates,
    who: 'committee members',
    summary: 'Publish the console’s transport key (its secret stays in the browser).',
    body: sb.TransportKeyBody,
    response: sb.CommitteeState,
  }),
  committeeDeal: route({
    method: 'POST',
    path: `${M}/committee/deal`,
    auth: 'participant',
    roles: delegates,
    who: 'committee members',
    summary: 'Publish one’s dealer commitment and relay the encrypted shares to the other members.',
    body: sb.DealBody,
    response: sb.CommitteeState,
  }),
  committeeMyShares: route({
    method: 'GET',
    path: `${M}/committee/my-shares`,
    auth: 'participant',
    roles: delegates,
    who: 'committee members',
    summary: 'The encrypted key shares the other members dealt to me.',
    response: sb.MyKeyShares,
  }),
  ballotBox: route({
    method: 'GET',
    path: `${M}/motions/:motionId/ballot-box`,
    auth: 'participant',
    roles: delegates,
    summary: 'The board header and my voter id, for encrypting my ballot in the browser.',
    response: sb.BallotBox,
  }),
  decryptionShare: route({
    method: 'POST',
    path: `${M}/motions/:motionId/decryption-share`,
    auth: 'participant',
    roles: delegates,
    who: 'committee members, after the vote is closed',
    summary:
      'A committee member’s decryption share of the totals, with proofs (checked on arrival).',
    body: sb.DecryptionShareBody,
    response: sb.DecryptionShareAnswer,
  }),
  secretBoard: route({
    method: 'GET',
    path: '/api/boards/:motionId',
    auth: 'public',
    who: 'anyone (the board holds who voted and ciphertexts, never a choice)',
    summary:
      'The public bulletin board of an encrypted secret vote: ballots as ciphertexts, hash chain, shares, result.',
    response: sb.PublicBoard,
  }),
};
