/**
 * The rules for offices, lanes and users, shared by the admin routes and the
 * admin CLI. Input has passed the request schemas (schemas/server); what a
 * schema cannot say (a NIP's digits, a parent office's region, positions
 * within the office's lanes, unique logins) is checked here, and every
 * refusal is a bilingual ApiFailure. Each operation is one transaction:
 * a refusal writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { checkNip } from '../../core/people/nip';
import type { CreateOfficeRequest, CreateUserRequest, LaneRef, OfficeWithLanes, Role, UpdateUserRequest, User } from '../../core/sync/protocol';
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, constraintOf, sqlStateOf, type Db, type Queryable } from '../db/db';
import { ApiFailure, fail } from '../http/apiFailure';
import * as repo from './accountsRepo';
import { hashPassword } from './passwords';
import { checkRegionCode, regionCovers } from './regionCode';
import { deleteSessionsOfUser } from './sessionsRepo';
import { notifyOfficeLanesChanged } from '../publication/catalogueNotice';

export async function createOffice(db: Db, input: CreateOfficeRequest, now: Date): Promise<OfficeWithLanes> {
  return db.transaction((tx) => insertOfficeChecked(tx, input, now));
}

async function insertOfficeChecked(tx: Queryable, input: CreateOfficeRequest, now: Date): Promise<OfficeWithLanes> {
  const region = checkRegionCode(input.regionCode);
  if (!region.ok) throw new ApiFailure(422, 'request.invalid', region.problem, { '/regionCode': region.problem });
  const parentId = input.parentId ?? null;
  if (parentId) {
    const parent = await repo.findOffice(tx, parentId);
    if (!parent) throw fail(422, 'office.parentUnknown', 'Kantor induk tidak ditemukan.', 'The parent office does not exist.');
    // A village office sits under its district's, a district's under its regency's: never across regions.
    if (!regionCovers(parent.regionCode, input.regionCode)) {
      throw fail(
        422,
        'office.regionOutsideParent',
        `Kode wilayah ${input.regionCode} tidak berada di wilayah kantor induk (${parent.regionCode}).`,
        `Region code ${input.regionCode} is not within the parent office's region (${parent.regionCode}).`,
      );
    }
  }
  const office = { id: randomUUID(), name: input.name, regionCode: input.regionCode, parentId };
  await repo.insertOffice(tx, office, now);
  await repo.replaceOfficeLanes(tx, office.id, uniqueLanes(input.lanes ?? []));
  return { ...office, lanes: await repo.officeLanes(tx, office.id) };
}

export async function renameOffice(db: Db, officeId: string, name: string): Promise<OfficeWithLanes> {
  return db.transaction(async (tx) => {
    if (!(await repo.renameOffice(tx, officeId, name))) throw officeUnknown();
    return { ...(await repo.findOffice(tx, officeId))!, lanes: await repo.officeLanes(tx, officeId) };
  });
}

/** Sets the office's whole set of lanes; users lose positions on lanes taken away. */
export async function setOfficeLanes(db: Db, officeId: string, lanes: readonly LaneRef[]): Promise<OfficeWithLanes> {
  return db.transaction(async (tx) => {
    const office = await repo.findOffice(tx, officeId);
    if (!office) throw officeUnknown();
    await repo.replaceOfficeLanes(tx, officeId, uniqueLanes(lanes));
    await notifyOfficeLanesChanged(tx, officeId);
    return { ...office, lanes: await repo.officeLanes(tx, officeId) };
  });
}

export async function createUser(db: Db, input: CreateUserRequest, now: Date): Promise<User> {
  const nip = normalizedNip(input.nip);
  // Hashing is slow on purpose: do it before the transaction holds any lock.
  const passwordHash = input.password === undefined ? null : await hashPassword(checkedPassword(input.password, input.login));
  return db.transaction(async (tx) => {
    const office = await repo.findOffice(tx, input.officeId);
    if (!office) throw officeUnknown();
    const id = randomUUID();
    await guardAccountWrites(async () => {
      await repo.insertUser(tx, { id, login: input.login, name: input.name, nip, officeId: office.id, roles: uniqueSorted(input.roles), passwordHash }, now);
      await setPositionsChecked(tx, id, office.id, input.positions ?? []);
    });
    return repo.publicUser((await repo.findUser(tx, id))!);
  });
}

export async function updateUser(db: Db, userId: string, input: UpdateUserRequest): Promise<User> {
  const nip = input.nip === undefined ? undefined : input.nip === null ? null : normalizedNip(input.nip);
  const current = await repo.findUser(db, userId);
  if (!current) throw userUnknown();
  const passwordHash = input.password === undefined ? undefined : await hashPassword(checkedPassword(input.password, current.login));
  return db.transaction(async (tx) => {
    const user = await repo.findUser(tx, userId);
    if (!user) throw userUnknown();
    await guardAccountWrites(async () => {
      await repo.updateUserFields(tx, userId, { name: input.name, nip, roles: input.roles && uniqueSorted(input.roles), passwordHash });
      if (input.positions !== undefined) await setPositionsChecked(tx, userId, user.officeId, input.positions);
    });
    if (input.positions !== undefined) await notifyOfficeLanesChanged(tx, user.officeId);
    // A new password ends every session: whoever held the old one is signed out.
    if (passwordHash !== undefined) await deleteSessionsOfUser(tx, userId);
    return repo.publicUser((await repo.findUser(tx, userId))!);
  });
}

/**
 * Disables a user, or enables them again. Disabling ends every session at
 * once (an open stream hears it at its next check): someone who left the
 * office must not go on working from a browser that was still signed in.
 */
