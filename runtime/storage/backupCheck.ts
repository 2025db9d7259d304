/**
 * Checks a parsed backup completely, in memory, before anything is written:
 * schema version (older ones migrated here, newer refused), tables, every
 * row's shape and ids, SOP content hashes, file hashes, each case's events
 * replaying through the engine to its stored snapshot, and the sync tables
 * (queued and kept commands, known cases, link and cursor) holding together
 * with the cases of the file. Every problem
 * is located (table, row, id, field) and said in both languages.
 */
import { canonicalJson, caseCodeOf, foldEvents, sopContentHash, type CaseEvent, type CaseState, type LocalizedText } from '../../core/engine';
import { validateSop } from '../../core/validation';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { sha256OfBytes } from './bytes';
import { pendingHashes, BACKUP_TABLES, MONEV_SCHEMA_VERSION, MONEV_TABLES, SYNC_SCHEMA_VERSION, SYNC_TABLES, type BackupProblem, type BackupTable, type ParsedBackup } from './backupFormat';
import { activeLanesOf, assignCaseNumber, type MetaStore } from './caseNumbers';
import { SCHEMA_VERSION, type MetaRow } from './db';
import { DEVICE_ID_KEY, LINK_KEY } from './outbox';
import { caseRowOf, draftIdOf, sopKeyOf, trialSopKeyOf } from './repository';
import { upgradeStoredSop } from '../../core/migrations';

/** The most problems listed: past this, the file is plainly not restorable and a longer list helps nobody. */
const MAX_PROBLEMS = 50;

type Kind = 'id' | 'string' | 'number' | 'int' | 'boolean' | 'object' | 'array' | 'strings' | 'blob' | 'hash' | 'hashes' | 'any';
type Shape = Record<string, Kind | `${Kind}?`>;

const SHAPES: Record<BackupTable, Shape> = {
  sops: { key: 'id', sopId: 'id', revision: 'int', contentHash: 'hash', title: 'string', storedAt: 'number', doc: 'object', trial: 'boolean?' },
  cases: {
    id: 'id', caseNumber: 'string', activeLanes: 'strings', sopId: 'id', sopKey: 'id', sopRevision: 'int', title: 'string', status: 'string',
    revision: 'int', currentActor: 'string', currentActors: 'strings', currentStepIds: 'strings', dueAt: 'number', caseDueAt: 'number',
    applicantName: 'string', nameLower: 'string', nameTokens: 'strings', applicantNik: 'string', startedAt: 'number', updatedAt: 'number', state: 'object',
  },
  events: { id: 'id', caseId: 'id', revision: 'int', commandId: 'id', event: 'object' },
  attachments: {
    id: 'id', caseId: 'id', eventId: 'id', visitId: 'string?', requirementId: 'string?', fieldId: 'string?', name: 'string', type: 'string',
    size: 'int', sha256: 'hash?', blob: 'blob', storedAt: 'number',
  },
  drafts: { id: 'id', caseId: 'id', visitId: 'id', values: 'object', files: 'array', updatedAt: 'number' },
  meta: { key: 'id', value: 'any' },
  outbox: {
    commandId: 'id', caseId: 'id', command: 'object', baseRevision: 'int', queuedAt: 'number', sop: 'object?', attachments: 'hashes', tries: 'int',
    lastError: 'object?',
  },
  review: { commandId: 'id', caseId: 'id', command: 'object', rejection: 'object', source: 'string', keptAt: 'number', files: 'array' },
  syncState: { key: 'id', value: 'any' },
  syncCases: { caseId: 'id', since: 'number' },
  monevForms: { id: 'id', sopId: 'id', kind: 'string', updatedAt: 'number', form: 'object' },
};
const MONEV_FORM_KINDS = ['monitoring', 'evaluation'];
const LOCALIZED: Shape = { id: 'string', en: 'string' };
const OUTBOX_SOP: Shape = { sopId: 'id', revision: 'int' };
const OUTBOX_ERROR: Shape = { message: 'object', at: 'number' };
const REJECTION: Shape = { code: 'string', message: 'object', details: 'object?' };
/** A review item's file: an attachment row without its case, event and storage time (ReviewRow['files']). */
const REVIEW_FILE: Shape = { id: 'id', visitId: 'string?', requirementId: 'string?', fieldId: 'string?', name: 'string', type: 'string', size: 'int', sha256: 'hash?', blob: 'blob' };
const REVIEW_SOURCES = ['server', 'rebase'];
/** The `syncState` rows a backup may hold, and what each value must be (the link is an object, see LINK). */
const SYNC_STATE_VALUES: Record<string, Kind> = { [LINK_KEY]: 'object', cursor: 'string', lastSyncAt: 'number', [DEVICE_ID_KEY]: 'id' };
const LINK: Shape = { baseUrl: 'string', linkedAt: 'number' };
const COMMAND_TYPES = ['case.start', 'step.complete', 'branch.choose', 'step.signOff', 'step.skip', 'case.return', 'case.resume', 'case.cancel'];
const DRAFT_VALUES: Shape = { ticked: 'strings', waivers: 'object', fields: 'object', output: 'string', note: 'string', returnReason: 'string?' };
const DRAFT_FILE: Shape = { id: 'id', requirementId: 'string?', fieldId: 'string?', name: 'string', type: 'string', size: 'int', blob: 'blob' };
const KEY_OF: Record<BackupTable, string> = {
  sops: 'key', cases: 'id', events: 'id', attachments: 'id', drafts: 'id', meta: 'key', outbox: 'commandId', review: 'commandId', syncState: 'key', syncCases: 'caseId', monevForms: 'id',
};

