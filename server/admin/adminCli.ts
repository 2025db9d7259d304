/**
 * `npm run server:admin -- <command>`: account administration from the
 * server's own machine, with the same rules as the admin routes (the same
 * request schemas, then accounts/accountsService.ts). The first administrator
 * can only be made here: the API has no way to create an admin without one.
 * Passwords are never taken from the command line (other users see it in
 * `ps`): they are read from standard input, or asked for on a terminal.
 */
import { parseArgs } from 'node:util';
import type { CreateOfficeRequest, CreateUserRequest, LaneRef, Role, SetLanesRequest, UpdateUserRequest } from '../../core/sync/protocol';
import { findUserByLogin, linkIdentity, listOffices, listUsers } from '../accounts/accountsRepo';
import * as accounts from '../accounts/accountsService';
import type { Db } from '../db/db';
import { ApiFailure, fail } from '../http/apiFailure';
import { schemaRef } from '../http/requestSchemas';
import type Ajv2020 from 'ajv/dist/2020.js';
import { schemaErrorsToDiagnostics, type SchemaError } from '../../core/validation/schemaDiagnostics';

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

export const ADMIN_USAGE = `Usage / Pemakaian: npm run server:admin -- <command> [options]
  create-first-admin --office-name <name> --region-code <kode> --login <login> --name <name> [--nip <nip>]
      The first office and its administrator; refused once any user exists.
  add-office --name <name> --region-code <kode> [--parent <office id>] [--lane <sopId>/<actorId>]...
  set-lanes --office <office id> [--lane <sopId>/<actorId>]...      (the office's whole set of lanes)
  add-user --login <login> --name <name> --office <office id> [--role admin|drafter|publisher|clerk]...
           [--nip <nip>] [--position <sopId>/<actorId>]... [--no-password]
  set-roles --login <login> [--role <role>]...
  set-positions --login <login> [--position <sopId>/<actorId>]...
  set-password --login <login>                                     (signs the user out everywhere)
  disable-user --login <login>                                     (cannot sign in; signed out everywhere at once)
  enable-user --login <login>
  move-user --login <login> --office <office id> [--position <sopId>/<actorId>]... [--role <role>]...
      To another office, with positions among its lanes (none when not given) and, when given, new roles;
      signs the user out everywhere (which cases they see follows the office).
  link-identity --login <login> --provider <id> --subject <sub>     (an OIDC subject for that user)
  list                                                             (offices, their lanes, users)
Passwords are read from standard input (first line), or asked for when it is a terminal.
Environment: DATABASE_URL (PostgreSQL) or SOP_DATA_DIR (embedded database), as for npm run server.
`;

export interface AdminIo {
  db: Db;
  ajv: Ajv2020;
  now: () => Date;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a password (stdin or a terminal prompt). */
  readPassword: (prompt: string) => Promise<string>;
}

