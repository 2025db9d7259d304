/** Helpers for browser tests and stories: throw-away databases and fixtures loaded with the raw IndexedDB API. */
import { loadSample } from '../../samples/index';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { sopContentHash } from '../../core/engine';
import { RuntimeDb } from './db';
import { serverLink, setServerLink } from './outbox';
import { storeSopRevision } from './repository';
import { storeServerCatalogue } from './serverCatalogue';

let counter = 0;

/** A fresh database with a unique name; delete it with `db.delete()` when done. */
export function scratchDb(label = 'test'): RuntimeDb {
  return new RuntimeDb(`sop-studio-${label}-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2, 8)}`);
}

export function sampleDoc(id = 'bwi-spm-online'): SopDocument {
  const doc = loadSample(id);
  if (!doc) throw new Error(`no sample ${id}`);
  return structuredClone(doc);
}

export async function dbWithSop(id = 'bwi-spm-online', label = 'test'): Promise<{ db: RuntimeDb; doc: SopDocument; sopKey: string }> {
  const db = scratchDb(label);
  const doc = sampleDoc(id);
  const row = await storeSopRevision(db, doc);
  return { db, doc, sopKey: row.key };
}

/**
 * Links the database to a server whose catalogue (as if just read) offers these revisions to the office: a linked
 * device starts cases only on those.
 */
export async function linkOffering(db: RuntimeDb, baseUrl: string, docs: readonly SopDocument[], officeId = 'kantor-uji'): Promise<void> {
  await setServerLink(db, baseUrl);
  const entries = docs.map((doc) => ({
    sopId: doc.id,
    revision: doc.revision.number,
    contentHash: sopContentHash(doc),
    title: doc.identity.title ?? doc.id,
    publishedAt: '2025-06-01T00:00:00.000Z',
    lanes: doc.actors.map((a) => a.id),
  }));
  await storeServerCatalogue(db, { baseUrl: (await serverLink(db))!.baseUrl, officeId, fetchedAt: Date.now(), entries });
}

interface FixtureIndex {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

export interface DbFixture {
  nativeVersion: number;
  stores: { name: string; keyPath: string | string[]; indexes: FixtureIndex[] }[];
  data: Record<string, unknown[]>;
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['$blob'] === 'string') {
      const bytes = Uint8Array.from(atob(record['$blob']), (c) => c.charCodeAt(0));
      return new Blob([bytes], { type: String(record['type'] ?? '') });
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

/**
 * Recreates a database exactly as an older version left it, with the raw
 * IndexedDB API (no Dexie), so the current code opens it as a user's browser would.
 */
export function loadNativeFixture(name: string, fixture: DbFixture): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, fixture.nativeVersion);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const store of fixture.stores) {
        const os = db.createObjectStore(store.name, { keyPath: store.keyPath });
        for (const index of store.indexes) os.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
      }
      const tx = request.transaction!;
      for (const [storeName, rows] of Object.entries(fixture.data)) {
        for (const row of rows) tx.objectStore(storeName).put(revive(row));
      }
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}
