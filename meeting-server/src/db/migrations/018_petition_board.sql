-- The petitions board (issue #14): a short reference number every voter gets to follow a petition,
-- folded search texts (no diacritics, lower case: "duong" finds "đường") kept by the server on every
-- change, and the indexes the council-wide paged board and the public page read by.
ALTER TABLE petitions ADD COLUMN ref text;
-- Staff search: name, contact, ward, text, authority, answer, reference. Public search: no name,
-- no contact (a voter's name must not find their petition on the public page).
ALTER TABLE petitions ADD COLUMN search_staff text NOT NULL DEFAULT '';
ALTER TABLE petitions ADD COLUMN search_public text NOT NULL DEFAULT '';
-- The ward folded the same way, for the commune/ward filter.
ALTER TABLE petitions ADD COLUMN ward_key text NOT NULL DEFAULT '';

-- Petitions sent before this migration get a reference from their id (hexadecimal, still unique).
-- (lower() folds only ASCII under the C locale; rows sent from now on are folded by the server.)
UPDATE petitions SET ref = upper(substr(replace(id, '-', ''), 1, 8)) WHERE ref IS NULL;
UPDATE petitions SET
  ward_key = translate(lower(coalesce(ward, '')), 'àáâãèéêìíòóôõùúýăĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ', 'aaaaeeeiioooouuyaiuouaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyyd'),
  search_public = translate(lower(concat_ws(' ', ward, text, authority, answer)),
    'àáâãèéêìíòóôõùúýăĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ', 'aaaaeeeiioooouuyaiuouaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyyd'),
  search_staff = translate(lower(concat_ws(' ', ref, name, contact, ward, text, authority, answer)),
    'àáâãèéêìíòóôõùúýăĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ', 'aaaaeeeiioooouuyaiuouaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyyd');
ALTER TABLE petitions ALTER COLUMN ref SET NOT NULL;
CREATE UNIQUE INDEX petitions_ref ON petitions (ref);
CREATE INDEX petitions_created ON petitions (created_at DESC, id DESC);
CREATE INDEX petitions_published ON petitions (published, created_at DESC) WHERE published;
CREATE INDEX meetings_council ON meetings (council_id, starts_at);
