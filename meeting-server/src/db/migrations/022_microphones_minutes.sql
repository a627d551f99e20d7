-- The chair's microphones and the official minutes (issue #19).
-- Free discussion: while open, every member of the body may publish their microphone in a meeting
-- whose microphones the chair controls.
ALTER TABLE meeting_live ADD COLUMN free_discussion boolean NOT NULL DEFAULT false;