export type BackupRows = { [T in BackupTable]: Record<string, unknown>[] };

export interface CheckedBackup {
  /** The schema version the file was made with (its rows are migrated to this app's). */
  schemaVersion: number;
  rows: BackupRows;
}

function fits(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'id': return typeof value === 'string' && value.length > 0;
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'int': return Number.isSafeInteger(value);
    case 'boolean': return typeof value === 'boolean';
    case 'object': return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Blob);
    case 'array': return Array.isArray(value);
    case 'strings': return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'blob': return value instanceof Blob;
    case 'hash': return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
    case 'hashes': return Array.isArray(value) && value.every((v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v));
    case 'any': return value !== undefined;
  }
}

const KIND_WORDS: Record<Kind, LocalizedText> = {
  id: { id: 'pengenal berupa teks tidak kosong', en: 'a non-empty text id' },
  string: { id: 'teks', en: 'text' },
  number: { id: 'angka', en: 'a number' },
  int: { id: 'bilangan bulat', en: 'a whole number' },
  boolean: { id: 'ya/tidak', en: 'true/false' },
  object: { id: 'objek', en: 'an object' },
  array: { id: 'daftar', en: 'a list' },
  strings: { id: 'daftar teks', en: 'a list of texts' },
  blob: { id: 'isi berkas', en: 'file content' },
  hash: { id: 'hash SHA-256 (64 digit heksadesimal)', en: 'a SHA-256 hash (64 hex digits)' },
  hashes: { id: 'daftar hash SHA-256', en: 'a list of SHA-256 hashes' },
  any: { id: 'nilai', en: 'a value' },
};

class Problems {
  readonly list: BackupProblem[] = [];
  add(message: LocalizedText, where: Omit<BackupProblem, 'message'>): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ ...where, message });
  }
  get full(): boolean {
    return this.list.length >= MAX_PROBLEMS;
  }
}

function checkShape(shape: Shape, value: unknown, where: Omit<BackupProblem, 'message'>, problems: Problems, prefix = ''): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.add({ id: 'baris bukan objek.', en: 'the row is not an object.' }, where);
    return false;
  }
  const row = value as Record<string, unknown>;
  let ok = true;
  for (const [field, spec] of Object.entries(shape)) {
    const optional = spec.endsWith('?');
    const kind = spec.replace('?', '') as Kind;
    if (!(field in row) || row[field] === undefined) {
      if (!optional) {
        problems.add({ id: 'kolom wajib ini tidak ada.', en: 'this required field is missing.' }, { ...where, field: prefix + field });
        ok = false;
      }
    } else if (!fits(kind, row[field])) {
      problems.add({ id: `harus ${KIND_WORDS[kind].id}.`, en: `must be ${KIND_WORDS[kind].en}.` }, { ...where, field: prefix + field });
      ok = false;
    }
  }
  for (const field of Object.keys(row)) {
    if (!(field in shape)) {
      problems.add({ id: 'kolom ini tidak dikenal.', en: 'this field is unknown.' }, { ...where, field: prefix + field });
      ok = false;
    }
  }
  return ok;
}

