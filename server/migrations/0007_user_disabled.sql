-- An administrator can disable a user (someone who left the office, a lost
-- laptop) without deleting them: their name stays on every event they recorded,
-- and re-enabling them restores the account as it was. A disabled user cannot
-- sign in, and their sessions end when they are disabled.

ALTER TABLE users ADD COLUMN disabled_at timestamptz;
