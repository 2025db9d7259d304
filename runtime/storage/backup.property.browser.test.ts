// Property: whatever is done to a backup file (cut short, rows duplicated or
// dropped, fields changed or removed, tables added, files changed and
// re-hashed, events reordered, queued and kept commands moved to other
// cases, sync settings added or dropped, monev forms changed), restoring it into a populated,
// linked database leaves that database exactly as it was, unless the file is
// still valid, in which case the database holds exactly the file's content
// (with the device's own id kept: see syncStateAfterRestore).
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from './backup';
import { populatedOffice, snapshotDb } from './backupTesting';
import { SCHEMA_VERSION, type RuntimeDb } from './db';

type Json = Record<string, any>;
const TABLES = ['sops', 'cases', 'events', 'attachments', 'drafts', 'meta', 'outbox', 'review', 'syncState', 'syncCases', 'monevForms'] as const;
const SYNC_TABLES = ['outbox', 'review', 'syncState', 'syncCases'] as const;
const KEY: Record<string, string> = { sops: 'key', meta: 'key', outbox: 'commandId', review: 'commandId', syncState: 'key', syncCases: 'caseId' };

let source: RuntimeDb;
let sourceText: string;
beforeAll(async () => {
  source = (await populatedOffice('prop-source', undefined, { linked: true, monevForm: true })).db;
  sourceText = await (await exportBackup(source)).blob.text();
});
afterAll(async () => {
  source.close();
  await Dexie.delete(source.name);
});

const hex = async (bytes: Uint8Array) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource))].map((b) => b.toString(16).padStart(2, '0')).join('');
const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const pick = <T,>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

/** Every path to a leaf value inside a value (bounded), to change one of them. */
function leafPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (out.length > 400) return out;
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leafPaths(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  else out.push(path);
  return out;
}

const anyValue = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant({}), fc.constant([]));

