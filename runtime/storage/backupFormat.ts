/**
 * The backup file: writing it, and reading it (this format and the
 * dexie-export-import format that earlier versions wrote) into plain rows.
 *
 * Written row by row into a Blob made of parts, so a large database is never
 * one giant string; Blobs are read with `blob.arrayBuffer()` (no `fetch` of
 * blob: URLs, which the CSP forbids) and stored as base64 with their SHA-256.
 * Reading never touches the database: it only parses and revives.
 */
import type { LocalizedText } from '../../core/engine';
import { sha256Bytes, toHex } from '../../core/engine';
import { SCHEMA_VERSION, withoutChangeStamp, type RuntimeDb } from './db';
import { fromBase64, sha256OfBytes, toBase64 } from './bytes';
import { originalOf } from '../../core/migrations';

export const BACKUP_FORMAT = 'sop-studio.runtime-backup';
/**
 * 2: the sync tables (schema 3) are in the file. Version 1 files never held
 * them, whatever their schema: they are read with those tables empty.
 * 3: the monev forms (schema 4) are in the file; older files are read with
 * that table empty.
 */
export const BACKUP_FORMAT_VERSION = 3;
const READABLE_FORMAT_VERSIONS = [1, 2, 3];
/** The sync tables (schema 3): queued commands, review items, the link and cursor, the cases the server knows. */
export const SYNC_TABLES = ['outbox', 'review', 'syncState', 'syncCases'] as const;
/** The monev forms (schema 4): the Permenpan monitoring and evaluation forms filled on this device. */
export const MONEV_TABLES = ['monevForms'] as const;
/** The tables of a backup, in the order they are written and restored. */
export const BACKUP_TABLES = ['sops', 'cases', 'events', 'attachments', 'drafts', 'meta', ...SYNC_TABLES, ...MONEV_TABLES] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];
/** The schema version that added the sync tables. */
export const SYNC_SCHEMA_VERSION = 3;
/** The schema version that added the monev forms. */
export const MONEV_SCHEMA_VERSION = 4;
/**
 * `syncState` rows that never go into a file: the account kept there before
 * it moved to the device database (a CSRF token, not data), the last sync
 * error (this device's connection at that moment, meaningless elsewhere), and
 * what the server's catalogue said at the last read (the catalogue itself and
 * the revisions this device holds with other content: the server's, read again
 * at the next sync, and about this device's catalogue, which a backup does not hold).
 */
export const SYNC_STATE_NOT_BACKED_UP: readonly string[] = ['session', 'lastError', 'serverCatalogue', 'catalogueConflicts'];

/** A Blob inside a row, as written in the file. */
interface EncodedBlob {
  $blob: string;
  type: string;
  sha256: string;
}

/** What is wrong with a backup and where: table, row (0-based position), the row's id and the field. */
export interface BackupProblem {
  table?: string;
  row?: number;
  id?: string;
  field?: string;
  message: LocalizedText;
}

/** A file as read: rows per table name (any name the file holds), with Blobs revived. */
export interface ParsedBackup {
  format: 'sop-studio' | 'dexie';
  /** This app's format version (0 for the dexie-export-import format, which never held the sync tables). */
  formatVersion: number;
  schemaVersion: number;
  tables: Map<string, unknown[]>;
  /** Row counts the file's header declares, when it has them. */
  declaredCounts: Map<string, number>;
}

async function encodeBlob(blob: Blob): Promise<EncodedBlob> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return { $blob: toBase64(bytes), type: blob.type, sha256: await sha256OfBytes(bytes) };
}

/** Replaces the Blobs of a row (attachments' `blob`, drafts' and review items' `files[].blob`) by their encoded form. */
async function encodeRow(table: BackupTable, row: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (table === 'attachments' && row['blob'] instanceof Blob) return { ...row, blob: await encodeBlob(row['blob']) };
  if ((table === 'drafts' || table === 'review') && Array.isArray(row['files'])) {
    const files = [];
    for (const file of row['files'] as Record<string, unknown>[]) files.push(file?.['blob'] instanceof Blob ? { ...file, blob: await encodeBlob(file['blob']) } : file);
    return { ...row, files };
  }
  return row;
}

