-- Sign-ins started at an OpenID Connect provider and not yet finished. The
-- browser holds a random value in a short-lived cookie; only its SHA-256 is
-- stored, beside the state, nonce and PKCE verifier the callback must check.
-- Each row is used once (deleted by the callback) and lives ten minutes at most.

CREATE TABLE oidc_logins (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  provider text NOT NULL,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL CHECK (char_length(code_verifier) >= 43),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
);
CREATE INDEX oidc_logins_expiry ON oidc_logins (expires_at);
