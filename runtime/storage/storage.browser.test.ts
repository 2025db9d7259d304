import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { foldEvents, type CaseCommand } from '../../core/engine';
import { loadSamples } from '../../samples/index';
import { RuntimeDb, SCHEMA_VERSION, NO_DUE, schemaVersionOf } from './db';
import {
  caseEvents,
  commitCommand,
  listCases,
  listMyWork,
  loadDraft,
  newId,
  runningCasesForNik,
  requestPersistence,
  saveDraft,
  searchCases,
  seedPublishedSops,
  startCase,
  storageStatus,
  storeSopRevision,
  type CommitResult,
} from './repository';
import { dbWithSop, loadNativeFixture, sampleDoc, scratchDb, type DbFixture } from './testing';
import v1Fixture from './fixtures/v1.json';

const APPLICANT = { nama: 'Siti Aminah', nik: '3510015205850002' };
const S1_ALL = ['s1-r1', 's1-r2', 's1-r3'];
const opened: RuntimeDb[] = [];

afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

function track<T extends RuntimeDb>(db: T): T {
  opened.push(db);
  return db;
}

function okState(result: CommitResult) {
  if (!result.ok) throw new Error(`${result.rejection.code}: ${result.rejection.message.en}`);
  return result.state;
}

async function startedCase() {
  const { db, sopKey } = await dbWithSop();
  track(db);
  const state = okState(await startCase(db, { sopKey, fields: APPLICANT, at: '2025-06-02T01:00:00.000Z' }));
  return { db, sopKey, state };
}

function complete(caseId: string, revision: number, extra: Partial<CaseCommand> = {}): CaseCommand {
  return { type: 'step.complete', id: newId(), caseId, expectedRevision: revision, at: new Date().toISOString(), stepId: 's1', ticked: S1_ALL, ...extra } as CaseCommand;
}

describe('one command = one transaction (Chromium IndexedDB)', () => {
  it('stores the events and the snapshot together; the snapshot is the fold of the stored events', async () => {
    const { db, state } = await startedCase();
    expect(state.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    const after = okState(await commitCommand(db, complete(state.id, 1)));
    const row = (await db.cases.get(state.id))!;
    expect(row.revision).toBe(2);
    expect(row.state).toEqual(after);
    expect(foldEvents(await caseEvents(db, state.id))).toEqual(row.state);
    expect(row.currentActor).toBe('desa-kelurahan');
    expect(row.applicantNik).toBe('3510015205850002');
    expect(row.nameTokens).toEqual(['siti', 'aminah']);
  });

  it('does nothing for a repeated command id', async () => {
    const { db, state } = await startedCase();
    const command = complete(state.id, 1);
    okState(await commitCommand(db, command));
    const again = await commitCommand(db, command);
    expect(again).toMatchObject({ ok: true, duplicate: true, events: [] });
    expect(await db.events.where('caseId').equals(state.id).count()).toBe(4);
  });

  it('stores attachments (Blobs) with the event, and clears the step draft in the same commit', async () => {
    const { db, state } = await startedCase();
    await saveDraft(db, state.id, 's1#1', { ticked: ['s1-r1'], waivers: {}, fields: {}, output: '', note: 'draft' });
    const blob = new Blob(['KTP Siti'], { type: 'text/plain' });
    const attachment = { id: newId(), blob, name: 'ktp.txt', type: 'text/plain', requirementId: 's1-r1', visitId: 's1#1' };
    okState(
      await commitCommand(
        db,
        complete(state.id, 1, { attachments: [{ id: attachment.id, name: 'ktp.txt', type: 'text/plain', size: blob.size, requirementId: 's1-r1' }] } as Partial<CaseCommand>),
        { attachments: [attachment], clearDrafts: ['s1#1'] },
      ),
    );
    const stored = (await db.attachments.get(attachment.id))!;
    expect(stored).toMatchObject({ caseId: state.id, requirementId: 's1-r1', size: 8 });
    expect(await stored.blob.text()).toBe('KTP Siti');
    expect(stored.eventId).toMatch(/:0$/);
    expect(await loadDraft(db, state.id, 's1#1')).toBeUndefined();
  });

  it('returns the engine\'s rejection and writes nothing', async () => {
    const { db, state } = await startedCase();
    const result = await commitCommand(db, complete(state.id, 1, { ticked: [] } as Partial<CaseCommand>));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.rejection.code).toBe('requirement.unticked');
    expect((await db.cases.get(state.id))!.revision).toBe(1);
    expect(await db.events.count()).toBe(2);
  });
});

