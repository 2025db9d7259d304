import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSamples } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { createAutosaver } from './autosave';
import { openDesignerDb, type DesignerDatabase } from './db';
import { storageVersions, LATEST_STORAGE_VERSION } from './migrations';
import { STORAGE_SCHEMA_VERSION, type DraftRecord } from './records';
import { SopRepository } from './repository';
import { StorageError } from './errors';
import { revisionFileText } from '../../core/document/revisionFile';
import v1BwiJson from '../../core/migrations/fixtures/bwi-spm-online.v1.sop.json';

// The sample as schema v1 wrote it (core/migrations/fixtures): what databases of earlier versions hold.
const v1Bwi = v1BwiJson as unknown as { identity: { title: string; number: string; government: string; office: string; unit: string } };

const opened: DesignerDatabase[] = [];
let counter = 0;

function freshDb(seed?: () => readonly SopDocument[]): DesignerDatabase {
  const db = openDesignerDb({ name: `designer-storage-test-${Date.now()}-${counter++}`, ...(seed ? { seed } : {}) });
  opened.push(db);
  return db;
}

afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

const sample = (id: string) => structuredClone(loadSamples().find((d) => d.id === id)!);

describe('designer storage (IndexedDB in Chromium)', () => {
  it('seeds every sample on first run, stamped with the storage version, with their published revisions', async () => {
    const repo = new SopRepository(freshDb());
    const drafts = await repo.listDrafts();
    expect(drafts.map((d) => d.id).sort()).toEqual(loadSamples().map((d) => d.id).sort());
    const all = await repo.db.drafts.toArray();
    expect(all.every((r) => r.schemaVersion === STORAGE_SCHEMA_VERSION)).toBe(true);
    expect(repo.db.verno).toBe(LATEST_STORAGE_VERSION);
    const bwi = await repo.loadDraft('bwi-spm-online');
    expect(bwi?.doc).toEqual(sample('bwi-spm-online'));
    expect((await repo.listRevisions('bwi-spm-online')).map((r) => r.number)).toEqual([1]);
    expect(await repo.listRevisions('lmj-01-ugb')).toEqual([]);
  });

  it('seeds only once: a deleted sample stays deleted after the database is reopened', async () => {
    const db = freshDb();
    const repo = new SopRepository(db);
    await repo.deleteDraft('oku-01-sktm');
    db.close();
    const again = openDesignerDb({ name: db.name });
    opened.push(again);
    const ids = (await new SopRepository(again).listDrafts()).map((d) => d.id);
    expect(ids).not.toContain('oku-01-sktm');
    expect(ids).toHaveLength(loadSamples().length - 1);
  });

  it('runs every declared migration: a database opened with the full list is at the latest version', async () => {
    expect(storageVersions.map((v) => v.version)).toEqual(
      Array.from({ length: storageVersions.length }, (_, i) => i + 1),
    );
    const db = freshDb(() => []);
    await db.open();
    expect(db.verno).toBe(LATEST_STORAGE_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['drafts', 'meta', 'revisions', 'serverPublications', 'session']);
  });

  it('migration 2 gives every draft of a version-1 database its agency, and restamps it', async () => {
    const name = `designer-storage-test-${Date.now()}-${counter++}`;
    const v1 = openDesignerDb({ name, versions: storageVersions.slice(0, 1), seed: () => [] });
    opened.push(v1);
    const doc = sample('bwi-spm-online');
    await v1.drafts.add({
      id: doc.id, schemaVersion: 1, title: doc.identity.title, number: doc.identity.number, status: 'published', revisionNumber: 1,
      createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z', saveCount: 3, json: JSON.stringify(doc),
    } as unknown as DraftRecord);
    await v1.drafts.add({
      id: 'rusak', schemaVersion: 1, title: 'Rusak', number: '', status: 'draft', revisionNumber: 0,
      createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z', saveCount: 1, json: '{not json',
    } as unknown as DraftRecord);
    v1.close();

    const latest = openDesignerDb({ name, versions: storageVersions.slice(0, 2), seed: () => [] });
    opened.push(latest);
    const drafts = await new SopRepository(latest).listDrafts();
    expect(drafts.map((d) => [d.id, d.government, d.office, d.unit, d.saveCount])).toEqual([
      ['bwi-spm-online', 'Pemerintah Kabupaten Banyuwangi', doc.identity.office, 'Bidang Perlindungan dan Jaminan Sosial', 3],
      ['rusak', '', '', '', 1],
    ]);
    expect((await latest.drafts.toArray()).map((r) => r.schemaVersion)).toEqual([2, 2]);
  });

  it('migration 3 adds the server queue to a version-2 database and keeps its drafts and revisions as they were', async () => {
    const name = `designer-storage-test-${Date.now()}-${counter++}`;
    const doc = sample('bwi-spm-online');
    const v2 = openDesignerDb({ name, versions: storageVersions.slice(0, 2), seed: () => [doc] });
    opened.push(v2);
    const before = { drafts: await v2.drafts.toArray(), revisions: await v2.revisions.toArray() };
    expect(before.revisions.map((r) => r.number)).toEqual([1]);
    v2.close();

    const latest = openDesignerDb({ name, versions: storageVersions.slice(0, 3), seed: () => [] });
    opened.push(latest);
    await latest.open();
    expect(latest.verno).toBe(3);
    expect(await latest.drafts.toArray()).toEqual(before.drafts);
    expect(await latest.revisions.toArray()).toEqual(before.revisions);
    // Revisions published before there was a server are not queued: the drafter sends them when they choose.
    expect(await latest.serverPublications.count()).toBe(0);
  });

  it('migration 4 upgrades every draft of a version-3 database to SOP schema v2 and leaves published revisions byte for byte', async () => {
    const name = `designer-storage-test-${Date.now()}-${counter++}`;
    const v3 = openDesignerDb({ name, versions: storageVersions.slice(0, 3), seed: () => [] });
    opened.push(v3);
    // What a version-3 designer stored: the sample as it was in schema v1, as its draft and as its published revision 1.
    const v1Json = JSON.stringify(v1Bwi);
    await v3.drafts.add({
      id: 'bwi-spm-online', schemaVersion: 3, title: v1Bwi.identity.title, number: v1Bwi.identity.number, government: v1Bwi.identity.government,
      office: v1Bwi.identity.office, unit: v1Bwi.identity.unit, status: 'published', revisionNumber: 1,
      createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-02T00:00:00Z', saveCount: 4, json: v1Json,
    });
    await v3.drafts.add({
      id: 'rusak', schemaVersion: 3, title: 'Rusak', number: '', government: '', office: '', unit: '', status: 'draft', revisionNumber: 0,
      createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z', saveCount: 1, json: '{not json',
    });
    await v3.revisions.add({ sopId: 'bwi-spm-online', number: 1, schemaVersion: 3, publishedAt: '2024-01-16', note: '', title: v1Bwi.identity.title, json: v1Json });
    const revisionsBefore = await v3.revisions.toArray();
    v3.close();

    const latest = openDesignerDb({ name, seed: () => [] });
    opened.push(latest);
    const repo = new SopRepository(latest);
    const records = await latest.drafts.toArray();
    expect(latest.verno).toBe(4);
    expect(records.map((r) => [r.id, r.schemaVersion, r.saveCount, r.updatedAt])).toEqual([
      ['bwi-spm-online', 4, 4, '2025-01-02T00:00:00Z'],
      ['rusak', 4, 1, '2025-01-01T00:00:00Z'],
    ]);
    // The draft is the sample as `sop migrate` wrote it; the unreadable one is left for the editor to report.
    expect(JSON.parse(records[0]!.json)).toEqual(sample('bwi-spm-online'));
    expect(records[1]!.json).toBe('{not json');
    expect((await repo.loadDraft('bwi-spm-online'))!.doc.schemaVersion).toBe(2);
    // The revision is untouched; read back, it is migrated in memory and still knows what was published.
    expect(await latest.revisions.toArray()).toEqual(revisionsBefore);
    const revision = (await repo.loadRevision('bwi-spm-online', 1))!;
    expect(revision.schemaVersion).toBe(2);
    expect(revisionFileText(revision)).toBe(JSON.stringify(v1Bwi, null, 2) + '\n');
  });

  it('never overwrites an existing SOP id without being told to', async () => {
    const repo = new SopRepository(freshDb());
    const doc = sample('oku-01-sktm');
    doc.identity.title = 'Imported copy';
    await expect(repo.createDraft(doc)).rejects.toMatchObject({ kind: 'exists' });
    expect((await repo.loadDraft('oku-01-sktm'))?.doc.identity.title).not.toBe('Imported copy');
    await repo.createDraft(doc, { replace: true });
    expect((await repo.loadDraft('oku-01-sktm'))?.doc.identity.title).toBe('Imported copy');
    expect(await repo.uniqueId('oku-01-sktm')).toBe('oku-01-sktm-2');
  });

  it('detects a save from another tab instead of overwriting it', async () => {
    const db = freshDb();
    const tabA = new SopRepository(db);
    const tabB = new SopRepository(db);
    const loadedA = (await tabA.loadDraft('lmj-06-tetirah'))!;
    const loadedB = (await tabB.loadDraft('lmj-06-tetirah'))!;
    loadedB.doc.identity.title = 'Edited in tab B';
    expect((await tabB.saveDraft(loadedB.doc, loadedB.summary.saveCount)).status).toBe('saved');
    loadedA.doc.identity.title = 'Edited in tab A';
    const result = await tabA.saveDraft(loadedA.doc, loadedA.summary.saveCount);
    expect(result.status).toBe('conflict');
    expect((await tabA.loadDraft('lmj-06-tetirah'))?.doc.identity.title).toBe('Edited in tab B');
    // The drafter chose to keep their own version.
    expect((await tabA.saveDraft(loadedA.doc, null)).status).toBe('saved');
    expect((await tabB.loadDraft('lmj-06-tetirah'))?.doc.identity.title).toBe('Edited in tab A');
  });

  it('refuses to store a document that would not survive as JSON, keeping the last good state', async () => {
    const repo = new SopRepository(freshDb());
    const loaded = (await repo.loadDraft('oku-03-bencana'))!;
    const broken = structuredClone(loaded.doc) as unknown as { flows: { steps: unknown[] }[] };
    broken.flows[0]!.steps.push(undefined);
    await expect(repo.saveDraft(broken as unknown as SopDocument, loaded.summary.saveCount)).rejects.toMatchObject({
      kind: 'not-json',
    });
    const nan = structuredClone(loaded.doc);
    nan.revision.number = Number.NaN;
    await expect(repo.saveDraft(nan, loaded.summary.saveCount)).rejects.toBeInstanceOf(StorageError);
    expect((await repo.loadDraft('oku-03-bencana'))?.doc).toEqual(loaded.doc);
  });

  it('explains a full disk in both languages and keeps the last good state', async () => {
    const repo = new SopRepository(freshDb());
    const loaded = (await repo.loadDraft('oku-03-bencana'))!;
    const spy = vi.spyOn(repo.db.drafts, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    const edited = structuredClone(loaded.doc);
    edited.identity.title = 'Not saved';
    const error = await repo.saveDraft(edited, loaded.summary.saveCount).catch((e: unknown) => e);
    spy.mockRestore();
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('quota');
    expect((error as StorageError).userMessage.id).toMatch(/penuh/);
    expect((error as StorageError).userMessage.en).toMatch(/full/);
    expect((await repo.loadDraft('oku-03-bencana'))?.doc.identity.title).toBe(loaded.doc.identity.title);
    // Once space is free the same save goes through.
    expect((await repo.saveDraft(edited, loaded.summary.saveCount)).status).toBe('saved');
  });

  it('deletes restorably, and purges only after the retention period', async () => {
    let now = new Date('2025-01-01T00:00:00Z');
    const db = freshDb();
    const repo = new SopRepository(db, () => now);
    await repo.deleteDraft('oku-01-sktm');
    expect(await repo.exists('oku-01-sktm')).toBe(false);
    await repo.restoreDraft('oku-01-sktm');
    expect(await repo.exists('oku-01-sktm')).toBe(true);
    await repo.deleteDraft('oku-01-sktm');
    expect(await repo.purgeDeleted()).toBe(0);
    now = new Date('2025-02-01T00:00:00Z');
    expect(await repo.purgeDeleted()).toBe(1);
    expect(await db.drafts.get('oku-01-sktm')).toBeUndefined();
    expect(await repo.listRevisions('oku-01-sktm')).toEqual([]);
  });

  it('freezes published revisions: one transaction with the draft, never overwritten', async () => {
    const repo = new SopRepository(freshDb(() => [sample('lmj-06-tetirah')]));
    const loaded = (await repo.loadDraft('lmj-06-tetirah'))!;
    const frozen = structuredClone(loaded.doc);
    frozen.revision = { number: 1, status: 'published', publishedAt: '2025-03-01' };
    const result = await repo.publish(
      { doc: frozen, number: 1, note: 'Pertama', publishedAt: '2025-03-01' },
      frozen,
      loaded.summary.saveCount,
    );
    expect(result.status).toBe('saved');
    expect(await repo.loadRevision('lmj-06-tetirah', 1)).toEqual(frozen);
    const again = await repo
      .publish({ doc: loaded.doc, number: 1, note: 'again', publishedAt: '2025-03-02' }, loaded.doc, null)
      .catch((e: unknown) => e);
    expect(again).toMatchObject({ kind: 'exists' });
    expect(await repo.loadRevision('lmj-06-tetirah', 1)).toEqual(frozen);
    expect((await repo.listRevisions('lmj-06-tetirah')).map((r) => r.note)).toEqual(['Pertama']);
  });

  it('remembers the session: which SOP, flow and view were open', async () => {
    const repo = new SopRepository(freshDb(() => []));
    expect(await repo.loadSession()).toBeUndefined();
    await repo.saveSession({ screen: 'editor', sopId: 'x', flowId: 'main', view: 'json' });
    expect(await repo.loadSession()).toMatchObject({ screen: 'editor', sopId: 'x', flowId: 'main', view: 'json', schemaVersion: STORAGE_SCHEMA_VERSION });
  });

  it('refuses records written by a newer storage format instead of misreading them', async () => {
    const repo = new SopRepository(freshDb());
    await repo.db.drafts.update('oku-01-sktm', { schemaVersion: STORAGE_SCHEMA_VERSION + 1 });
    await expect(repo.loadDraft('oku-01-sktm')).rejects.toMatchObject({ kind: 'newer-format' });
    const doc = sample('oku-01-sktm');
    await expect(repo.saveDraft(doc, null)).rejects.toMatchObject({ kind: 'newer-format' });
  });
});

describe('autosave', () => {
  it('writes once after the drafter pauses, with the latest value only', async () => {
    const saved: number[] = [];
    const autosave = createAutosaver<number>({ save: async (v) => void saved.push(v), delayMs: 30, target: null });
    autosave.schedule(1);
    autosave.schedule(2);
    autosave.schedule(3);
    expect(autosave.pending).toBe(true);
    await new Promise((r) => setTimeout(r, 80));
    expect(saved).toEqual([3]);
    expect(autosave.pending).toBe(false);
  });

  it('flushes at once when the tab is hidden and when the page is hidden', async () => {
    const saved: string[] = [];
    const autosave = createAutosaver<string>({ save: async (v) => void saved.push(v), delayMs: 10_000 });
    autosave.schedule('before hiding');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    delete (document as { visibilityState?: string }).visibilityState;
    await autosave.flush();
    expect(saved).toEqual(['before hiding']);
    autosave.schedule('before unload');
    window.dispatchEvent(new Event('pagehide'));
    await autosave.flush();
    expect(saved).toEqual(['before hiding', 'before unload']);
    await autosave.dispose();
  });

  it('keeps saves in order and reports failures without losing later values', async () => {
    const saved: number[] = [];
    const errors: unknown[] = [];
    const autosave = createAutosaver<number>({
      save: async (v) => {
        await new Promise((r) => setTimeout(r, 5));
        if (v === 1) throw new Error('disk');
        saved.push(v);
      },
      delayMs: 1,
      target: null,
      onError: (e) => errors.push(e),
    });
    autosave.schedule(1);
    void autosave.flush();
    autosave.schedule(2);
    await autosave.flush();
    expect(saved).toEqual([2]);
    expect(errors).toHaveLength(1);
  });
});
