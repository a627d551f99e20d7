-- Secret ballots nobody can open (issue #17, docs/secret-ballot.md). A meeting's vote-counting
-- committee (ban kiểm phiếu) makes a threshold key in its members' browsers; the server only relays
-- the public parts and the encrypted shares (opaque to it). A secret vote of a meeting with a
-- committee keeps a public bulletin board: the header, each ballot as ciphertexts with proofs in a
-- hash chain, the close (encrypted totals) and the committee's decryption shares. Nothing here holds
-- a choice in the clear, and no row is written per ballot except the ballot itself, so neither the
-- tables nor the WAL nor old row versions link a member to a choice.
CREATE TABLE ballot_committees (
  meeting_id text PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
  ceremony_id text NOT NULL UNIQUE,
  threshold integer NOT NULL CHECK (threshold >= 1),
  created_at timestamptz NOT NULL
);

-- One row per committee member (index 1..n): the public transport key and the dealer commitment
-- (Feldman commitments with a proof), both public.
CREATE TABLE ballot_committee_members (
  meeting_id text NOT NULL REFERENCES ballot_committees (meeting_id) ON DELETE CASCADE,
  member_index integer NOT NULL CHECK (member_index >= 1),
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  transport_key text,
  commitment jsonb,
  PRIMARY KEY (meeting_id, member_index),
  UNIQUE (meeting_id, member_id)
);

-- A dealer's share for one recipient, encrypted to the recipient's transport key and signed by the
-- dealer: relayed as is, never readable by the server.
CREATE TABLE ballot_key_shares (
  meeting_id text NOT NULL REFERENCES ballot_committees (meeting_id) ON DELETE CASCADE,
  dealer integer NOT NULL,
  recipient integer NOT NULL,
  message jsonb NOT NULL,
  PRIMARY KEY (meeting_id, dealer, recipient)
);

-- The board of one secret vote (replaces secret_tallies for it): written when the vote opens, the
-- close when it closes, the result when t decryption shares are in. `base` holds what the pass rule
-- counts from at the close (total, present, eligible, quorum), for the result computed later.
CREATE TABLE secret_boards (
  motion_id text PRIMARY KEY REFERENCES motions (id) ON DELETE CASCADE,
  header jsonb NOT NULL,
  header_hash text NOT NULL,
  close jsonb,
  base jsonb,
  result jsonb
);

-- The board's entries: the ballot (ciphertexts and proofs), its receipt and the hash chain.
CREATE TABLE secret_ballots (
  motion_id text NOT NULL REFERENCES secret_boards (motion_id) ON DELETE CASCADE,
  seq integer NOT NULL,
  voter_id text NOT NULL,
  voter_name text NOT NULL,
  ballot jsonb NOT NULL,
  receipt text NOT NULL,
  prev text NOT NULL,
  hash text NOT NULL,
  idempotency_key text NOT NULL,
  PRIMARY KEY (motion_id, seq),
  UNIQUE (motion_id, voter_id)
);

-- Every ciphertext's first point, unique per vote: a ciphertext copied from another ballot is refused.
CREATE TABLE secret_ballot_ciphertexts (
  motion_id text NOT NULL REFERENCES secret_boards (motion_id) ON DELETE CASCADE,
  a text NOT NULL,
  PRIMARY KEY (motion_id, a)
);

-- A committee member's decryption share of the encrypted totals, with its proofs (checked on arrival).
CREATE TABLE secret_decryption_shares (
  motion_id text NOT NULL REFERENCES secret_boards (motion_id) ON DELETE CASCADE,
  member_index integer NOT NULL,
  share jsonb NOT NULL,
  PRIMARY KEY (motion_id, member_index)
);

ALTER TABLE motions ADD COLUMN encrypted boolean NOT NULL DEFAULT false;