describe('a full disk (QuotaExceededError)', () => {
  it('tells the clerk in both languages and keeps the previous state intact', async () => {
    const { db, state } = await startedCase();
    const eventsBefore = await db.events.toArray();
    const rowBefore = await db.cases.get(state.id);
    const originalPut = db.cases.put.bind(db.cases);
    // The disk fills up while the snapshot is written, after the events were added in the same transaction.
    db.cases.put = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof db.cases.put;
    const attachment = { id: newId(), blob: new Blob(['x'.repeat(1000)]), name: 'scan.jpg', type: 'image/jpeg' };
    const result = await commitCommand(db, complete(state.id, 1), { attachments: [attachment] });
    db.cases.put = originalPut;

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.rejection.code).toBe('storage.full');
      expect(result.rejection.message.id).toContain('Penyimpanan perangkat penuh');
      expect(result.rejection.message.en).toContain('storage is full');
    }
    expect(await db.events.toArray()).toEqual(eventsBefore);
    expect(await db.cases.get(state.id)).toEqual(rowBefore);
    expect(await db.attachments.count()).toBe(0);
    // Once space is freed, the same command goes through.
    expect((await commitCommand(db, complete(state.id, 1))).ok).toBe(true);
  });

  it('reports a full disk while saving a draft as a StorageError', async () => {
    const { db, state } = await startedCase();
    const original = db.drafts.put.bind(db.drafts);
    db.drafts.put = (() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as typeof db.drafts.put;
    await expect(saveDraft(db, state.id, 's1#1', { ticked: [], waivers: {}, fields: {}, output: '', note: 'x' })).rejects.toMatchObject({ code: 'storage.full' });
    db.drafts.put = original;
  });
});

describe('two tabs on the same case', () => {
  it('commit exactly one of two completions of the same step; the other is told the case changed', async () => {
    const { db, state } = await startedCase();
    const secondTab = track(new RuntimeDb(db.name));
    await secondTab.open();
    const [a, b] = await Promise.all([commitCommand(db, complete(state.id, 1)), commitCommand(secondTab, complete(state.id, 1))]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok)!;
    expect(!loser.ok && loser.rejection.code).toBe('revision.stale');
    const completions = (await caseEvents(db, state.id)).filter((e) => e.type === 'step.completed' && e.stepId === 's1');
    expect(completions).toHaveLength(1);
    expect((await secondTab.cases.get(state.id))!.revision).toBe(2);
  });

  it('sees the other tab\'s commit through a live query', async () => {
    const { db, state } = await startedCase();
    const secondTab = track(new RuntimeDb(db.name));
    const seen: number[] = [];
    const subscription = Dexie.liveQuery(() => secondTab.cases.get(state.id)).subscribe((row) => row && seen.push(row.revision));
    await expect.poll(() => seen.includes(1)).toBe(true);
    okState(await commitCommand(db, complete(state.id, 1)));
    await expect.poll(() => seen.includes(2), { timeout: 3000 }).toBe(true);
    subscription.unsubscribe();
  });
});

