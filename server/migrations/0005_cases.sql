-- Cases synced from the offices' devices (docs/sync-protocol.md "Case sync").
-- The server keeps every case's events (the record) and a snapshot of the
-- folded state (so a push re-runs the engine without folding the history).

-- One sequence orders the pull feed: events and visibility grants (below)
-- share it, so (xid, seq) names one row of either and a cursor is never ambiguous.
CREATE SEQUENCE case_feed_seq;

CREATE TABLE cases (
  id text PRIMARY KEY CHECK (char_length(id) BETWEEN 1 AND 200),
  -- The published revision the case runs on, pinned by number and content hash.
  sop_id text NOT NULL,
  sop_revision integer NOT NULL,
  sop_content_hash text NOT NULL CHECK (sop_content_hash ~ '^[0-9a-f]{64}$'),
  -- The region code of the office that started the case: who may see it follows from it.
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$'),
  -- Offices holding the case (the starter, and any that receive it by hand-over).
  holder_office_ids uuid[] NOT NULL CHECK (cardinality(holder_office_ids) >= 1),
  -- Actors of every step visited or active: the lanes "on the case's path".
  path_actors text[] NOT NULL DEFAULT '{}',
  -- Commands taken; the next command must expect this.
  revision integer NOT NULL CHECK (revision >= 1),
  state jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  FOREIGN KEY (sop_id, sop_revision) REFERENCES sop_revisions (sop_id, revision)
);
CREATE INDEX cases_region_code ON cases (region_code text_pattern_ops);
CREATE INDEX cases_sop ON cases (sop_id, sop_revision);

-- The events, in commit order. `xid` is the writing transaction's id: a pull
-- returns only rows whose transaction is older than every one still running
-- (pg_snapshot_xmin), ordered by (xid, seq), so a transaction that commits
-- late is never skipped by a cursor that already moved past later ones.
CREATE TABLE case_events (
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint NOT NULL DEFAULT nextval('case_feed_seq'),
  case_id text NOT NULL REFERENCES cases (id),
  event_id text NOT NULL UNIQUE,
  command_id text NOT NULL,
  revision integer NOT NULL CHECK (revision >= 1),
  event jsonb NOT NULL,
  -- Who the server saw act (the signed-in user and their office) and when it received the command.
  user_id uuid NOT NULL REFERENCES users (id),
  office_id uuid NOT NULL REFERENCES offices (id),
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (xid, seq)
);
CREATE INDEX case_events_case ON case_events (case_id, revision);
CREATE INDEX case_events_command ON case_events (command_id);

-- Command ids already taken (idempotency): a repeated id is answered with its events, nothing written.
CREATE TABLE processed_commands (
  command_id text PRIMARY KEY CHECK (char_length(command_id) BETWEEN 1 AND 200),
  case_id text NOT NULL REFERENCES cases (id),
  user_id uuid NOT NULL REFERENCES users (id),
  device_id text NOT NULL,
  processed_at timestamptz NOT NULL
);

-- An office that comes to see a case (the case reaches one of its lanes)
-- needs the case's earlier events although its cursor is past them. The
-- grant is written in the transaction that made the case visible, with that
-- transaction's id: a pull that reaches the grant returns the whole case.
CREATE TABLE case_visibility (
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint NOT NULL DEFAULT nextval('case_feed_seq'),
  case_id text NOT NULL REFERENCES cases (id),
  office_id uuid NOT NULL REFERENCES offices (id),
  PRIMARY KEY (case_id, office_id)
);
CREATE INDEX case_visibility_feed ON case_visibility (office_id, xid, seq);

-- Attachment bytes, content-addressed (AttachmentStore's PostgreSQL backend).
CREATE TABLE attachments (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes bytea NOT NULL,
  content_type text NOT NULL CHECK (char_length(content_type) BETWEEN 1 AND 200),
  size integer NOT NULL CHECK (size >= 0 AND size = octet_length(bytes)),
  created_at timestamptz NOT NULL
);

-- Who uploaded a file: the uploader may read it back before any case refers to it.
CREATE TABLE attachment_uploads (
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  uploaded_at timestamptz NOT NULL,
  PRIMARY KEY (sha256, user_id)
);

-- Which cases refer to a file: whoever may read one of them may read the file.
CREATE TABLE case_attachments (
  case_id text NOT NULL REFERENCES cases (id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (sha256, case_id)
);
