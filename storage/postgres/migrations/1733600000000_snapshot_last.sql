-- Up Migration
-- The checksum of the last journal line a snapshot holds (State.last), beside its seq: a standby that
-- follows the journal (storage/postgres/follow.ts) checks with it that a snapshot written meanwhile
-- continues what it holds, without reading the snapshot's bytes. Null for snapshots written before.
ALTER TABLE snapshot ADD COLUMN last text;

-- Down Migration
ALTER TABLE snapshot DROP COLUMN last;