/** Checks everything; returns the rows ready to write, or the problems (never both). */
export async function checkBackup(parsed: ParsedBackup, parseProblems: readonly BackupProblem[]): Promise<{ ok: true; backup: CheckedBackup } | { ok: false; problems: BackupProblem[] }> {
  const problems = new Problems();
  for (const p of parseProblems) problems.add(p.message, p);
  if (parsed.schemaVersion > SCHEMA_VERSION) {
    problems.add(
      {
        id: `Cadangan ini dibuat oleh versi aplikasi yang lebih baru (skema ${parsed.schemaVersion}); aplikasi ini memakai skema ${SCHEMA_VERSION}. Perbarui aplikasi sebelum memulihkannya.`,
        en: `This backup was made by a newer version of the app (schema ${parsed.schemaVersion}); this app uses schema ${SCHEMA_VERSION}. Update the app before restoring it.`,
      },
      {},
    );
    return { ok: false, problems: problems.list };
  }
  for (const name of parsed.tables.keys()) {
    if (!(BACKUP_TABLES as readonly string[]).includes(name)) problems.add({ id: 'tabel ini tidak dikenal aplikasi ini.', en: 'this table is unknown to this app.' }, { table: name });
  }
  const rows = {} as BackupRows;
  // The sync tables came with schema 3, and into the file with format version 2: older files are read with them empty.
  const hasSyncTables = parsed.schemaVersion >= SYNC_SCHEMA_VERSION;
  const mustHaveSyncTables = hasSyncTables && parsed.format === 'sop-studio' && parsed.formatVersion >= 2;
  // The monev forms came with schema 4, and into the file with format version 3: older files are read with none.
  const hasMonevTables = parsed.schemaVersion >= MONEV_SCHEMA_VERSION;
  const mustHaveMonevTables = hasMonevTables && parsed.format === 'sop-studio' && parsed.formatVersion >= 3;
  for (const name of BACKUP_TABLES) {
    const list = parsed.tables.get(name);
    const sync = (SYNC_TABLES as readonly string[]).includes(name);
    const monev = (MONEV_TABLES as readonly string[]).includes(name);
    const optional = (sync && !mustHaveSyncTables) || (monev && !mustHaveMonevTables);
    if (!list && !optional) problems.add({ id: 'tabel ini tidak ada di cadangan.', en: 'this table is missing from the backup.' }, { table: name });
    if (list && ((sync && !hasSyncTables) || (monev && !hasMonevTables))) {
      problems.add({ id: `tabel ini belum ada pada skema ${parsed.schemaVersion}.`, en: `this table does not exist in schema ${parsed.schemaVersion}.` }, { table: name });
    }
    const declared = parsed.declaredCounts.get(name);
    if (list && declared !== undefined && declared !== list.length) {
      problems.add({ id: `kepala berkas menyebut ${declared} baris, tetapi ada ${list.length}.`, en: `the file header says ${declared} rows, but there are ${list.length}.` }, { table: name });
    }
    rows[name] = (list ?? []) as Record<string, unknown>[];
  }
  if (parsed.schemaVersion < 2) await migrateV1Cases(rows);
  const sound = checkRows(rows, problems);
  if (!problems.full) await checkHashes(rows, problems);
  if (!problems.full) checkSops(rows.sops, sound, problems);
  if (!problems.full) checkReferences(rows, sound, problems);
  if (!problems.full) checkCases(rows, sound, problems);
  if (problems.list.length > 0) return { ok: false, problems: problems.list };
  return { ok: true, backup: { schemaVersion: parsed.schemaVersion, rows: withCurrentSchemaVersion(rows) } };
}

