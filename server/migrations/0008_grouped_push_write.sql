-- Group commit (server/cases/pushGroupCommit.ts): pushes from several users that
-- arrive while a push is being written are decided and written together, in one
-- transaction, so the round trips and the WAL flush are paid once per group
-- rather than once per push (docs/scaling.md). A group mixes users, offices and
-- devices, so each command now names its own; everything else is as in 0006.
--
-- batch: { cases: [{ id, sop_id, sop_revision, sop_content_hash, region_code, holders, path_actors, regions, revision,
--          state }], commands: [{ commandId, caseId, userId, deviceId }],
--          events: [{ caseId, commandId, event, userId, officeId }], files: [{ caseId, sha256 }], recordedAt }
CREATE OR REPLACE FUNCTION sync_push_write(batch jsonb, channel text) RETURNS text[]
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  at_time timestamptz := (batch->>'recordedAt')::timestamptz;
  told text[];
  chunk int;
BEGIN
  INSERT INTO cases (id, sop_id, sop_revision, sop_content_hash, region_code, holder_office_ids, path_actors, revision, state, created_at, updated_at)
  SELECT r->>'id', r->>'sop_id', (r->>'sop_revision')::int, r->>'sop_content_hash', r->>'region_code',
         ARRAY(SELECT jsonb_array_elements_text(r->'holders'))::uuid[], ARRAY(SELECT jsonb_array_elements_text(r->'path_actors')),
         (r->>'revision')::int, r->'state', at_time, at_time
    FROM jsonb_array_elements(batch->'cases') AS r
  ON CONFLICT (id) DO UPDATE SET holder_office_ids = EXCLUDED.holder_office_ids, path_actors = EXCLUDED.path_actors,
         revision = EXCLUDED.revision, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at;

  WITH scope AS (
    SELECT r->>'id' AS case_id, r->>'sop_id' AS sop_id,
           ARRAY(SELECT jsonb_array_elements_text(r->'holders'))::uuid[] AS holders,
           ARRAY(SELECT jsonb_array_elements_text(r->'regions')) AS regions,
           ARRAY(SELECT jsonb_array_elements_text(r->'path_actors')) AS actors
      FROM jsonb_array_elements(batch->'cases') AS r
  ), may_see AS (
    SELECT scope.case_id, h.office_id FROM scope, unnest(scope.holders) AS h(office_id)
    UNION
    SELECT scope.case_id, l.office_id FROM scope
      JOIN office_lanes l ON l.sop_id = scope.sop_id AND l.actor_id = ANY (scope.actors)
      JOIN offices o ON o.id = l.office_id AND o.region_code = ANY (scope.regions)
  )
  INSERT INTO case_visibility (case_id, office_id)
  SELECT case_id, may_see.office_id FROM may_see ORDER BY case_id, may_see.office_id
  ON CONFLICT (case_id, office_id) DO NOTHING;

  SELECT COALESCE(array_agg(DISTINCT v.office_id::text ORDER BY v.office_id::text), '{}') INTO told
    FROM case_visibility v WHERE v.case_id IN (SELECT r->>'id' FROM jsonb_array_elements(batch->'cases') AS r);

  INSERT INTO processed_commands (command_id, case_id, user_id, device_id, processed_at)
  SELECT c->>'commandId', c->>'caseId', (c->>'userId')::uuid, c->>'deviceId', at_time
    FROM jsonb_array_elements(batch->'commands') AS c;

  INSERT INTO case_events (case_id, event_id, command_id, revision, event, user_id, office_id, recorded_at)
  SELECT x->>'caseId', x->'event'->>'id', x->>'commandId', (x->'event'->>'revision')::int, x->'event',
         (x->>'userId')::uuid, (x->>'officeId')::uuid, at_time
    FROM jsonb_array_elements(batch->'events') WITH ORDINALITY AS t(x, n) ORDER BY n;

  INSERT INTO case_attachments (case_id, sha256)
  SELECT DISTINCT f->>'caseId', f->>'sha256' FROM jsonb_array_elements(batch->'files') AS f
  ON CONFLICT DO NOTHING;

  IF cardinality(told) > 0 THEN
    FOR chunk IN 0 .. (cardinality(told) - 1) / 100 LOOP
      PERFORM pg_notify(channel, jsonb_build_object(
        'officeIds', to_jsonb(told[chunk * 100 + 1 : chunk * 100 + 100]),
        'cursor', pg_current_xact_id()::text || ':' || currval('case_feed_seq')::text)::text);
    END LOOP;
  END IF;
  RETURN told;
END
$$;
