-- The sync push in two calls (server/cases/pushCommands.ts): one locks the
-- cases a push names and reads what deciding needs, the other writes what the
-- engine decided. Between them the server runs the engine in memory. A dozen
-- round trips per push became two, and on two cores each round trip costs a
-- context switch on both sides (docs/scaling.md).

-- Locks the named cases in key order (so two pushes naming the same cases
-- never wait on each other in a circle), then reads, with a snapshot taken
-- after the locks: the command ids already taken (with their case), the named
-- cases locked FOR UPDATE, and, unlocked, the other cases those ids were taken on.
-- An advisory lock takes no transaction id, so the id is assigned only once the
-- locks are held, and one case's transactions get increasing ids in the order
-- they run (the pull feed relies on it).
CREATE FUNCTION sync_push_read(case_ids text[], command_ids text[], lock_seed bigint) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  known jsonb;
  named jsonb;
  elsewhere jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock(k)
     FROM (SELECT DISTINCT hashtextextended(id, lock_seed) AS k FROM unnest(case_ids) AS id ORDER BY k) AS keys;
  -- Each statement of a volatile function takes a new snapshot: these see every push that held the locks before.
  SELECT COALESCE(jsonb_object_agg(command_id, case_id), '{}'::jsonb) INTO known
    FROM processed_commands WHERE command_id = ANY (command_ids);
  SELECT COALESCE(jsonb_agg(to_jsonb(c)), '[]'::jsonb) INTO named
    FROM (SELECT id, sop_id, sop_revision, sop_content_hash, region_code, holder_office_ids::text[] AS holder_office_ids,
                 path_actors, revision, state
            FROM cases WHERE id = ANY (case_ids) ORDER BY id FOR UPDATE) AS c;
  SELECT COALESCE(jsonb_agg(to_jsonb(c)), '[]'::jsonb) INTO elsewhere
    FROM (SELECT id, sop_id, sop_revision, sop_content_hash, region_code, holder_office_ids::text[] AS holder_office_ids,
                 path_actors, revision, state
            FROM cases
           WHERE id IN (SELECT value FROM jsonb_each_text(known)) AND NOT (id = ANY (case_ids))) AS c;
  RETURN jsonb_build_object('known', known, 'cases', named || elsewhere);
END
$$;

-- Writes a decided push, in the order the pull feed needs: the cases, then the
-- grants of offices that come to see a case (a grant stands for the case up to
-- it, so its earlier history comes before this push's events in the feed), then
-- the command ids and their events in command order, then the files the commands
-- refer to. NOTIFYs the offices granted any of the cases (delivered on commit),
-- in chunks under NOTIFY's 8000-byte limit, and returns them.
--
-- batch: { cases: [{ id, sop_id, sop_revision, sop_content_hash, region_code, holders, path_actors, regions, revision,
--          state }], commands: [{ commandId, caseId }], events: [{ caseId, commandId, event }],
--          files: [{ caseId, sha256 }], userId, officeId, deviceId, recordedAt }
-- `regions` are the region codes covering the case's (an office there may see it).
CREATE FUNCTION sync_push_write(batch jsonb, channel text) RETURNS text[]
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  at_time timestamptz := (batch->>'recordedAt')::timestamptz;
  by_user uuid := (batch->>'userId')::uuid;
  by_office uuid := (batch->>'officeId')::uuid;
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

  -- Who may see each case now (server/cases/caseVisibility.ts): its holders, and the offices with a lane on its
  -- path whose region covers the case's. Two index lookups, not a scan of every office. Inserted in
  -- (case, office) order, so two transactions granting the same rows take their locks in the same order.
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
  SELECT c->>'commandId', c->>'caseId', by_user, batch->>'deviceId', at_time
    FROM jsonb_array_elements(batch->'commands') AS c;

  INSERT INTO case_events (case_id, event_id, command_id, revision, event, user_id, office_id, recorded_at)
  SELECT x->>'caseId', x->'event'->>'id', x->>'commandId', (x->'event'->>'revision')::int, x->'event', by_user, by_office, at_time
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