/** Shapes and unique keys; returns the rows (by table) whose shape is sound, for the checks that read their fields. */
function checkRows(rows: BackupRows, problems: Problems): Map<BackupTable, Set<Record<string, unknown>>> {
  const sound = new Map<BackupTable, Set<Record<string, unknown>>>();
  for (const table of BACKUP_TABLES) {
    const good = new Set<Record<string, unknown>>();
    const seen = new Map<unknown, number>();
    const keyField = KEY_OF[table];
    for (const [index, row] of rows[table].entries()) {
      const key = row && typeof row === 'object' ? row[keyField] : undefined;
      const where = { table, row: index, ...(typeof key === 'string' ? { id: key } : {}) };
      let ok = checkShape(SHAPES[table], row, where, problems);
      if (ok && table === 'drafts') {
        ok = checkShape(DRAFT_VALUES, row['values'], where, problems, 'values.') && ok;
        for (const [i, file] of (row['files'] as unknown[]).entries()) ok = checkShape(DRAFT_FILE, file, where, problems, `files[${i}].`) && ok;
      }
      if (ok && table === 'outbox') {
        if (row['sop'] !== undefined) ok = checkShape(OUTBOX_SOP, row['sop'], where, problems, 'sop.') && ok;
        if (row['lastError'] !== undefined) {
          ok = checkShape(OUTBOX_ERROR, row['lastError'], where, problems, 'lastError.') && ok && checkShape(LOCALIZED, (row['lastError'] as Record<string, unknown>)['message'], where, problems, 'lastError.message.');
        }
        ok = checkCommand(row, where, problems) && ok;
      }
      if (ok && table === 'review') {
        ok = checkShape(REJECTION, row['rejection'], where, problems, 'rejection.') && ok && checkShape(LOCALIZED, (row['rejection'] as Record<string, unknown>)['message'], where, problems, 'rejection.message.');
        if (!REVIEW_SOURCES.includes(String(row['source']))) {
          problems.add({ id: 'harus "server" atau "rebase".', en: 'must be "server" or "rebase".' }, { ...where, field: 'source' });
          ok = false;
        }
        for (const [i, file] of (row['files'] as unknown[]).entries()) ok = checkShape(REVIEW_FILE, file, where, problems, `files[${i}].`) && ok;
        ok = checkCommand(row, where, problems) && ok;
      }
      if (ok && table === 'syncState') ok = checkSyncState(row, where, problems);
      if (ok && table === 'monevForms') ok = checkMonevForm(row, where, problems);
      if (typeof key === 'string') {
        const first = seen.get(key);
        if (first !== undefined) {
          problems.add({ id: `pengenal ini sudah dipakai baris ${first + 1}.`, en: `this id is already used by row ${first + 1}.` }, { ...where, field: keyField });
          ok = false;
        } else seen.set(key, index);
      }
      if (ok) good.add(row);
    }
    sound.set(table, good);
  }
  return sound;
}

/** A queued or kept command: a command of a known type, of the row's case, under the row's id. */
function checkCommand(row: Record<string, unknown>, where: Omit<BackupProblem, 'message'>, problems: Problems): boolean {
  const command = row['command'] as Record<string, unknown>;
  let ok = true;
  const wrong = (field: string, message: LocalizedText) => {
    problems.add(message, { ...where, field: `command.${field}` });
    ok = false;
  };
  if (!COMMAND_TYPES.includes(String(command['type']))) wrong('type', { id: `jenis perintah ${JSON.stringify(command['type'])} tidak dikenal.`, en: `unknown command type ${JSON.stringify(command['type'])}.` });
  if (command['id'] !== row['commandId']) wrong('id', { id: 'tidak sama dengan commandId baris ini.', en: "differs from the row's commandId." });
  if (command['caseId'] !== row['caseId']) wrong('caseId', { id: 'tidak sama dengan caseId baris ini.', en: "differs from the row's caseId." });
  if (typeof command['at'] !== 'string') wrong('at', { id: 'harus teks waktu.', en: 'must be a time text.' });
  if (command['type'] !== 'case.start' && !Number.isSafeInteger(command['expectedRevision'])) wrong('expectedRevision', { id: 'harus bilangan bulat.', en: 'must be a whole number.' });
  return ok;
}

/** A monev form row: a form of a known kind whose id, SOP and kind are the row's own (the index must not lie). */
function checkMonevForm(row: Record<string, unknown>, where: Omit<BackupProblem, 'message'>, problems: Problems): boolean {
  const form = row['form'] as Record<string, unknown>;
  const subject = form['subject'] as Record<string, unknown> | undefined;
  let ok = true;
  const wrong = (field: string, message: LocalizedText) => {
    problems.add(message, { ...where, field });
    ok = false;
  };
  if (!MONEV_FORM_KINDS.includes(String(row['kind']))) wrong('kind', { id: 'harus "monitoring" atau "evaluation".', en: 'must be "monitoring" or "evaluation".' });
  if (form['kind'] !== row['kind']) wrong('form.kind', { id: 'tidak sama dengan kind baris ini.', en: "differs from the row's kind." });
  if (form['id'] !== row['id']) wrong('form.id', { id: 'tidak sama dengan id baris ini.', en: "differs from the row's id." });
  if (!subject || typeof subject !== 'object' || subject['sopId'] !== row['sopId']) wrong('form.subject.sopId', { id: 'tidak sama dengan sopId baris ini.', en: "differs from the row's sopId." });
  const period = subject?.['period'] as Record<string, unknown> | undefined;
  // What the dashboard's list of forms reads without the form open: a form missing them would take the list down.
  if (!period || typeof period !== 'object' || typeof period['from'] !== 'string' || typeof period['to'] !== 'string') wrong('form.subject.period', { id: 'harus berisi tanggal from dan to.', en: 'must hold the from and to dates.' });
  if (typeof subject?.['title'] !== 'string') wrong('form.subject.title', { id: 'harus teks.', en: 'must be text.' });
  if (form['status'] !== 'draft' && form['status'] !== 'final') wrong('form.status', { id: 'harus "draft" atau "final".', en: 'must be "draft" or "final".' });
  if (typeof form['updatedAt'] !== 'string') wrong('form.updatedAt', { id: 'harus teks waktu.', en: 'must be a time text.' });
  if (!Array.isArray(form[row['kind'] === 'evaluation' ? 'criteria' : 'rows'])) wrong(row['kind'] === 'evaluation' ? 'form.criteria' : 'form.rows', { id: 'harus daftar.', en: 'must be a list.' });
  return ok;
}

