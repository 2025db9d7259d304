import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { publishRevision } from '../../core/document';
import { listOffered, type DeviceDb } from '../../device';
import { scratchDeviceDb } from '../../device/testing';
import { loadSamples } from '../../samples';
import { openDesignerDb, type DesignerDatabase } from './db';
import { deviceCatalogueTarget, type PublicationTarget } from './publication';
import { SopRepository } from './repository';
import { sopContentHash } from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';
import v1Bwi from '../../core/migrations/fixtures/bwi-spm-online.v1.sop.json';

const opened: (DesignerDatabase | DeviceDb)[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const sample = (id: string) => structuredClone(loadSamples().find((d) => d.id === id)!);

function setup(target?: (device: DeviceDb) => PublicationTarget) {
  const db = openDesignerDb({ name: `designer-publication-${Date.now()}-${Math.random()}`, seed: () => [sample('lmj-01-ugb')] });
  const device = scratchDeviceDb('designer-publication');
  opened.push(db, device);
  const repo = new SopRepository(db, undefined, (target ?? deviceCatalogueTarget)(device));
  return { repo, device };
}

async function publishOnce(repo: SopRepository, id: string, note: string) {
  const loaded = (await repo.loadDraft(id))!;
  const outcome = publishRevision(loaded.doc, { note, date: '2026-12-02' });
  if (!outcome.ok) throw new Error('not publishable');
  return repo.publish({ doc: outcome.published, number: outcome.published.revision.number, note, publishedAt: '2026-12-02' }, outcome.nextDraft, loaded.summary.saveCount);
}

describe('designer → runtime hand-over (Chromium IndexedDB)', () => {
  it('puts every published revision in the device catalogue, the newest offered for new cases', async () => {
    const { repo, device } = setup();
    expect(await listOffered(device)).toEqual([]);
    expect(await publishOnce(repo, 'lmj-01-ugb', 'pertama')).toMatchObject({ status: 'saved' });
    expect((await listOffered(device)).map((o) => o.key)).toEqual(['lmj-01-ugb@1']);
    await publishOnce(repo, 'lmj-01-ugb', 'kedua');
    expect((await listOffered(device)).map((o) => `${o.key} ${o.publishedAt}`)).toEqual(['lmj-01-ugb@2 2026-12-02']);
  });

  it('archiving in the designer withdraws the revision from new cases; reactivating offers it again', async () => {
    const { repo, device } = setup();
    await publishOnce(repo, 'lmj-01-ugb', 'pertama');
    expect(await repo.setRevisionArchived('lmj-01-ugb', 1, '2026-12-02T03:00:00.000Z')).toBeUndefined();
    expect((await repo.listRevisions('lmj-01-ugb'))[0]?.archivedAt).toBe('2026-12-02T03:00:00.000Z');
    expect(await listOffered(device)).toEqual([]);
    await repo.setRevisionArchived('lmj-01-ugb', 1, null);
    expect((await listOffered(device)).map((o) => o.key)).toEqual(['lmj-01-ugb@1']);
  });

  it('keeps a revision whose hand-over failed (a full disk) and hands it over when the designer starts again', async () => {
    let full = true;
    const { repo, device } = setup((device) => {
      const real = deviceCatalogueTarget(device);
      return {
        publish: async (doc) => {
          if (full) throw Object.assign(new Error('full'), { localized: { id: 'Penyimpanan penuh.', en: 'Storage full.' } });
          await real.publish(doc);
        },
        setArchived: real.setArchived,
      };
    });
    const result = await publishOnce(repo, 'lmj-01-ugb', 'pertama');
    expect(result).toMatchObject({ status: 'saved', handOverFailed: { id: expect.stringContaining('Penyimpanan penuh.') } });
    expect((await repo.listRevisions('lmj-01-ugb')).map((r) => r.number)).toEqual([1]);
    expect(await listOffered(device)).toEqual([]);
    full = false;
    expect(await repo.syncPublications()).toBe(0);
    expect((await listOffered(device)).map((o) => o.key)).toEqual(['lmj-01-ugb@1']);
  });
});

describe('a revision published in schema v1, handed over after the upgrade', () => {
  it('reaches the catalogue as published, with the hash of what was published, and is offered migrated', async () => {
    const { repo, device } = setup();
    const v1Json = JSON.stringify(v1Bwi);
    // The designer's own record of a revision published before schema v2: never rewritten.
    await repo.db.revisions.add({ sopId: 'bwi-spm-online', number: 1, schemaVersion: 3, publishedAt: '2024-01-16', note: '', title: 'SPM', json: v1Json });
    expect(await repo.syncPublications()).toBe(0);
    const row = (await device.catalogue.get('bwi-spm-online@1'))!;
    expect(row.json).toBe(v1Json);
    expect(row.contentHash).toBe(sopContentHash(JSON.parse(v1Json) as SopDocument));
    const [offered] = (await listOffered(device)).filter((o) => o.sopId === 'bwi-spm-online');
    expect(offered!.doc.schemaVersion).toBe(2);
    // Handing it over again (every start of the designer does) changes nothing.
    expect(await repo.syncPublications()).toBe(0);
    expect((await device.catalogue.get('bwi-spm-online@1'))!.json).toBe(v1Json);
  });
});