describe('SOP revisions', () => {
  it('are immutable: the same content again is a no-op, other content under the same revision is refused', async () => {
    const db = track(scratchDb());
    const doc = sampleDoc();
    await storeSopRevision(db, doc);
    await storeSopRevision(db, structuredClone(doc));
    const changed = structuredClone(doc);
    changed.flows[0]!.steps[0]!.text = 'Diubah';
    await expect(storeSopRevision(db, changed)).rejects.toMatchObject({ code: 'sop.revisionConflict' });
    changed.revision.number = 2;
    await storeSopRevision(db, changed);
    expect(await db.sops.count()).toBe(2);
  });

  it('seeds the published samples once', async () => {
    const db = track(scratchDb());
    const samples = loadSamples();
    const published = samples.filter((s) => s.revision.status === 'published').length;
    expect(await seedPublishedSops(db, samples)).toBe(published);
    expect(await seedPublishedSops(db, samples)).toBe(0);
    expect(await db.sops.count()).toBe(published);
  });

  it('refuses a case on an SOP that is not stored', async () => {
    const db = track(scratchDb());
    const result = await startCase(db, { sopKey: 'nope@1', fields: APPLICANT });
    expect(!result.ok && result.rejection.code).toBe('sop.missing');
  });
});

describe('case list and search (index keys, not offsets)', () => {
  async function seeded(count: number) {
    const { db, sopKey } = await dbWithSop();
    track(db);
    const base = Date.parse('2025-06-02T01:00:00.000Z');
    const names = ['Siti Aminah', 'Budi Santoso', 'Ani Rahayu', 'Slamet Riyadi'];
    for (let i = 0; i < count; i++) {
      const nik = `35100112058${String(5000 + i).padStart(5, '0')}`;
      const r = await startCase(db, { sopKey, fields: { nama: `${names[i % 4]} ${i}`, nik }, at: new Date(base + (i % 7) * 3_600_000 + i * 1000).toISOString() });
      const state = okState(r);
      if (i % 3 === 0) okState(await commitCommand(db, complete(state.id, 1)));
      if (i % 10 === 9) okState(await commitCommand(db, { type: 'case.cancel', id: newId(), caseId: state.id, expectedRevision: state.revision + (i % 3 === 0 ? 1 : 0), at: new Date().toISOString(), reason: 'batal' }));
    }
    return db;
  }

  it('pages through every open case by due time, without repeats', async () => {
    const db = await seeded(40);
    const seen: string[] = [];
    const dues: number[] = [];
    let page = await listCases(db, { limit: 7 });
    for (let guard = 0; guard < 20; guard++) {
      seen.push(...page.rows.map((r) => r.id));
      dues.push(...page.rows.map((r) => r.dueAt));
      if (!page.next) break;
      page = await listCases(db, { limit: 7, after: page.next });
    }
    expect(seen).toHaveLength(36);
    expect(new Set(seen).size).toBe(36);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(dues.every((d) => d !== NO_DUE)).toBe(true);
  });

  it('filters by status, current actor, SOP and overdue', async () => {
    const db = await seeded(20);
    expect((await listCases(db, { status: 'cancelled', limit: 50 })).rows).toHaveLength(2);
    const desa = await listCases(db, { actor: 'desa-kelurahan', limit: 50 });
    expect(desa.rows.length).toBe(6);
    expect(desa.rows.every((r) => r.currentActor === 'desa-kelurahan' && r.status === 'open')).toBe(true);
    expect((await listCases(db, { sopId: 'bwi-spm-online', limit: 50 })).rows).toHaveLength(18);
    expect((await listCases(db, { sopId: 'other', limit: 50 })).rows).toHaveLength(0);
    expect((await listCases(db, { status: 'all', limit: 50 })).rows).toHaveLength(20);
    expect((await listCases(db, { overdue: true, now: Date.parse('2025-06-02T00:00:00.000Z'), limit: 50 })).rows).toHaveLength(0);
    expect((await listCases(db, { overdue: true, now: Date.parse('2025-07-01T00:00:00.000Z'), limit: 50 })).rows).toHaveLength(18);
  });

  it('searches by NIK prefix and by any word of the name', async () => {
    const db = await seeded(12);
    expect(await searchCases(db, '3510 0112 0580 500')).toHaveLength(10);
    expect((await searchCases(db, '35100112058050011')).map((r) => r.applicantName)).toEqual([]);
    expect((await searchCases(db, '3510011205805011')).map((r) => r.applicantName)).toEqual(['Slamet Riyadi 11']);
    expect((await searchCases(db, 'siti')).length).toBe(3);
    expect((await searchCases(db, 'AMIN')).length).toBe(3);
    expect((await searchCases(db, 'riya slam')).map((r) => r.applicantName).sort()).toEqual(['Slamet Riyadi 11', 'Slamet Riyadi 3', 'Slamet Riyadi 7']);
    expect(await searchCases(db, '   ')).toEqual([]);
  });
});