/** A `syncState` row: one of the settings a backup holds, with a value of its kind. */
function checkSyncState(row: Record<string, unknown>, where: Omit<BackupProblem, 'message'>, problems: Problems): boolean {
  const key = String(row['key']);
  const kind = SYNC_STATE_VALUES[key];
  if (!kind) {
    problems.add({ id: 'pengaturan sinkronisasi ini tidak dikenal.', en: 'this sync setting is unknown.' }, { ...where, field: 'key' });
    return false;
  }
  if (!fits(kind, row['value'])) {
    problems.add({ id: `harus ${KIND_WORDS[kind].id}.`, en: `must be ${KIND_WORDS[kind].en}.` }, { ...where, field: 'value' });
    return false;
  }
  return key === LINK_KEY ? checkShape(LINK, row['value'], where, problems, 'value.') : true;
}

async function checkHashes(rows: BackupRows, problems: Problems): Promise<void> {
  const blobs: { blob: Blob; where: Omit<BackupProblem, 'message'>; size?: unknown; sha256?: unknown }[] = [];
  for (const [index, row] of rows.attachments.entries()) {
    if (row?.['blob'] instanceof Blob) blobs.push({ blob: row['blob'], where: { table: 'attachments', row: index, id: String(row['id']), field: 'blob' }, size: row['size'], sha256: row['sha256'] });
  }
  for (const [index, row] of rows.drafts.entries()) {
    for (const [i, file] of (Array.isArray(row?.['files']) ? (row['files'] as Record<string, unknown>[]) : []).entries()) {
      if (file?.['blob'] instanceof Blob) blobs.push({ blob: file['blob'], where: { table: 'drafts', row: index, id: String(row['id']), field: `files[${i}].blob` }, size: file['size'] });
    }
  }
  for (const [index, row] of rows.review.entries()) {
    for (const [i, file] of (Array.isArray(row?.['files']) ? (row['files'] as Record<string, unknown>[]) : []).entries()) {
      if (file?.['blob'] instanceof Blob) {
        blobs.push({ blob: file['blob'], where: { table: 'review', row: index, id: String(row['commandId']), field: `files[${i}].blob` }, size: file['size'], sha256: file['sha256'] });
      }
    }
  }
  for (const { blob, where, size, sha256 } of blobs) {
    if (problems.full) return;
    if (typeof size === 'number' && size !== blob.size) {
      problems.add({ id: `berkas berukuran ${blob.size} bita, tercatat ${size} bita.`, en: `the file is ${blob.size} bytes, recorded as ${size} bytes.` }, where);
      continue;
    }
    const pending = pendingHashes.get(blob);
    const expected = [pending?.sha256, typeof sha256 === 'string' ? sha256 : undefined].filter((h): h is string => !!h);
    if (expected.length === 0) continue;
    const actual = await sha256OfBytes(pending?.bytes ?? new Uint8Array(await blob.arrayBuffer()));
    if (expected.some((h) => h !== actual)) {
      problems.add({ id: 'isi berkas tidak cocok dengan hash SHA-256-nya (berkas diubah atau rusak).', en: 'the file content does not match its SHA-256 hash (altered or damaged).' }, where);
    }
  }
}

