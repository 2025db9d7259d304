/**
 * SQL for the accounts aggregate: offices, their lanes, users, their positions
 * and linked external identities. No rules here beyond what the tables enforce;
 * accountsService.ts checks input and turns violations into bilingual refusals.
 */
import type { LaneRef, Office, OfficeWithLanes, Role, User } from '../../core/sync/protocol';
import type { Queryable } from '../db/db';
import { SESSION_COLUMNS, type SessionRow } from './sessionsRepo';

interface OfficeRow {
  id: string;
  name: string;
  region_code: string;
  parent_id: string | null;
}

interface UserRow {
  id: string;
  login: string;
  name: string;
  nip: string | null;
  office_id: string;
  roles: Role[];
  positions: LaneRef[] | null;
  disabled_at: Date | null;
}

export interface UserWithCredentials extends User {
  passwordHash: string | null;
}

/** The user as the API shows it: never the password hash. */
export function publicUser({ passwordHash: _secret, ...user }: UserWithCredentials): User {
  return user;
}

const officeOf = (row: OfficeRow): Office => ({ id: row.id, name: row.name, regionCode: row.region_code, parentId: row.parent_id });

const userOf = (row: UserRow): User => ({
  id: row.id,
  login: row.login,
  name: row.name,
  ...(row.nip ? { nip: row.nip } : {}),
  officeId: row.office_id,
  roles: [...row.roles].sort(),
  positions: sortLanes(row.positions ?? []),
  ...(row.disabled_at ? { disabled: true as const } : {}),
});

export function sortLanes(lanes: readonly LaneRef[]): LaneRef[] {
  return [...lanes].sort((a, b) => a.sopId.localeCompare(b.sopId) || a.actorId.localeCompare(b.actorId));
}

// Positions are aggregated as JSON in the same query: one round trip per user list.
const USER_SELECT = `
  SELECT u.id, u.login, u.name, u.nip, u.office_id, u.roles, u.password_hash, u.disabled_at,
         (SELECT json_agg(json_build_object('sopId', p.sop_id, 'actorId', p.actor_id))
            FROM user_positions p WHERE p.user_id = u.id) AS positions
    FROM users u`;

// ---- offices -------------------------------------------------------------

export async function insertOffice(db: Queryable, office: Office, createdAt: Date): Promise<void> {
  await db.query('INSERT INTO offices (id, name, region_code, parent_id, created_at) VALUES ($1, $2, $3, $4, $5)', [
    office.id,
    office.name,
    office.regionCode,
    office.parentId,
    createdAt,
  ]);
}

export async function findOffice(db: Queryable, id: string): Promise<Office | undefined> {
  const { rows } = await db.query<OfficeRow>('SELECT id, name, region_code, parent_id FROM offices WHERE id = $1', [id]);
  return rows[0] && officeOf(rows[0]);
}

export async function renameOffice(db: Queryable, id: string, name: string): Promise<boolean> {
  return (await db.query('UPDATE offices SET name = $2 WHERE id = $1', [id, name])).rowCount > 0;
}

export async function listOffices(db: Queryable): Promise<OfficeWithLanes[]> {
  const { rows } = await db.query<OfficeRow & { lanes: LaneRef[] | null }>(`
    SELECT o.id, o.name, o.region_code, o.parent_id,
           (SELECT json_agg(json_build_object('sopId', l.sop_id, 'actorId', l.actor_id))
              FROM office_lanes l WHERE l.office_id = o.id) AS lanes
      FROM offices o
     ORDER BY o.region_code, o.name, o.id`);
  return rows.map((row) => ({ ...officeOf(row), lanes: sortLanes(row.lanes ?? []) }));
}

/**
 * Who a session cookie signs in, in one query (every signed-in request asks): the session row, the user with
 * positions, the office with its lanes. Undefined when no session has this hash.
 */
