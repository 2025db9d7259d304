/**
 * The outbox side of a commit: on a device linked to a server, each command
 * committed on a case the server knows is queued, in the command's own
 * transaction. A device that was never linked writes nothing here, and a
 * case that lived only on this device before the link stays local (the
 * server could not take a command on a case it never saw; such a case still
 * travels by signed bundle).
 */
import { sha256Bytes, toHex, type AttachmentRef, type CaseCommand, type FieldValues } from '../../core/engine';
import { v7 as uuidv7 } from 'uuid';
import type { RuntimeDb } from './db';

export const LINK_KEY = 'link';
/** This device's id for the server (sent with every push). Belongs to the device: a restore never takes another's. */
export const DEVICE_ID_KEY = 'deviceId';

/** This device's id, made the first time it is needed (linking, the first push, a backup of a linked device). */
export async function ensureDeviceId(db: RuntimeDb): Promise<string> {
  return db.transaction('rw', db.syncState, async () => {
    const known = (await db.syncState.get(DEVICE_ID_KEY))?.value;
    if (typeof known === 'string' && known) return known;
    const id = uuidv7();
    await db.syncState.put({ key: DEVICE_ID_KEY, value: id });
    return id;
  });
}

export interface ServerLink {
  /** The server's base URL without a trailing slash ('' for the page's own origin). */
  baseUrl: string;
  linkedAt: number;
}

export async function serverLink(db: RuntimeDb): Promise<ServerLink | undefined> {
  const value = (await db.syncState.get(LINK_KEY))?.value as ServerLink | undefined;
  return value && typeof value.baseUrl === 'string' ? value : undefined;
}

export async function isLinked(db: RuntimeDb): Promise<boolean> {
  return (await serverLink(db)) !== undefined;
}

async function sha256OfBlob(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (globalThis.crypto?.subtle) return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
  return toHex(sha256Bytes(bytes));
}

/** SHA-256 of each file, by attachment id. */
export async function attachmentHashes(files: readonly { id: string; blob: Blob }[]): Promise<Map<string, string>> {
  return new Map(await Promise.all(files.map(async (f) => [f.id, await sha256OfBlob(f.blob)] as const)));
}

export { sha256OfBlob };

function withHash<T extends AttachmentRef>(ref: T, hashes: ReadonlyMap<string, string>): T {
  const hash = hashes.get(ref.id);
  return hash && !ref.sha256 ? { ...ref, sha256: hash } : ref;
}

/**
 * The command with the content hash on each file it refers to, so the server
 * can match a file reference with the bytes it received under that hash.
 */
export function withFileHashes(command: CaseCommand, hashes: ReadonlyMap<string, string>): CaseCommand {
  const c = command as CaseCommand & { attachments?: AttachmentRef[]; fields?: FieldValues };
  const fields = c.fields
    ? Object.fromEntries(Object.entries(c.fields).map(([k, v]) => [k, Array.isArray(v) ? v.map((ref) => withHash(ref, hashes)) : v]))
    : undefined;
  return {
    ...command,
    ...(c.attachments ? { attachments: c.attachments.map((ref) => withHash(ref, hashes)) } : {}),
    ...(fields ? { fields } : {}),
  } as CaseCommand;
}

/**
 * Queues a committed command when the device is linked and the server knows
 * the case (a start while linked makes it known). Must run inside the
 * command's read-write transaction over outbox, syncState and syncCases.
 */
export async function queueForServer(
  db: RuntimeDb,
  command: CaseCommand,
  sop: { sopId: string; revision: number },
  baseRevision: number,
  hashes: ReadonlyMap<string, string> | undefined,
  now: number,
): Promise<void> {
  if (!(await isLinked(db))) return;
  if (command.type === 'case.start') await db.syncCases.put({ caseId: command.caseId, since: now });
  else if (!(await db.syncCases.get(command.caseId))) return;
  await db.outbox.add({
    commandId: command.id,
    caseId: command.caseId,
    command,
    baseRevision,
    ...(command.type === 'case.start' ? { sop: { sopId: sop.sopId, revision: sop.revision } } : {}),
    queuedAt: now,
    attachments: hashes ? [...new Set(hashes.values())] : [],
    tries: 0,
  });
}

/** Links this device to a server; commands on cases started from now on are queued for it. */
export async function setServerLink(db: RuntimeDb, baseUrl: string, now: number = Date.now()): Promise<ServerLink> {
  const link: ServerLink = { baseUrl: baseUrl.replace(/\/+$/, ''), linkedAt: now };
  await db.transaction('rw', db.syncState, async () => {
    await db.syncState.put({ key: LINK_KEY, value: link });
    // From the link on, the device has an id, so a backup of its queued work tells which device did it.
    await ensureDeviceId(db);
  });
  return link;
}