const OPTIONS = {
  'office-name': { type: 'string' },
  'region-code': { type: 'string' },
  login: { type: 'string' },
  name: { type: 'string' },
  nip: { type: 'string' },
  parent: { type: 'string' },
  office: { type: 'string' },
  lane: { type: 'string', multiple: true },
  role: { type: 'string', multiple: true },
  position: { type: 'string', multiple: true },
  provider: { type: 'string' },
  subject: { type: 'string' },
  'no-password': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Options = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

class UsageError extends Error {}

export async function runAdminCommand(argv: string[], io: AdminIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(ADMIN_USAGE);
    return command ? EXIT_OK : EXIT_USAGE;
  }
  try {
    const { values } = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: false });
    const options = values as Options;
    if (options.help) {
      io.stdout(ADMIN_USAGE);
      return EXIT_OK;
    }
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(`Perintah tidak dikenal / Unknown command: ${command}`);
    await run(options, io);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${(error as Error).message}\n\n${ADMIN_USAGE}`);
      return EXIT_USAGE;
    }
    if (error instanceof ApiFailure) {
      io.stderr(`${error.text.id}\n${error.text.en}\n`);
      for (const [where, message] of Object.entries(error.details ?? {})) io.stderr(`  ${where}: ${message.id} / ${message.en}\n`);
      return EXIT_REFUSED;
    }
    throw error;
  }
}

type Command = (options: Options, io: AdminIo) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  async 'create-first-admin'(o, io) {
    const office = checked<CreateOfficeRequest>(io, 'admin', 'CreateOfficeRequest', { name: required(o, 'office-name'), regionCode: required(o, 'region-code') });
    const admin = { login: required(o, 'login'), name: required(o, 'name'), ...(o.nip ? { nip: o.nip } : {}) };
    const password = await newPassword(io);
    checked<CreateUserRequest>(io, 'admin', 'CreateUserRequest', { ...admin, officeId: '00000000-0000-4000-8000-000000000000', roles: ['admin'], password });
    const result = await accounts.createFirstAdmin(io.db, { office, admin: { ...admin, password } }, io.now());
    io.stdout(`office ${result.office.id} ${result.office.regionCode} ${result.office.name}\nadmin  ${result.user.id} ${result.user.login}\n`);
  },

  async 'add-office'(o, io) {
    const input = checked<CreateOfficeRequest>(io, 'admin', 'CreateOfficeRequest', {
      name: required(o, 'name'),
      regionCode: required(o, 'region-code'),
      ...(o.parent ? { parentId: o.parent } : {}),
      lanes: lanes(o.lane),
    });
    const office = await accounts.createOffice(io.db, input, io.now());
    io.stdout(`office ${office.id} ${office.regionCode} ${office.name}\n`);
  },

  async 'set-lanes'(o, io) {
    const officeId = checked<{ officeId: string }>(io, 'admin', 'OfficeParams', { officeId: required(o, 'office') }).officeId;
    const input = checked<SetLanesRequest>(io, 'admin', 'SetLanesRequest', { lanes: lanes(o.lane) });
    const office = await accounts.setOfficeLanes(io.db, officeId, input.lanes);
    io.stdout(`office ${office.id} lanes: ${office.lanes.map(laneText).join(', ') || '-'}\n`);
  },

  async 'add-user'(o, io) {
    const base = {
      login: required(o, 'login'),
      name: required(o, 'name'),
      officeId: required(o, 'office'),
      roles: (o.role ?? []) as Role[],
      positions: lanes(o.position),
      ...(o.nip ? { nip: o.nip } : {}),
    };
    const password = o['no-password'] ? undefined : await newPassword(io);
    const input = checked<CreateUserRequest>(io, 'admin', 'CreateUserRequest', password === undefined ? base : { ...base, password });
    const user = await accounts.createUser(io.db, input, io.now());
    io.stdout(`user ${user.id} ${user.login} roles: ${user.roles.join(', ') || '-'}\n`);
  },

  async 'set-roles'(o, io) {
    const user = await userByLogin(io, required(o, 'login'));
    const input = checked<UpdateUserRequest>(io, 'admin', 'UpdateUserRequest', { roles: o.role ?? [] });
    const updated = await accounts.updateUser(io.db, user.id, input);
    io.stdout(`user ${updated.login} roles: ${updated.roles.join(', ') || '-'}\n`);
  },

  async 'set-positions'(o, io) {
    const user = await userByLogin(io, required(o, 'login'));
    const input = checked<UpdateUserRequest>(io, 'admin', 'UpdateUserRequest', { positions: lanes(o.position) });
    const updated = await accounts.updateUser(io.db, user.id, input);
    io.stdout(`user ${updated.login} positions: ${updated.positions.map(laneText).join(', ') || '-'}\n`);
  },

  async 'set-password'(o, io) {
    const user = await userByLogin(io, required(o, 'login'));
    const input = checked<UpdateUserRequest>(io, 'admin', 'UpdateUserRequest', { password: await newPassword(io) });
    await accounts.updateUser(io.db, user.id, input);
    io.stdout(`user ${user.login}: password set, every session ended\n`);
  },

  async 'disable-user'(o, io) {
    const user = await userByLogin(io, required(o, 'login'));
    await accounts.setUserDisabled(io.db, user.id, true, io.now());
    io.stdout(`user ${user.login}: disabled, every session ended\n`);
  },

  async 'enable-user'(o, io) {
    const user = await userByLogin(io, required(o, 'login'));
    await accounts.setUserDisabled(io.db, user.id, false, io.now());
    io.stdout(`user ${user.login}: enabled\n`);
  },

  async 'move-user'(o, io) {
    const user = await userByLogin(io, required(o, 'login'));
    const officeId = checked<{ officeId: string }>(io, 'admin', 'OfficeParams', { officeId: required(o, 'office') }).officeId;
    const input = checked<UpdateUserRequest>(io, 'admin', 'UpdateUserRequest', { positions: lanes(o.position), ...(o.role ? { roles: o.role } : {}) });
    const moved = await accounts.moveUser(io.db, user.id, { officeId, positions: input.positions ?? [], ...(input.roles ? { roles: input.roles } : {}) });
    io.stdout(`user ${moved.login} moved to office ${moved.officeId} roles: ${moved.roles.join(', ') || '-'} positions: ${moved.positions.map(laneText).join(', ') || '-'}; every session ended\n`);
  },

  async 'link-identity'(o, io) {
    const user = await userByLogin(io, required(o, 'login'));
    await linkIdentity(io.db, required(o, 'provider'), required(o, 'subject'), user.id);
    io.stdout(`user ${user.login} signs in as ${o.provider} subject ${o.subject}\n`);
  },

  async list(_o, io) {
    const users = await listUsers(io.db);
    for (const office of await listOffices(io.db)) {
      io.stdout(`office ${office.id} ${office.regionCode} ${office.name}${office.parentId ? ` (parent ${office.parentId})` : ''}\n`);
      io.stdout(`  lanes: ${office.lanes.map(laneText).join(', ') || '-'}\n`);
      for (const user of users.filter((u) => u.officeId === office.id)) {
        io.stdout(`  user ${user.login} "${user.name}"${user.disabled ? ' (disabled)' : ''}${user.nip ? ` NIP ${user.nip}` : ''} roles: ${user.roles.join(', ') || '-'} positions: ${user.positions.map(laneText).join(', ') || '-'}\n`);
      }
    }
  },
};

function required(options: Options, name: keyof Options): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} wajib diisi / --${name} is required`);
  return value;
}