function checkSops(rows: Record<string, unknown>[], sound: Map<BackupTable, Set<Record<string, unknown>>>, problems: Problems): void {
  for (const [index, row] of rows.entries()) {
    if (!sound.get('sops')!.has(row)) continue;
    const where = { table: 'sops', row: index, id: String(row['key']) };
    const doc = row['doc'] as SopDocument;
    let hash: string;
    try {
      hash = sopContentHash(doc);
    } catch {
      hash = '';
    }
    if (hash !== row['contentHash']) {
      problems.add({ id: 'isi SOP tidak cocok dengan hash isinya (SOP diubah atau rusak).', en: "the SOP's content does not match its content hash (altered or damaged)." }, { ...where, field: 'doc' });
      sound.get('sops')!.delete(row);
      continue;
    }
    const schema = validateSop(doc);
    if (!schema.document) {
      const first = schema.diagnostics.find((d) => d.severity === 'error');
      problems.add(
        { id: `dokumen SOP tidak lolos skema SOP${first ? ` (${first.pointer || '/'}: ${first.message.id})` : ''}.`, en: `the SOP document does not pass the SOP schema${first ? ` (${first.pointer || '/'}: ${first.message.en})` : ''}.` },
        { ...where, field: 'doc' },
      );
      sound.get('sops')!.delete(row);
      continue;
    }
    const key = row['trial'] ? trialSopKeyOf(doc) : sopKeyOf(doc.id, doc.revision?.number);
    // The title as the row was written: from the document read in the current schema (it may lack one).
    const expected: Record<string, unknown> = { key, sopId: doc.id, revision: doc.revision?.number, title: schema.document.identity.title ?? '' };
    for (const [field, value] of Object.entries(expected)) {
      if (row[field] !== value) {
        problems.add({ id: `tidak sesuai dengan isi SOP (${JSON.stringify(value)}).`, en: `does not match the SOP's content (${JSON.stringify(value)}).` }, { ...where, field });
        sound.get('sops')!.delete(row);
      }
    }
  }
}

function checkReferences(rows: BackupRows, sound: Map<BackupTable, Set<Record<string, unknown>>>, problems: Problems): void {
  const caseIds = new Set(rows.cases.map((r) => r?.['id']));
  const eventIds = new Set(rows.events.map((r) => r?.['id']));
  const refer = (table: BackupTable, field: string, known: Set<unknown>, what: LocalizedText) => {
    for (const [index, row] of rows[table].entries()) {
      if (!sound.get(table)!.has(row) || known.has(row[field])) continue;
      problems.add({ id: `${what.id} ${String(row[field])} tidak ada di cadangan.`, en: `${what.en} ${String(row[field])} is not in the backup.` }, { table, row: index, id: String(row[KEY_OF[table]]), field });
    }
  };
  refer('events', 'caseId', caseIds, { id: 'kasus', en: 'case' });
  refer('attachments', 'caseId', caseIds, { id: 'kasus', en: 'case' });
  refer('attachments', 'eventId', eventIds, { id: 'peristiwa', en: 'event' });
  refer('drafts', 'caseId', caseIds, { id: 'kasus', en: 'case' });
  refer('outbox', 'caseId', caseIds, { id: 'kasus', en: 'case' });
  refer('review', 'caseId', caseIds, { id: 'kasus', en: 'case' });
  refer('syncCases', 'caseId', caseIds, { id: 'kasus', en: 'case' });
  checkSyncReferences(rows, sound, problems);
  for (const [index, row] of rows.events.entries()) {
    if (!sound.get('events')!.has(row)) continue;
    const event = row['event'] as Record<string, unknown>;
    for (const field of ['id', 'caseId', 'revision', 'commandId']) {
      if (event[field] !== row[field]) problems.add({ id: `tidak sama dengan event.${field} (${JSON.stringify(event[field])}).`, en: `differs from event.${field} (${JSON.stringify(event[field])}).` }, { table: 'events', row: index, id: String(row['id']), field });
    }
  }
  for (const [index, row] of rows.drafts.entries()) {
    if (sound.get('drafts')!.has(row) && row['id'] !== draftIdOf(String(row['caseId']), String(row['visitId']))) {
      problems.add({ id: 'harus berupa "<kasus>|<kunjungan>".', en: 'must be "<case>|<visit>".' }, { table: 'drafts', row: index, id: String(row['id']), field: 'id' });
    }
  }
}

/**
 * The queue as sync leaves it: a command is queued only on a linked device,
 * for a case the server knows, with its events recorded here (they are made in
 * the command's own transaction), on the revision it was decided on; a
 * command is either queued or kept for review, never both.
 */