export interface WrittenBackup {
  blob: Blob;
  counts: Record<BackupTable, number>;
}

/**
 * Reads every table inside one read transaction, so the file is one
 * consistent moment of the database; Blobs stay readable after it ends and are
 * encoded outside it (a transaction would not wait for hashing).
 */
export async function writeBackup(db: RuntimeDb, now: Date): Promise<WrittenBackup> {
  const rowsOf = new Map<BackupTable, Record<string, unknown>[]>();
  await db.transaction('r', BACKUP_TABLES.map((name) => db.table(name)), async () => {
    for (const name of BACKUP_TABLES) rowsOf.set(name, await db.table(name).toArray());
  });
  rowsOf.set('syncState', rowsOf.get('syncState')!.filter((row) => !SYNC_STATE_NOT_BACKED_UP.includes(String(row['key']))));
  // The write stamp is this device's bookkeeping: a restore stamps the rows it writes anew.
  rowsOf.set('cases', rowsOf.get('cases')!.map(withoutChangeStamp));
  // Revisions are read migrated; the backup keeps them as published, so their content hashes still hold.
  rowsOf.set('sops', rowsOf.get('sops')!.map((row) => ({ ...row, doc: originalOf(row['doc']) })));
  const counts = Object.fromEntries(BACKUP_TABLES.map((name) => [name, rowsOf.get(name)!.length])) as Record<BackupTable, number>;
  const header = { format: BACKUP_FORMAT, version: BACKUP_FORMAT_VERSION, schemaVersion: SCHEMA_VERSION, exportedAt: now.toISOString(), counts };
  const parts: BlobPart[] = [JSON.stringify(header).slice(0, -1), ',"tables":{'];
  for (const [t, name] of BACKUP_TABLES.entries()) {
    parts.push(`${t ? ',' : ''}${JSON.stringify(name)}:[`);
    for (const [i, row] of rowsOf.get(name)!.entries()) parts.push(`${i ? ',' : ''}${JSON.stringify(await encodeRow(name, row))}`);
    parts.push(']');
  }
  parts.push('}}');
  return { blob: new Blob(parts, { type: 'application/json' }), counts };
}

const problem = (message: LocalizedText, where: Omit<BackupProblem, 'message'> = {}): BackupProblem => ({ ...where, message });

export class BackupUnreadable extends Error {
  constructor(readonly problem: BackupProblem) {
    super(problem.message.en);
    this.name = 'BackupUnreadable';
  }
}

/** Parses a backup file of either format; throws BackupUnreadable when it is not one (nothing is checked against the schema yet). */
export async function parseBackup(file: Blob): Promise<{ parsed: ParsedBackup; problems: BackupProblem[] }> {
  let value: unknown;
  try {
    value = JSON.parse(await file.text());
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BackupUnreadable(
      problem({
        id: `Berkas ini bukan JSON yang utuh (terpotong atau rusak: ${detail}).`,
        en: `The file is not complete JSON (truncated or damaged: ${detail}).`,
      }),
    );
  }
  const record = (value ?? {}) as Record<string, unknown>;
  if (record['format'] === BACKUP_FORMAT) return parseOwn(record);
  if (record['formatName'] === 'dexie') return parseDexie(record);
  throw new BackupUnreadable(problem({ id: 'Berkas ini bukan cadangan Pelaksanaan Kasus SOP Studio.', en: 'This file is not an SOP Studio Case Runner backup.' }));
}

function schemaVersionOf(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new BackupUnreadable(problem({ id: `Versi skema cadangan tidak terbaca (${JSON.stringify(value) ?? 'tidak ada'}).`, en: `The backup's schema version is unreadable (${JSON.stringify(value) ?? 'missing'}).` }));
  }
  return value;
}