/** "lmj-01-ugb/staf" → { sopId, actorId }; the schema checks both parts. */
function lanes(values: string[] | undefined): LaneRef[] {
  return (values ?? []).map((value) => {
    const slash = value.indexOf('/');
    if (slash < 0) throw new UsageError(`Lajur ditulis <sopId>/<actorId> / A lane is written <sopId>/<actorId>: ${value}`);
    return { sopId: value.slice(0, slash), actorId: value.slice(slash + 1) };
  });
}

const laneText = (lane: LaneRef) => `${lane.sopId}/${lane.actorId}`;

/** Validates with the route's request schema, so the CLI accepts exactly what the API accepts. */
function checked<T>(io: AdminIo, file: string, definition: string, value: unknown): T {
  const validate = io.ajv.getSchema(schemaRef(file, definition))!;
  if (validate(value)) return value as T;
  const details = Object.fromEntries(schemaErrorsToDiagnostics((validate.errors ?? []) as SchemaError[]).map((d) => [d.pointer || '/', d.message]));
  throw fail(400, 'request.invalid', 'Isian tidak sah.', 'Invalid input.', details);
}

async function userByLogin(io: AdminIo, login: string) {
  const user = await findUserByLogin(io.db, login);
  if (!user) throw fail(404, 'user.unknown', `Pengguna "${login}" tidak ditemukan.`, `No user "${login}".`);
  return user;
}

async function newPassword(io: AdminIo): Promise<string> {
  const password = await io.readPassword('Kata sandi baru / New password: ');
  if (password === '') throw new UsageError('Kata sandi kosong / The password is empty (give it on standard input or at the prompt)');
  return password;
}
