-- Offices, the SOP lanes each office plays, users and the lanes each user may act as.
-- Checks repeat the application's rules so that no other writer (a console, a later
-- script) can store what the API would refuse.

CREATE TABLE offices (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  -- Kemendagri kode wilayah with dots: province, regency, district, village.
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$'),
  parent_id uuid REFERENCES offices (id) CHECK (parent_id <> id),
  created_at timestamptz NOT NULL
);
-- Case visibility matches region codes by prefix ("35.10.01" covers "35.10.01.2001").
CREATE INDEX offices_region_code ON offices (region_code text_pattern_ops);

CREATE TABLE office_lanes (
  office_id uuid NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
  sop_id text NOT NULL CHECK (sop_id ~ '^[a-z0-9][a-z0-9._-]{0,127}$'),
  actor_id text NOT NULL CHECK (actor_id ~ '^[A-Za-z][A-Za-z0-9_.-]{0,63}$'),
  PRIMARY KEY (office_id, sop_id, actor_id)
);
CREATE INDEX office_lanes_sop ON office_lanes (sop_id, actor_id);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  login text NOT NULL CHECK (char_length(login) BETWEEN 1 AND 100),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  nip text CHECK (nip ~ '^[0-9]{18}$'),
  office_id uuid NOT NULL REFERENCES offices (id),
  roles text[] NOT NULL DEFAULT '{}' CHECK (roles <@ ARRAY['admin', 'drafter', 'publisher', 'clerk']::text[]),
  -- NULL: the user signs in through an external identity provider only.
  password_hash text,
  created_at timestamptz NOT NULL,
  -- Lets user_positions reference (user, office) so a position can only name a lane of the user's own office.
  UNIQUE (id, office_id)
);
-- Logins are unique whatever their case: "Siti" and "siti" are one person signing in.
CREATE UNIQUE INDEX users_login_key ON users (lower(login));
CREATE INDEX users_office ON users (office_id);

-- A user's positions are always a subset of their office's lanes: both foreign keys enforce it.
CREATE TABLE user_positions (
  user_id uuid NOT NULL,
  office_id uuid NOT NULL,
  sop_id text NOT NULL,
  actor_id text NOT NULL,
  PRIMARY KEY (user_id, sop_id, actor_id),
  FOREIGN KEY (user_id, office_id) REFERENCES users (id, office_id) ON DELETE CASCADE,
  -- Taking a lane away from an office takes it away from its users too.
  FOREIGN KEY (office_id, sop_id, actor_id) REFERENCES office_lanes (office_id, sop_id, actor_id) ON DELETE CASCADE
);

-- External identities (an agency's OIDC provider) linked to a user.
CREATE TABLE user_identities (
  provider text NOT NULL CHECK (char_length(provider) BETWEEN 1 AND 100),
  subject text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 255),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (provider, subject)
);
CREATE INDEX user_identities_user ON user_identities (user_id);