describe('schema versions and migrations', () => {
  it('writes the schema version when the database is created', async () => {
    const db = track(scratchDb());
    await db.open();
    expect(await schemaVersionOf(db)).toBe(SCHEMA_VERSION);
    expect(db.verno).toBe(SCHEMA_VERSION);
  });

  it('opens a database saved by version 1 (fixtures/v1.json) with nothing lost, and carries on with it', async () => {
    const name = `sop-studio-fixture-${Date.now()}`;
    await loadNativeFixture(name, v1Fixture as unknown as DbFixture);
    const db = track(new RuntimeDb(name));
    await db.open();
    expect(await schemaVersionOf(db)).toBe(SCHEMA_VERSION);
    const caseId = '0193b6c2-7a10-7000-8000-000000000001';
    const row = (await db.cases.get(caseId))!;
    expect(row.applicantName).toBe('Siti Aminah');
    expect(row.state.visits.map((v) => v.id)).toEqual(['s1#1', 's2#1', 's3#1']);
    expect(foldEvents(await caseEvents(db, caseId))).toEqual(row.state);
    expect(await (await db.attachments.toArray())[0]!.blob.text()).toBe('KTP Siti A');
    expect((await loadDraft(db, caseId, 's3#1'))!.values.output).toBe('Rujukan terverifikasi');
    expect((await searchCases(db, '351001520585')).map((r) => r.id)).toEqual([caseId]);
    expect((await listCases(db, { actor: 'dinas-kesehatan' })).rows.map((r) => r.id)).toEqual([caseId]);
    const next = await commitCommand(db, { type: 'step.complete', id: newId(), caseId, expectedRevision: 3, at: '2025-06-02T01:10:00.000Z', stepId: 's3' });
    expect(next.ok).toBe(true);
  });

  it('gives the cases of a version 1 database a number and their waiting lanes when it upgrades', async () => {
    const name = `sop-studio-fixture-v2-${Date.now()}`;
    await loadNativeFixture(name, v1Fixture as unknown as DbFixture);
    const db = track(new RuntimeDb(name));
    await db.open();
    const caseId = '0193b6c2-7a10-7000-8000-000000000001';
    const row = (await db.cases.get(caseId))!;
    expect(row.caseNumber).toMatch(/^SPM-2025-[0-9A-HJKMNP-TV-Z]{4}-0001$/);
    expect(row.activeLanes).toEqual(['bwi-spm-online|dinas-kesehatan']);
    expect((await searchCases(db, row.caseNumber.toLowerCase())).map((r) => r.id)).toEqual([caseId]);
    // The next case on this device continues the sequence, and the legacy number survives a command.
    const { sopKey } = { sopKey: row.sopKey };
    const second = okState(await startCase(db, { sopKey, fields: APPLICANT, at: '2025-07-01T01:00:00.000Z' }));
    expect(second.number).toBe(row.caseNumber.replace(/0001$/, '0002'));
    await commitCommand(db, { type: 'step.complete', id: newId(), caseId, expectedRevision: 3, at: '2025-06-02T01:10:00.000Z', stepId: 's3' });
    expect((await db.cases.get(caseId))!.caseNumber).toBe(row.caseNumber);
  });
});