export async function findSignedIn(
  db: Queryable,
  tokenHash: string,
): Promise<{ session: SessionRow; user: UserWithCredentials; office: Office; lanes: LaneRef[] } | undefined> {
  const { rows } = await db.query<SessionRow & UserRow & { password_hash: string | null; office_name: string; office_region_code: string; office_parent_id: string | null; office_lanes: LaneRef[] | null }>(
    `SELECT ${SESSION_COLUMNS},
            u.id, u.login, u.name, u.nip, u.office_id, u.roles, u.password_hash, u.disabled_at,
            (SELECT json_agg(json_build_object('sopId', p.sop_id, 'actorId', p.actor_id)) FROM user_positions p WHERE p.user_id = u.id) AS positions,
            o.name AS office_name, o.region_code AS office_region_code, o.parent_id AS office_parent_id,
            (SELECT json_agg(json_build_object('sopId', l.sop_id, 'actorId', l.actor_id)) FROM office_lanes l WHERE l.office_id = o.id) AS office_lanes
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN offices o ON o.id = u.office_id
      WHERE s.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    session: row,
    user: { ...userOf(row), passwordHash: row.password_hash },
    office: officeOf({ id: row.office_id, name: row.office_name, region_code: row.office_region_code, parent_id: row.office_parent_id }),
    lanes: sortLanes(row.office_lanes ?? []),
  };
}

export async function officeLanes(db: Queryable, officeId: string): Promise<LaneRef[]> {
  const { rows } = await db.query<{ sop_id: string; actor_id: string }>('SELECT sop_id, actor_id FROM office_lanes WHERE office_id = $1', [officeId]);
  return sortLanes(rows.map((r) => ({ sopId: r.sop_id, actorId: r.actor_id })));
}

/** Makes the office's lanes exactly `lanes`; positions on removed lanes go with them (foreign key cascade). */
export async function replaceOfficeLanes(db: Queryable, officeId: string, lanes: readonly LaneRef[]): Promise<void> {
  const sopIds = lanes.map((l) => l.sopId);
  const actorIds = lanes.map((l) => l.actorId);
  await db.query(
    `DELETE FROM office_lanes l
      WHERE l.office_id = $1
        AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[]) AS keep(sop_id, actor_id)
                         WHERE keep.sop_id = l.sop_id AND keep.actor_id = l.actor_id)`,
    [officeId, sopIds, actorIds],
  );
  await db.query(
    `INSERT INTO office_lanes (office_id, sop_id, actor_id)
     SELECT $1, sop_id, actor_id FROM unnest($2::text[], $3::text[]) AS lane(sop_id, actor_id)
     ON CONFLICT DO NOTHING`,
    [officeId, sopIds, actorIds],
  );
}

// ---- users ---------------------------------------------------------------

export interface NewUserRow {
  id: string;
  login: string;
  name: string;
  nip: string | null;
  officeId: string;
  roles: Role[];
  passwordHash: string | null;
}

export async function insertUser(db: Queryable, user: NewUserRow, createdAt: Date): Promise<void> {
  await db.query(
    'INSERT INTO users (id, login, name, nip, office_id, roles, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [user.id, user.login, user.name, user.nip, user.officeId, user.roles, user.passwordHash, createdAt],
  );
}

export async function countUsers(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return rows[0]!.n;
}

export async function findUser(db: Queryable, id: string): Promise<UserWithCredentials | undefined> {
  const { rows } = await db.query<UserRow & { password_hash: string | null }>(`${USER_SELECT} WHERE u.id = $1`, [id]);
  return rows[0] && { ...userOf(rows[0]), passwordHash: rows[0].password_hash };
}

/** The user with this login, whatever its case. */
export async function findUserByLogin(db: Queryable, login: string): Promise<UserWithCredentials | undefined> {
  const { rows } = await db.query<UserRow & { password_hash: string | null }>(`${USER_SELECT} WHERE lower(u.login) = lower($1)`, [login]);
  return rows[0] && { ...userOf(rows[0]), passwordHash: rows[0].password_hash };
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const { rows } = await db.query<UserRow>(`${USER_SELECT} ORDER BY lower(u.login)`);
  return rows.map(userOf);
}

export async function updateUserFields(
  db: Queryable,
  id: string,
  fields: { name?: string; nip?: string | null; roles?: Role[]; passwordHash?: string },
): Promise<boolean> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  const set = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  if (fields.name !== undefined) set('name', fields.name);
  if (fields.nip !== undefined) set('nip', fields.nip);
  if (fields.roles !== undefined) set('roles', fields.roles);
  if (fields.passwordHash !== undefined) set('password_hash', fields.passwordHash);
  if (sets.length === 0) return (await db.query('SELECT 1 FROM users WHERE id = $1', [id])).rowCount > 0;
  return (await db.query(`UPDATE users SET ${sets.join(', ')} WHERE id = $1`, params)).rowCount > 0;
}

/** Disables the user (now) or enables them again (null). */
export async function setUserDisabledAt(db: Queryable, id: string, disabledAt: Date | null): Promise<boolean> {
  return (await db.query('UPDATE users SET disabled_at = $2 WHERE id = $1', [id, disabledAt])).rowCount > 0;
}

/**
 * Moves the user to another office. Their positions name lanes of the old office (the foreign keys tie a
 * position to the user's office), so they are removed first; the caller sets the new ones.
 */
export async function moveUserToOffice(db: Queryable, id: string, officeId: string): Promise<boolean> {
  await db.query('DELETE FROM user_positions WHERE user_id = $1', [id]);
  return (await db.query('UPDATE users SET office_id = $2 WHERE id = $1', [id, officeId])).rowCount > 0;
}

/** Makes the user's positions exactly `positions`; the foreign keys refuse a lane their office lacks. */
export async function replaceUserPositions(db: Queryable, userId: string, officeId: string, positions: readonly LaneRef[]): Promise<void> {
  await db.query('DELETE FROM user_positions WHERE user_id = $1', [userId]);
  await db.query(
    `INSERT INTO user_positions (user_id, office_id, sop_id, actor_id)
     SELECT $1, $2, sop_id, actor_id FROM unnest($3::text[], $4::text[]) AS lane(sop_id, actor_id)
     ON CONFLICT DO NOTHING`,
    [userId, officeId, positions.map((p) => p.sopId), positions.map((p) => p.actorId)],
  );
}

// ---- external identities ---------------------------------------------------

export async function linkIdentity(db: Queryable, provider: string, subject: string, userId: string): Promise<void> {
  await db.query('INSERT INTO user_identities (provider, subject, user_id) VALUES ($1, $2, $3) ON CONFLICT (provider, subject) DO UPDATE SET user_id = $3', [
    provider,
    subject,
    userId,
  ]);
}

export async function findUserByIdentity(db: Queryable, provider: string, subject: string): Promise<UserWithCredentials | undefined> {
  const { rows } = await db.query<{ user_id: string }>('SELECT user_id FROM user_identities WHERE provider = $1 AND subject = $2', [provider, subject]);
  return rows[0] ? findUser(db, rows[0].user_id) : undefined;
}
