-- Published SOP revisions: immutable and content-hashed. `document` is the
-- canonical JSON (core/engine canonicalJson) whose SHA-256 is `content_hash`,
-- so what is served hashes to what was published, byte for byte.

CREATE TABLE sop_revisions (
  sop_id text NOT NULL CHECK (sop_id ~ '^[a-z0-9][a-z0-9._-]{0,127}$'),
  revision integer NOT NULL CHECK (revision >= 1),
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  title text NOT NULL,
  document text NOT NULL,
  published_by uuid NOT NULL REFERENCES users (id),
  published_at timestamptz NOT NULL,
  PRIMARY KEY (sop_id, revision)
);

-- Cases pin a revision by number and hash: changing or removing one would
-- change the rules under running cases. The database refuses it, whoever asks.
CREATE FUNCTION refuse_sop_revision_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'published SOP revision %/% is immutable', OLD.sop_id, OLD.revision
    USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER sop_revisions_immutable
  BEFORE UPDATE OR DELETE ON sop_revisions
  FOR EACH ROW EXECUTE FUNCTION refuse_sop_revision_change();
