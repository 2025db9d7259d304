import Dexie, { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { publishRevision, revisionFileText } from '../core/document';
import { loadSample, loadSamples } from '../samples/index';
import type { SopDocument } from '../schemas/generated/sop.types';
import {
  addRevision,
  availabilityForNewCase,
  importRevisionFile,
  listOffered,
  seedCatalogue,
  setRevisionArchived,
  type CatalogueRevision,
} from './catalogue';
import { DeviceDb } from './db';
import { scratchDeviceDb } from './testing';
import { sopContentHash } from '../core/engine';
import v1Bwi from '../core/migrations/fixtures/bwi-spm-online.v1.sop.json';

const opened: DeviceDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
const track = (db: DeviceDb) => (opened.push(db), db);

function published(id: string, edit?: (doc: SopDocument) => void): SopDocument {
  const doc = structuredClone(loadSample(id)!);
  edit?.(doc);
  const outcome = publishRevision(doc, { note: 'uji', date: '2026-12-01' });
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message.en).join('; '));
  return outcome.published;
}

async function snapshot(db: DeviceDb) {
  return (await db.catalogue.toArray()).map((r) => `${r.key}:${r.contentHash.slice(0, 8)}:${r.archivedAt ?? ''}`).sort();
}

describe('catalogue of published revisions (Chromium IndexedDB)', () => {
  it('offers the newest revision of each SOP; a newer one supersedes the older for new cases', async () => {
    const db = track(scratchDeviceDb());
    const rev1 = published('lmj-01-ugb');
    expect((await addRevision(db, rev1, { source: 'designer' })).status).toBe('added');
    expect((await addRevision(db, rev1, { source: 'designer' })).status).toBe('unchanged');
    const rev2 = publishRevision({ ...structuredClone(rev1), revision: { ...rev1.revision, status: 'draft' } } as SopDocument, { note: 'dua', date: '2026-12-02' });
    if (!rev2.ok) throw new Error('rev2');
    await addRevision(db, rev2.published, { source: 'designer' });
    const offered = await listOffered(db);
    expect(offered.map((o) => o.key)).toEqual(['lmj-01-ugb@2']);
    expect(offered[0]!.publishedAt).toBe('2026-12-02');
    expect(await availabilityForNewCase(db, 'lmj-01-ugb@1')).toMatchObject({ offered: false, reason: 'superseded', current: { key: 'lmj-01-ugb@2' } });
    expect(await availabilityForNewCase(db, 'lmj-01-ugb@2')).toEqual({ offered: true });
  });

  it('archiving the current revision withdraws the SOP from new cases, and can be undone', async () => {
    const db = track(scratchDeviceDb());
    await addRevision(db, published('lmj-02-pub'), { source: 'designer' });
    await setRevisionArchived(db, 'lmj-02-pub', 1, '2026-12-02T00:00:00.000Z');
    expect(await listOffered(db)).toEqual([]);
    expect(await availabilityForNewCase(db, 'lmj-02-pub@1')).toMatchObject({ offered: false, reason: 'archived' });
    await setRevisionArchived(db, 'lmj-02-pub', 1, null);
    expect((await listOffered(db)).map((o) => o.key)).toEqual(['lmj-02-pub@1']);
  });

  it('refuses other content under a stored revision number and writes nothing', async () => {
    const db = track(scratchDeviceDb());
    await addRevision(db, published('lmj-01-ugb'), { source: 'designer' });
    const before = await snapshot(db);
    const changed = published('lmj-01-ugb', (d) => (d.identity.title = 'Judul lain'));
    await expect(addRevision(db, changed, { source: 'file' })).rejects.toMatchObject({ code: 'revision.conflict' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('imports a revision file only when it is a valid published revision; otherwise says where and writes nothing', async () => {
    const db = track(scratchDeviceDb());
    await seedCatalogue(db, loadSamples());
    const before = await snapshot(db);
    const draftText = revisionFileText(structuredClone(loadSample('lmj-06-tetirah')!));
    const validText = revisionFileText(published('lmj-06-tetirah'));
    const invalid = published('lmj-07-rekom-keringanan-biaya-rs');
    const invalidText = revisionFileText({ ...invalid, flows: [{ ...invalid.flows[0]!, steps: [] }] } as SopDocument);
    const conflicting = structuredClone(loadSample('bwi-spm-online')!);
    conflicting.identity.title = 'SPM Online (diubah)';
    const cases: [string, string, string][] = [
      ['draft', draftText, 'revision.not-published'],
      ['invalid', invalidText, 'flow.empty'],
      ['truncated', validText.slice(0, Math.floor(validText.length * 0.7)), 'json.syntax'],
      ['same number, other content', revisionFileText(conflicting), 'revision.conflict'],
      ['not JSON at all', 'PK\u0003\u0004 binary', 'json.syntax'],
    ];
    for (const [what, text, ruleId] of cases) {
      const result = await importRevisionFile(db, text);
      expect(result.ok, what).toBe(false);
      if (!result.ok) {
        expect(result.diagnostics.map((d) => d.ruleId), what).toContain(ruleId);
        for (const d of result.diagnostics) expect(d.message.id && d.message.en, what).toBeTruthy();
      }
      expect(await snapshot(db), what).toEqual(before);
    }
    const imported = await importRevisionFile(db, validText);
    expect(imported).toMatchObject({ ok: true, status: 'added' });
    expect((await listOffered(db)).some((o) => o.key === 'lmj-06-tetirah@1')).toBe(true);
  });

  it('seeds the published samples once; a later open leaves an archived sample archived', async () => {
    const db = track(scratchDeviceDb());
    const published = loadSamples().filter((d) => d.revision.status === 'published');
    expect(await seedCatalogue(db, loadSamples())).toBe(published.length);
    await setRevisionArchived(db, 'bwi-spm-online', 1, '2026-12-02T00:00:00.000Z');
    expect(await seedCatalogue(db, loadSamples())).toBe(0);
    expect((await listOffered(db)).length).toBe(published.length - 1);
  });

  it('lets a live query on one connection see a revision another connection (another tab) adds', async () => {
    const reader = track(scratchDeviceDb('live'));
    const writer = track(new DeviceDb(reader.name));
    const seen: CatalogueRevision[][] = [];
    const subscription = liveQuery(() => listOffered(reader)).subscribe((value) => seen.push(value));
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    await addRevision(writer, published('lmj-04-anak-terlantar-jalanan'), { source: 'designer' });
    await expect.poll(() => seen[seen.length - 1]?.map((o) => o.key)).toEqual(['lmj-04-anak-terlantar-jalanan@1']);
    subscription.unsubscribe();
  });
});

describe('revisions published in schema v1', () => {
  // The Banyuwangi sample as schema v1 wrote it, published as revision 1 (core/migrations/fixtures).
  const v1Text = () => revisionFileText(v1Bwi as unknown as SopDocument);

  it('import as published: the file is stored byte for byte, its hash is over it, and the runtime reads it migrated', async () => {
    const db = track(scratchDeviceDb());
    const result = await importRevisionFile(db, v1Text());
    expect(result).toMatchObject({ ok: true, status: 'added', upgradedFrom: 1 });
    const row = (await db.catalogue.get('bwi-spm-online@1'))!;
    expect(row.json).toBe(JSON.stringify(v1Bwi));
    expect(row.contentHash).toBe(sopContentHash(structuredClone(v1Bwi) as unknown as SopDocument));
    const [offered] = await listOffered(db);
    expect(offered!.doc.schemaVersion).toBe(2);
    expect(offered!.doc.flows[0]!.steps.at(-1)!.outcome).toBe('selesai');
    // The engine answers the published hash for the migrated document: a case pins what was published.
    expect(sopContentHash(offered!.doc)).toBe(row.contentHash);
    // Exported again from here, it is the same revision (the same bytes), so importing it is a no-op.
    expect(revisionFileText(offered!.doc)).toBe(v1Text());
    expect(await importRevisionFile(db, revisionFileText(offered!.doc))).toMatchObject({ ok: true, status: 'unchanged' });
  });

  it('refuses the migrated form under the same number: it is other content than was published', async () => {
    const db = track(scratchDeviceDb());
    await importRevisionFile(db, v1Text());
    const migrated = JSON.stringify(loadSample('bwi-spm-online'), null, 2);
    expect(await importRevisionFile(db, migrated)).toMatchObject({ ok: false, diagnostics: [{ ruleId: 'revision.conflict' }] });
  });
});
