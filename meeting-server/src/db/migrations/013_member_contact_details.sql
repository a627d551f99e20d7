-- What the office's member list holds beside the name and delegate group (issue #14, member
-- import): date of birth (tells namesakes apart), work unit (đơn vị công tác), phone and e-mail
-- (for sending invitation links). All optional: members added one at a time may have none.
ALTER TABLE members ADD COLUMN date_of_birth date;
ALTER TABLE members ADD COLUMN unit text;
ALTER TABLE members ADD COLUMN phone text;
ALTER TABLE members ADD COLUMN email text;