type Corruption =
  | { kind: 'duplicate'; table: number; row: number }
  | { kind: 'drop'; table: number; row: number }
  | { kind: 'mutateField'; table: number; row: number; field: number; value: unknown }
  | { kind: 'dropField'; table: number; row: number; field: number }
  | { kind: 'mutateDeep'; table: number; row: number; leaf: number; value: unknown }
  | { kind: 'extraTable'; name: string }
  | { kind: 'rehashFile'; bytes: Uint8Array }
  | { kind: 'reorderEvents'; seed: number }
  | { kind: 'swapRevisions'; a: number; b: number }
  | { kind: 'rehashReviewFile'; bytes: Uint8Array; recordToo: boolean }
  | { kind: 'otherCase'; table: number; row: number; case: number }
  | { kind: 'dropSyncTable'; table: number }
  | { kind: 'syncSetting'; key: string; value: unknown };

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ kind: fc.constant('duplicate' as const), table: fc.nat(), row: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), table: fc.nat(), row: fc.nat() }),
  fc.record({ kind: fc.constant('mutateField' as const), table: fc.nat(), row: fc.nat(), field: fc.nat(), value: anyValue }),
  fc.record({ kind: fc.constant('dropField' as const), table: fc.nat(), row: fc.nat(), field: fc.nat() }),
  fc.record({ kind: fc.constant('mutateDeep' as const), table: fc.nat(), row: fc.nat(), leaf: fc.nat(), value: anyValue }),
  fc.record({ kind: fc.constant('extraTable' as const), name: fc.constantFrom('backups', 'files', 'x', 'casesV3') }),
  fc.record({ kind: fc.constant('rehashFile' as const), bytes: fc.uint8Array({ minLength: 0, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('reorderEvents' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('swapRevisions' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('rehashReviewFile' as const), bytes: fc.uint8Array({ minLength: 0, maxLength: 12 }), recordToo: fc.boolean() }),
  fc.record({ kind: fc.constant('otherCase' as const), table: fc.nat(), row: fc.nat(), case: fc.nat() }),
  fc.record({ kind: fc.constant('dropSyncTable' as const), table: fc.nat() }),
  fc.record({ kind: fc.constant('syncSetting' as const), key: fc.constantFrom('session', 'lastError', 'cursor', 'link', 'deviceId', 'lastSyncAt'), value: fc.oneof(anyValue, fc.constant({ baseUrl: 'https://lain.example', linkedAt: 1 })) }),
);

async function apply(json: Json, c: Corruption): Promise<void> {
  const tables = json['tables'] as Record<string, Json[]>;
  // A table an earlier corruption dropped stays dropped.
  const rowsOf = (t: number) => tables[pick(TABLES, t)!] ?? [];
  switch (c.kind) {
    case 'duplicate': { const rows = rowsOf(c.table); const row = pick(rows, c.row); if (row) rows.push(structuredClone(row)); break; }
    case 'drop': { const rows = rowsOf(c.table); if (rows.length) rows.splice(c.row % rows.length, 1); break; }
    case 'mutateField': { const row = pick(rowsOf(c.table), c.row); const field = row && pick(Object.keys(row), c.field); if (field) row[field] = c.value; break; }
    case 'dropField': { const row = pick(rowsOf(c.table), c.row); const field = row && pick(Object.keys(row), c.field); if (field) delete row[field]; break; }
    case 'mutateDeep': {
      const row = pick(rowsOf(c.table), c.row);
      const path = row && pick(leafPaths(row), c.leaf);
      if (!path || path.length === 0) break;
      let holder: any = row;
      for (const key of path.slice(0, -1)) holder = holder[key];
      holder[path[path.length - 1]!] = c.value;
      break;
    }
    case 'extraTable': tables[c.name] = []; break;
    case 'rehashFile': {
      // Hash matches, content differs: the size column and the event's record are what can still tell.
      const row = tables['attachments']![0];
      if (row) row['blob'] = { ...row['blob'], $blob: btoa(String.fromCharCode(...c.bytes)), sha256: await hex(c.bytes) };
      break;
    }
    case 'reorderEvents': { const events = tables['events']!; events.push(...events.splice(0, c.seed % (events.length + 1))); break; }
    case 'rehashReviewFile': {
      // The file's own hash matches; the row's recorded hash and size too when `recordToo`: then nothing can tell.
      const file = tables['review']?.[0]?.['files']?.[0];
      if (!file) break;
      const sha256 = await hex(c.bytes);
      file['blob'] = { ...file['blob'], $blob: btoa(String.fromCharCode(...c.bytes)), sha256 };
      if (c.recordToo) Object.assign(file, { sha256, size: c.bytes.length });
      break;
    }
    case 'otherCase': {
      // A queued command, review item or known case moved to another case of the file (or one not in it).
      const rows = tables[pick(['outbox', 'review', 'syncCases'], c.table)!] ?? [];
      const row = pick(rows, c.row);
      const ids = [...tables['cases']!.map((r) => r['id']), 'kasus-lain'];
      if (row) row['caseId'] = pick(ids, c.case);
      break;
    }
    case 'dropSyncTable': delete tables[pick(SYNC_TABLES, c.table)!]; break;
    case 'syncSetting': {
      const rows = (tables['syncState'] ??= []);
      const at = rows.findIndex((r) => r['key'] === c.key);
      if (at >= 0) rows[at] = { key: c.key, value: c.value };
      else rows.push({ key: c.key, value: c.value });
      break;
    }
    case 'swapRevisions': {
      const events = tables['events']!;
      const a = pick(events, c.a);
      const b = pick(events, c.b);
      // An earlier corruption may have removed or replaced a row's event; then there is no pair of revisions to swap.
      const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null;
      if (a && b && isRecord(a['event']) && isRecord(b['event'])) [a['revision'], b['revision'], a['event'].revision, b['event'].revision] = [b['revision'], a['revision'], b['event'].revision, a['event'].revision];
      break;
    }
  }
}

/**
 * What the database must hold after a valid file: its rows, Blobs as bytes, in key order, with this app's schema
 * version; in syncState the device keeps its own id, and the link (with its cursor and last sync) is the file's
 * when it has one, else the device's own without a cursor.
 */
function contentOf(json: Json, deviceSyncState: Json[]): Record<string, unknown[]> {
  const plainBlob = (b: Json) => ({ blob: b['type'], bytes: Array.from(bytesOf(b['$blob'])).join(',') });
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    let rows = structuredClone(json['tables'][table] as Json[]);
    if (table === 'attachments') rows = rows.map((r) => ({ ...r, blob: plainBlob(r['blob']) }));
    if (table === 'drafts' || table === 'review') rows = rows.map((r) => ({ ...r, files: r['files'].map((f: Json) => ({ ...f, blob: plainBlob(f['blob']) })) }));
    if (table === 'syncState') {
      const own = deviceSyncState.filter((r) => r['key'] === 'deviceId');
      const fileLinked = rows.some((r) => r['key'] === 'link');
      rows = [...own, ...(fileLinked ? rows.filter((r) => r['key'] !== 'deviceId') : deviceSyncState.filter((r) => r['key'] === 'link'))];
    }
    if (table === 'meta') rows = [...rows.filter((r) => r['key'] !== 'schemaVersion'), { key: 'schemaVersion', value: SCHEMA_VERSION }];
    const key = KEY[table] ?? 'id';
    out[table] = rows.sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0));
  }
  return out;
}

let counter = 0;
let accepted = 0;
let refused = 0;

it('restoring any corrupted backup leaves the database as it was, or (if still valid) holding exactly its content', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(corruption, { minLength: 1, maxLength: 3 }), fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), async (corruptions, cutAt) => {
      const json = JSON.parse(sourceText);
      for (const c of corruptions) await apply(json, c);
      let text = JSON.stringify(json);
      if (cutAt !== undefined) text = text.slice(0, Math.floor(text.length * cutAt));
      const { db } = await populatedOffice(`prop-target-${++counter}`, undefined, { linked: true });
      try {
        const before = await snapshotDb(db);
        const outcome = await restoreBackup(db, new Blob([text]), { keepCopy: false }).then(
          () => 'restored' as const,
          (error: unknown) => error,
        );
        const after = await snapshotDb(db);
        if (outcome === 'restored') {
          accepted++;
          expect(cutAt === undefined || cutAt === 1).toBe(true);
          expect(after).toEqual(contentOf(JSON.parse(text), before['syncState'] as Json[]));
        } else {
          refused++;
          expect(outcome).toMatchObject({ code: 'bundle.invalid' });
          expect(after).toEqual(before);
        }
      } finally {
        db.close();
        await Dexie.delete(db.name);
      }
    }),
    { numRuns: 150 },
  );
  console.log(`backup property: ${accepted} still-valid files restored, ${refused} refused`);
  expect(refused).toBeGreaterThan(accepted);
}, 120_000);
