-- Up Migration
-- The store on PostgreSQL (docs/architecture.md, "The store on PostgreSQL"): the same journal lines
-- and snapshots as the embedded store's files, in tables. The state itself lives in the active
-- instance's memory; these tables are its durable log. Run by node-pg-migrate at start-up, in the
-- schema DATABASE_SCHEMA names (default thidua).

-- One row: who is active, and the fencing epoch every write checks.
CREATE TABLE store (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Raised by each instance that becomes active; a write of any other epoch is refused.
  epoch bigint NOT NULL DEFAULT 0,
  -- The active instance (host and process), its lock's backend, and when it last said it was alive.
  holder text,
  holder_pid integer,
  since timestamptz,
  heartbeat_at timestamptz
);
INSERT INTO store DEFAULT VALUES;

-- The journal: one row per change, the line exactly as the embedded store writes it to journal.jsonl.
CREATE TABLE journal (
  seq bigint PRIMARY KEY,
  line text NOT NULL,
  epoch bigint NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now()
);

-- Snapshots: the bytes of store.snapshot (state, entry table, CRC-32) in parts of a few megabytes.
-- The newest one is the store's; the journal's lines after its seq are replayed on top.
CREATE TABLE snapshot (
  id bigserial PRIMARY KEY,
  seq bigint NOT NULL,
  bytes bigint NOT NULL,
  parts integer NOT NULL,
  epoch bigint NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE snapshot_part (
  snapshot bigint NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
  part integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (snapshot, part)
);
-- Kept out of line and uncompressed: the parts are read and written whole, and compressing them
-- costs the server more time than it saves.
ALTER TABLE snapshot_part ALTER COLUMN data SET STORAGE EXTERNAL;

-- Down Migration
DROP TABLE snapshot_part;
DROP TABLE snapshot;
DROP TABLE journal;
DROP TABLE store;