export async function setUserDisabled(db: Db, userId: string, disabled: boolean, now: Date): Promise<User> {
  return db.transaction(async (tx) => {
    const user = await repo.findUser(tx, userId);
    if (!user) throw userUnknown();
    // Disabling twice keeps the first date: it says since when the account has been off.
    if (disabled !== !!user.disabled) await repo.setUserDisabledAt(tx, userId, disabled ? now : null);
    if (disabled) await deleteSessionsOfUser(tx, userId);
    return repo.publicUser((await repo.findUser(tx, userId))!);
  });
}

/**
 * Moves a user to another office with the positions (lanes of the new
 * office) and, when given, the roles they hold there. Every session ends:
 * which cases a user sees follows their office, and a signed-in browser
 * must not keep the old office's view.
 */
export async function moveUser(db: Db, userId: string, input: { officeId: string; positions: readonly LaneRef[]; roles?: readonly Role[] }): Promise<User> {
  return db.transaction(async (tx) => {
    const user = await repo.findUser(tx, userId);
    if (!user) throw userUnknown();
    const office = await repo.findOffice(tx, input.officeId);
    if (!office) throw officeUnknown();
    await guardAccountWrites(async () => {
      await repo.moveUserToOffice(tx, userId, office.id);
      await setPositionsChecked(tx, userId, office.id, input.positions);
      if (input.roles) await repo.updateUserFields(tx, userId, { roles: uniqueSorted(input.roles) });
    });
    await deleteSessionsOfUser(tx, userId);
    for (const officeId of new Set([user.officeId, office.id])) await notifyOfficeLanesChanged(tx, officeId);
    return repo.publicUser((await repo.findUser(tx, userId))!);
  });
}

/**
 * The first administrator and their office, only while no user exists.
 * Under an advisory lock so two simultaneous calls cannot both succeed.
 */
export async function createFirstAdmin(
  db: Db,
  input: { office: CreateOfficeRequest; admin: Omit<CreateUserRequest, 'officeId' | 'roles'> & { password: string } },
  now: Date,
): Promise<{ office: OfficeWithLanes; user: User }> {
  const nip = normalizedNip(input.admin.nip);
  const passwordHash = await hashPassword(checkedPassword(input.admin.password, input.admin.login));
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7310011)');
    if ((await repo.countUsers(tx)) > 0) {
      throw fail(
        409,
        'request.invalid',
        'Sudah ada pengguna: admin pertama hanya dibuat sekali. Gunakan add-user dengan akun admin.',
        'Users exist already: the first admin is created only once. Use add-user instead.',
      );
    }
    const office = await insertOfficeChecked(tx, input.office, now);
    const id = randomUUID();
    await guardAccountWrites(() =>
      repo.insertUser(tx, { id, login: input.admin.login, name: input.admin.name, nip, officeId: office.id, roles: ['admin'], passwordHash }, now),
    );
    return { office, user: repo.publicUser((await repo.findUser(tx, id))!) };
  });
}

async function setPositionsChecked(tx: Queryable, userId: string, officeId: string, positions: readonly LaneRef[]): Promise<void> {
  const lanes = await repo.officeLanes(tx, officeId);
  const held = new Set(lanes.map(laneKey));
  const missing = uniqueLanes(positions).filter((p) => !held.has(laneKey(p)));
  if (missing.length > 0) {
    const list = missing.map((p) => `${p.sopId}/${p.actorId}`).join(', ');
    throw fail(
      422,
      'user.positionNotInOffice',
      `Posisi harus lajur kantor pengguna; kantor ini tidak memegang: ${list}.`,
      `Positions must be lanes of the user's office; this office does not hold: ${list}.`,
    );
  }
  await repo.replaceUserPositions(tx, userId, officeId, uniqueLanes(positions));
}

/** Turns the constraint violations a concurrent writer can still cause into refusals. */
async function guardAccountWrites(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (sqlStateOf(error) === PG_UNIQUE_VIOLATION && constraintOf(error) === 'users_login_key') {
      throw fail(409, 'user.loginTaken', 'Nama masuk ini sudah dipakai pengguna lain.', 'This login is already taken by another user.');
    }
    if (sqlStateOf(error) === PG_FOREIGN_KEY_VIOLATION && constraintOf(error)?.startsWith('user_positions')) {
      throw fail(422, 'user.positionNotInOffice', 'Posisi harus lajur kantor pengguna.', "Positions must be lanes of the user's office.");
    }
    throw error;
  }
}

function normalizedNip(nip: string | undefined): string | null {
  if (nip === undefined) return null;
  const check = checkNip(nip);
  if (!check.ok) throw new ApiFailure(422, 'user.nipInvalid', check.problem, { '/nip': check.problem });
  return check.nip;
}

function checkedPassword(password: string, login: string): string {
  if (password.length < 10 || password.toLowerCase().includes(login.toLowerCase())) {
    throw fail(
      422,
      'user.passwordTooWeak',
      'Kata sandi minimal 10 karakter dan tidak boleh memuat nama masuk.',
      'A password has at least 10 characters and must not contain the login.',
    );
  }
  return password;
}

const laneKey = (lane: LaneRef) => `${lane.sopId}\u0000${lane.actorId}`;

function uniqueLanes(lanes: readonly LaneRef[]): LaneRef[] {
  const seen = new Map<string, LaneRef>();
  for (const lane of lanes) seen.set(laneKey(lane), { sopId: lane.sopId, actorId: lane.actorId });
  return repo.sortLanes([...seen.values()]);
}

const uniqueSorted = <T extends string>(values: readonly T[]): T[] => [...new Set(values)].sort();

export const officeUnknown = () => fail(404, 'office.unknown', 'Kantor tidak ditemukan.', 'The office does not exist.');
export const userUnknown = () => fail(404, 'user.unknown', 'Pengguna tidak ditemukan.', 'The user does not exist.');
