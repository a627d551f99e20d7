-- Kinds of vote beyond a resolution and a confidence rating (docs/voting-rules.md): an election of
-- candidates to a number of posts, a dismissal or removal (of a delegate or an office-holder), and a
-- no-confidence vote. Every kind but a standard motion is secret. `officials` holds the names on the
-- ballot: officials, candidates, or the one person dismissed.
ALTER TABLE motions DROP CONSTRAINT motions_kind_check;
ALTER TABLE motions ADD CONSTRAINT motions_kind_check
  CHECK (kind IN ('standard', 'confidence', 'election', 'dismissal', 'no_confidence'));
ALTER TABLE motions ADD CONSTRAINT motions_secret_kinds CHECK (kind = 'standard' OR secret);
ALTER TABLE motions ADD COLUMN posts integer CHECK (posts IS NULL OR posts >= 1);
ALTER TABLE motions ADD COLUMN dismissal_target text
  CHECK (dismissal_target IN ('delegate', 'office'));
ALTER TABLE motions ADD CONSTRAINT motions_kind_fields CHECK (
  (kind = 'election') = (posts IS NOT NULL)
  AND (kind = 'dismissal') = (dismissal_target IS NOT NULL));
