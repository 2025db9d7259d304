-- Sessions: only the SHA-256 of the cookie value is stored, so a copy of this
-- table does not let anyone sign in. Idle and absolute expiry are both kept.

CREATE TABLE sessions (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL CHECK (char_length(csrf_token) >= 32),
  provider text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  idle_expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL CHECK (absolute_expires_at > created_at)
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_absolute_expiry ON sessions (absolute_expires_at);

-- Failed sign-ins, counted per login and per client address over a sliding window.
-- Kept in the database, not in process memory, so the limit holds across server
-- processes and restarts.
CREATE TABLE login_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login_key text NOT NULL,
  address text NOT NULL,
  failed_at timestamptz NOT NULL
);
CREATE INDEX login_failures_login ON login_failures (login_key, failed_at);
CREATE INDEX login_failures_address ON login_failures (address, failed_at);
