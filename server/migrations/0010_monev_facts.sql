-- Monev facts (core/monev/README.md): each case folded once by core/monev's
-- caseFactsFromEvents, with every working-minute duration computed there on the
-- server's working calendar, so the measures are filtering and aggregation in
-- SQL (server/monev/). Rows are refreshed lazily: a case whose facts are older
-- than its last event (or were folded on another calendar) is folded again
-- when measures of its SOP are asked. Times are epoch milliseconds, as in the
-- facts, so comparisons are exact and nothing depends on the session time zone.

CREATE TABLE monev_cases (
  case_id text PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  -- The case revision (last event) these facts were folded up to, and the calendar they were computed on.
  folded_revision integer NOT NULL,
  calendar_key text NOT NULL,
  sop_id text NOT NULL,
  sop_revision integer NOT NULL,
  started_at bigint NOT NULL,
  closed_at bigint,
  status text NOT NULL,
  -- Finished cases only; a case finished before outcomes counts as selesai (already so in the facts).
  outcome text,
  case_due_at bigint,
  offices text[] NOT NULL,
  lanes text[] NOT NULL,
  -- Sent back at least once (to a step or the applicant).
  returned boolean NOT NULL,
  lead_minutes double precision,
  -- Local start of the Monday-based week and of the month the case started in (the calendar's time zone).
  started_week bigint NOT NULL,
  started_month bigint NOT NULL
);
CREATE INDEX monev_cases_sop ON monev_cases (sop_id, started_at);

-- One row per visit (VisitFacts), `ordinal` its place in the case.
CREATE TABLE monev_visits (
  case_id text NOT NULL REFERENCES monev_cases (case_id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  step_id text NOT NULL,
  visit_no integer NOT NULL,
  via text,
  actor text,
  office text,
  activated_at bigint NOT NULL,
  ended_at bigint,
  end_kind text NOT NULL CHECK (end_kind IN ('done', 'returned', 'skipped', 'withdrawn', 'cancelled', 'active')),
  due_at bigint,
  measure text NOT NULL,
  wait_until bigint,
  asked boolean NOT NULL,
  work_done_at bigint,
  last_signed_at bigint,
  -- monev_returns.ordinal of the return that ended this visit.
  return_ordinal integer,
  minutes double precision,
  over_minutes double precision,
  sign_wait_minutes double precision,
  PRIMARY KEY (case_id, ordinal)
);

CREATE TABLE monev_returns (
  case_id text NOT NULL REFERENCES monev_cases (case_id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  at bigint NOT NULL,
  to_applicant boolean NOT NULL,
  reason text NOT NULL,
  resumed_at bigint,
  away_minutes double precision,
  PRIMARY KEY (case_id, ordinal)
);

CREATE TABLE monev_join_waits (
  case_id text NOT NULL REFERENCES monev_cases (case_id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  step_id text NOT NULL,
  fork_id text NOT NULL,
  first_arrival_at bigint NOT NULL,
  released_at bigint,
  minutes double precision,
  PRIMARY KEY (case_id, ordinal)
);