function parseOwn(record: Record<string, unknown>): { parsed: ParsedBackup; problems: BackupProblem[] } {
  if (!READABLE_FORMAT_VERSIONS.includes(record['version'] as number)) {
    throw new BackupUnreadable(
      problem({
        id: `Format cadangan versi ${String(record['version'])} tidak dikenal aplikasi ini (versi ${BACKUP_FORMAT_VERSION}); perbarui aplikasi.`,
        en: `Backup format version ${String(record['version'])} is unknown to this app (version ${BACKUP_FORMAT_VERSION}); update the app.`,
      }),
    );
  }
  const schemaVersion = schemaVersionOf(record['schemaVersion']);
  const tablesValue = record['tables'];
  if (!tablesValue || typeof tablesValue !== 'object' || Array.isArray(tablesValue)) {
    throw new BackupUnreadable(problem({ id: 'Cadangan tidak berisi tabel.', en: 'The backup holds no tables.' }));
  }
  const problems: BackupProblem[] = [];
  const tables = new Map<string, unknown[]>();
  for (const [name, rows] of Object.entries(tablesValue)) {
    if (!Array.isArray(rows)) {
      problems.push(problem({ id: 'isi tabel bukan daftar baris.', en: 'the table is not a list of rows.' }, { table: name }));
      continue;
    }
    tables.set(name, rows.map((row, index) => reviveOwnRow(name, row, index, problems)));
  }
  const declared = new Map<string, number>();
  const counts = record['counts'];
  if (counts && typeof counts === 'object') for (const [name, n] of Object.entries(counts)) if (typeof n === 'number') declared.set(name, n);
  return { parsed: { format: 'sop-studio', formatVersion: record['version'] as number, schemaVersion, tables, declaredCounts: declared }, problems };
}

function reviveOwnRow(table: string, row: unknown, index: number, problems: BackupProblem[]): unknown {
  if (!row || typeof row !== 'object') return row;
  const r = row as Record<string, unknown>;
  const where = { table, row: index, ...(typeof r['id'] === 'string' ? { id: r['id'] } : {}) };
  if (table === 'attachments' && 'blob' in r) return { ...r, blob: reviveEncoded(r['blob'], problems, { ...where, field: 'blob' }) };
  if ((table === 'drafts' || table === 'review') && Array.isArray(r['files'])) {
    const files = r['files'].map((file: unknown, i: number) => {
      const f = file as Record<string, unknown> | null;
      return f && typeof f === 'object' && 'blob' in f ? { ...f, blob: reviveEncoded(f['blob'], problems, { ...where, field: `files[${i}].blob` }) } : file;
    });
    return { ...r, files };
  }
  return r;
}

/** Pending hash checks: the digest is async, so they are collected here and run by the checker. */
export const pendingHashes = new WeakMap<Blob, { bytes: Uint8Array; sha256: string }>();

function reviveEncoded(value: unknown, problems: BackupProblem[], where: Omit<BackupProblem, 'message'>): unknown {
  const v = value as Partial<EncodedBlob> | null;
  const bytes = v && typeof v.$blob === 'string' ? fromBase64(v.$blob) : undefined;
  if (!v || !bytes || typeof v.type !== 'string' || typeof v.sha256 !== 'string') {
    problems.push(problem({ id: 'isi berkas lampiran tidak terbaca (base64, jenis dan SHA-256 diperlukan).', en: 'the file content is unreadable (base64, type and SHA-256 are required).' }, where));
    return undefined;
  }
  const blob = new Blob([bytes as BlobPart], { type: v.type });
  pendingHashes.set(blob, { bytes, sha256: v.sha256 });
  return blob;
}