describe('case numbers, my work and duplicate applicants', () => {
  it('numbers cases in order per device and year, never wasting a number on a refused start', async () => {
    const { db, sopKey } = await dbWithSop();
    track(db);
    const first = okState(await startCase(db, { sopKey, fields: APPLICANT, at: '2025-12-31T16:30:00.000Z' }));
    const refused = await startCase(db, { sopKey, fields: { ...APPLICANT, nik: '123' }, at: '2025-12-31T16:40:00.000Z' });
    expect(refused.ok).toBe(false);
    const second = okState(await startCase(db, { sopKey, fields: APPLICANT, at: '2025-12-31T16:45:00.000Z' }));
    // 16:30 UTC on 31 December is 23:30 WIB (2025); 16:45 UTC... still 2025 until 17:00 UTC.
    expect(first.number).toMatch(/^SPM-2025-(\w{4})-0001$/);
    expect(second.number).toBe(first.number!.replace(/0001$/, '0002'));
    const newYear = okState(await startCase(db, { sopKey, fields: APPLICANT, at: '2025-12-31T17:05:00.000Z' }));
    expect(newYear.number).toBe(first.number!.replace('-2025-', '-2026-'));
    const row = (await db.cases.get(second.id))!;
    expect(row.caseNumber).toBe(second.number);
    expect((await searchCases(db, ` ${second.number!.toLowerCase()} `)).map((r) => r.id)).toEqual([second.id]);
    expect((await searchCases(db, second.number!.slice(0, 9))).length).toBe(2);
  });

  it('lists my work across lanes, most urgent first, and only open cases', async () => {
    const { db, sopKey } = await dbWithSop();
    track(db);
    const a = okState(await startCase(db, { sopKey, fields: APPLICANT, at: '2025-06-02T01:00:00.000Z' }));
    const b = okState(await startCase(db, { sopKey, fields: APPLICANT, at: '2025-06-02T02:00:00.000Z' }));
    await commitCommand(db, complete(b.id, 1));
    // a waits on the applicant (s1), b on the village (s2).
    expect((await listMyWork(db, ['bwi-spm-online|desa-kelurahan'])).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await listMyWork(db, ['bwi-spm-online|desa-kelurahan', 'bwi-spm-online|masyarakat-pemohon'])).rows.map((r) => r.id)).toEqual([a.id, b.id]);
    expect((await listMyWork(db, ['other-sop|desa-kelurahan'])).rows).toEqual([]);
    await commitCommand(db, { type: 'case.cancel', id: newId(), caseId: a.id, expectedRevision: 1, at: new Date().toISOString(), reason: 'Pemohon membatalkan' });
    expect((await listMyWork(db, ['bwi-spm-online|masyarakat-pemohon'])).rows).toEqual([]);
  });

  it('finds the cases still running for a NIK on the same SOP', async () => {
    const { db, sopKey } = await dbWithSop();
    track(db);
    expect(await runningCasesForNik(db, 'bwi-spm-online', APPLICANT.nik)).toEqual([]);
    const a = okState(await startCase(db, { sopKey, fields: APPLICANT }));
    expect((await runningCasesForNik(db, 'bwi-spm-online', APPLICANT.nik)).map((r) => r.id)).toEqual([a.id]);
    expect(await runningCasesForNik(db, 'another-sop', APPLICANT.nik)).toEqual([]);
    await commitCommand(db, { type: 'case.cancel', id: newId(), caseId: a.id, expectedRevision: 1, at: new Date().toISOString(), reason: 'Salah input' });
    expect(await runningCasesForNik(db, 'bwi-spm-online', APPLICANT.nik)).toEqual([]);
  });
});

describe('device storage', () => {
  it('asks for persistent storage and reports usage', async () => {
    const persisted = await requestPersistence();
    expect(persisted === null || typeof persisted === 'boolean').toBe(true);
    const status = await storageStatus();
    expect(typeof status.usage).toBe('number');
    expect(status.quota).toBeGreaterThan(0);
  });
});