function checkSyncReferences(rows: BackupRows, sound: Map<BackupTable, Set<Record<string, unknown>>>, problems: Problems): void {
  const known = new Set(rows.syncCases.map((r) => r?.['caseId']));
  const withEvents = new Set(rows.events.map((r) => r?.['commandId']));
  const cases = new Map(rows.cases.filter((r) => sound.get('cases')!.has(r)).map((r) => [r['id'], r]));
  const linked = rows.syncState.some((r) => sound.get('syncState')!.has(r) && r['key'] === LINK_KEY);
  const reviewed = new Set(rows.review.map((r) => r?.['commandId']));
  for (const [index, row] of rows.outbox.entries()) {
    if (!sound.get('outbox')!.has(row)) continue;
    const where = { table: 'outbox', row: index, id: String(row['commandId']) };
    const command = row['command'] as Record<string, unknown>;
    if (!linked) problems.add({ id: 'perintah antre untuk server, tetapi cadangan tidak tertaut ke server mana pun (syncState link).', en: 'a command queued for a server, but the backup is linked to no server (syncState link).' }, where);
    if (!known.has(row['caseId'])) problems.add({ id: `kasus ${String(row['caseId'])} tidak tercatat dikenal server (syncCases).`, en: `case ${String(row['caseId'])} is not recorded as known to the server (syncCases).` }, { ...where, field: 'caseId' });
    if (!withEvents.has(row['commandId'])) problems.add({ id: 'perintah ini tidak punya peristiwa di cadangan.', en: 'this command has no events in the backup.' }, { ...where, field: 'commandId' });
    if (reviewed.has(row['commandId'])) problems.add({ id: 'perintah ini juga ada di tabel review.', en: 'this command is also in the review table.' }, { ...where, field: 'commandId' });
    const start = command['type'] === 'case.start';
    const base = start ? 0 : command['expectedRevision'];
    if (row['baseRevision'] !== base) problems.add({ id: `harus ${String(base)} (revisi tempat perintah diputuskan).`, en: `must be ${String(base)} (the revision the command was decided on).` }, { ...where, field: 'baseRevision' });
    const sop = row['sop'] as Record<string, unknown> | undefined;
    const caseRow = cases.get(row['caseId']);
    if (start && !sop) problems.add({ id: 'perintah mulai kasus harus menyebut revisi SOP-nya.', en: 'a case start must name its SOP revision.' }, { ...where, field: 'sop' });
    else if (sop && caseRow && (sop['sopId'] !== caseRow['sopId'] || sop['revision'] !== caseRow['sopRevision'])) {
      problems.add({ id: `tidak sesuai dengan SOP kasus (${String(caseRow['sopKey'])}).`, en: `does not match the case's SOP (${String(caseRow['sopKey'])}).` }, { ...where, field: 'sop' });
    }
  }
}

const eventIndex = (id: string): number => Number(id.slice(id.lastIndexOf(':') + 1)) || 0;

