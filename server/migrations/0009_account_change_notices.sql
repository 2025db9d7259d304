-- Each server process keeps the signed-in users it has just checked for a few
-- seconds (server/auth/signedInCache.ts), so a push does not cost a query to
-- find who is asking. Whatever changes who may do what (a user, an office, its
-- lanes, a position) or ends a session tells every process, through this NOTIFY,
-- to forget them all. Triggers rather than calls in the code, so no path that
-- writes these tables (the admin CLI, another process, plain SQL by an operator)
-- can forget to. Renewing a session's idle expiry (UPDATE of sessions) changes
-- nothing a cached check relies on: a process sees the renewal due and asks the
-- database itself.
CREATE FUNCTION notify_accounts_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sop_accounts_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER users_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_accounts_changed();
CREATE TRIGGER offices_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON offices
  FOR EACH STATEMENT EXECUTE FUNCTION notify_accounts_changed();
CREATE TRIGGER office_lanes_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON office_lanes
  FOR EACH STATEMENT EXECUTE FUNCTION notify_accounts_changed();
CREATE TRIGGER user_positions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON user_positions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_accounts_changed();
CREATE TRIGGER sessions_ended AFTER DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_accounts_changed();