/** The format dexie-export-import wrote (backups made before this version): rows carry typeson `$types`. */
function parseDexie(record: Record<string, unknown>): { parsed: ParsedBackup; problems: BackupProblem[] } {
  const data = (record['data'] ?? {}) as Record<string, unknown>;
  const schemaVersion = schemaVersionOf(typeof data['databaseVersion'] === 'number' ? Math.round(data['databaseVersion']) : data['databaseVersion']);
  const problems: BackupProblem[] = [];
  const declared = new Map<string, number>();
  for (const t of Array.isArray(data['tables']) ? data['tables'] : []) {
    if (t && typeof t.name === 'string' && typeof t.rowCount === 'number') declared.set(t.name, t.rowCount);
  }
  const tables = new Map<string, unknown[]>();
  for (const entry of Array.isArray(data['data']) ? data['data'] : []) {
    const name = String(entry?.tableName);
    if (!Array.isArray(entry?.rows) || entry.inbound === false) {
      problems.push(problem({ id: 'isi tabel tidak terbaca.', en: 'the table content is unreadable.' }, { table: name }));
      continue;
    }
    tables.set(name, (entry.rows as unknown[]).map((row, index) => reviveDexieRow(name, row, index, problems)));
  }
  return { parsed: { format: 'dexie', formatVersion: 0, schemaVersion, tables, declaredCounts: declared }, problems };
}

function reviveDexieRow(table: string, row: unknown, index: number, problems: BackupProblem[]): unknown {
  if (!row || typeof row !== 'object' || !('$types' in row)) return row;
  const { $types, ...rest } = row as Record<string, unknown>;
  const where = { table, row: index, ...(typeof rest['id'] === 'string' ? { id: rest['id'] } : {}) };
  const revived = structuredClone(rest) as Record<string, unknown>;
  for (const [path, type] of Object.entries(($types ?? {}) as Record<string, unknown>)) {
    const keys = path.split('.').map((k) => k.replace(/~1/g, '.').replace(/~0/g, '~'));
    const last = keys.pop()!;
    let parent: unknown = revived;
    for (const key of keys) parent = (parent as Record<string, unknown> | undefined)?.[key];
    if (!parent || typeof parent !== 'object') continue;
    const holder = parent as Record<string, unknown>;
    // typeson marks every array (a no-op when it is one) and plain user objects; only Blobs and undefined need reviving.
    if (type === 'arrayNonindexKeys' || type === 'userObject') {
      if (type === 'arrayNonindexKeys' && !Array.isArray(holder[last]) && holder[last] && typeof holder[last] === 'object') holder[last] = Object.assign([], holder[last]);
    } else if (type === 'undef' || type === 'sparseUndefined') delete holder[last];
    else if (type === 'blob2') {
      const encoded = holder[last] as { type?: unknown; data?: unknown } | undefined;
      const bytes = typeof encoded?.data === 'string' ? fromBase64(encoded.data) : undefined;
      if (!bytes || typeof encoded?.type !== 'string') {
        problems.push(problem({ id: 'isi berkas lampiran tidak terbaca.', en: 'the file content is unreadable.' }, { ...where, field: path }));
        delete holder[last];
      } else holder[last] = new Blob([bytes as BlobPart], { type: encoded.type });
    } else if (type === 'file') {
      // Files (what the step form stores) were written by typeson as a "binary string": one char per byte.
      const encoded = holder[last] as { type?: unknown; stringContents?: unknown; name?: unknown; lastModified?: unknown } | undefined;
      if (typeof encoded?.stringContents !== 'string' || typeof encoded.type !== 'string') {
        problems.push(problem({ id: 'isi berkas lampiran tidak terbaca.', en: 'the file content is unreadable.' }, { ...where, field: path }));
        delete holder[last];
      } else {
        const text = encoded.stringContents;
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
        const options = { type: encoded.type, ...(typeof encoded.lastModified === 'number' ? { lastModified: encoded.lastModified } : {}) };
        holder[last] = new File([bytes], typeof encoded.name === 'string' ? encoded.name : 'berkas', options);
      }
    } else problems.push(problem({ id: `jenis nilai "${String(type)}" tidak dikenal.`, en: `unknown value type "${String(type)}".` }, { ...where, field: path }));
  }
  return revived;
}