/** Each case's events replay through the engine to its snapshot, and every list column is the one its snapshot gives. */
function checkCases(rows: BackupRows, sound: Map<BackupTable, Set<Record<string, unknown>>>, problems: Problems): void {
  const eventsOf = new Map<string, Record<string, unknown>[]>();
  for (const row of rows.events) {
    const list = eventsOf.get(String(row?.['caseId'])) ?? [];
    list.push(row);
    eventsOf.set(String(row?.['caseId']), list);
  }
  const sops = new Map(rows.sops.filter((r) => sound.get('sops')!.has(r)).map((r) => [r['key'], r]));
  for (const [index, row] of rows.cases.entries()) {
    if (problems.full) return;
    if (!sound.get('cases')!.has(row)) continue;
    const where = { table: 'cases', row: index, id: String(row['id']) };
    const state = row['state'] as CaseState;
    const events = (eventsOf.get(String(row['id'])) ?? [])
      .sort((a, b) => Number(a['revision']) - Number(b['revision']) || eventIndex(String(a['id'])) - eventIndex(String(b['id'])))
      .map((r) => r['event'] as CaseEvent);
    let rebuilt: CaseState | undefined;
    try {
      rebuilt = events.length ? foldEvents(events) : undefined;
    } catch {
      rebuilt = undefined;
    }
    if (!rebuilt || canonicalJson(rebuilt) !== canonicalJson(state)) {
      problems.add(
        events.length
          ? { id: `riwayat ${events.length} peristiwa kasus ini tidak menghasilkan keadaan kasus yang tersimpan.`, en: `this case's history of ${events.length} events does not rebuild its stored state.` }
          : { id: 'kasus ini tidak punya peristiwa.', en: 'this case has no events.' },
        { ...where, field: 'state' },
      );
      continue;
    }
    const sop = sops.get(row['sopKey']);
    if (!sop) {
      problems.add({ id: `SOP ${String(row['sopKey'])} yang dipakai kasus ini tidak ada di cadangan (atau rusak).`, en: `SOP ${String(row['sopKey'])}, which this case runs on, is not in the backup (or is damaged).` }, { ...where, field: 'sopKey' });
      continue;
    }
    if (sop['contentHash'] !== state.sop?.contentHash) {
      problems.add({ id: 'kasus ini berjalan pada isi SOP lain (hash isi berbeda).', en: 'this case runs on other SOP content (the content hash differs).' }, { ...where, field: 'sopKey' });
      continue;
    }
    const doc = upgradeStoredSop(sop['doc'], String(sop['contentHash'])) ?? (sop['doc'] as SopDocument);
    const expected = caseRowOf(doc, state, String(row['sopKey']), { caseNumber: String(row['caseNumber']) }) as unknown as Record<string, unknown>;
    for (const field of Object.keys(SHAPES.cases)) {
      // The state itself was compared with its replayed history above.
      if (field === 'state') continue;
      const [want, have] = [expected[field], row[field]];
      if (want !== have && canonicalJson(want) !== canonicalJson(have)) {
        problems.add({ id: `tidak sesuai dengan keadaan kasus (seharusnya ${JSON.stringify(expected[field])}).`, en: `does not match the case state (should be ${JSON.stringify(expected[field])}).` }, { ...where, field });
        break;
      }
    }
  }
}

/** Schema 1 had no case numbers or lanes: give them as the v2 upgrade does (in start order), in memory. */
async function migrateV1Cases(rows: BackupRows): Promise<void> {
  const meta = new Map(rows.meta.filter((r) => typeof r?.['key'] === 'string').map((r) => [r['key'] as string, r as unknown as MetaRow]));
  const store: MetaStore = { get: async (key) => meta.get(key), put: async (row) => void meta.set(row.key, row) };
  const order = rows.cases
    .filter((r) => r && typeof r === 'object' && r['state'] && typeof r['state'] === 'object')
    .sort((a, b) => Number(a['startedAt']) - Number(b['startedAt']) || String(a['id']).localeCompare(String(b['id'])));
  for (const row of order) {
    const state = row['state'] as CaseState;
    if (typeof row['caseNumber'] !== 'string') {
      row['caseNumber'] = state.number ?? (await assignCaseNumber(store, caseCodeOf({ identity: { title: String(row['title']) } }), Number(row['startedAt'])));
    }
    if (!Array.isArray(row['activeLanes'])) {
      try {
        row['activeLanes'] = activeLanesOf(state);
      } catch {
        // A malformed state: left as is, the row check says what is wrong with it.
      }
    }
  }
  rows.meta = rows.meta.filter((r) => !(typeof r?.['key'] === 'string' && meta.has(r['key'] as string)));
  rows.meta.push(...(meta.values() as Iterable<Record<string, unknown>>));
}

function withCurrentSchemaVersion(rows: BackupRows): BackupRows {
  return { ...rows, meta: [...rows.meta.filter((r) => r['key'] !== 'schemaVersion'), { key: 'schemaVersion', value: SCHEMA_VERSION }] };
}

/** One problem as one sentence, in both languages: "Tabel events, baris 5 (id …), kolom revision: …". */
export function describeProblem(p: BackupProblem): LocalizedText {
  const id: string[] = [];
  const en: string[] = [];
  if (p.table !== undefined) (id.push(`tabel ${p.table}`), en.push(`table ${p.table}`));
  if (p.row !== undefined) (id.push(`baris ${p.row + 1}${p.id ? ` (id ${p.id})` : ''}`), en.push(`row ${p.row + 1}${p.id ? ` (id ${p.id})` : ''}`));
  if (p.field !== undefined) (id.push(`kolom ${p.field}`), en.push(`field ${p.field}`));
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  if (id.length === 0) return p.message;
  return { id: `${cap(id.join(', '))}: ${p.message.id}`, en: `${cap(en.join(', '))}: ${p.message.en}` };
}
