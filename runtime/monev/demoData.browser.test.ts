// Demo data for monev in a real IndexedDB (Chromium): months of Banyuwangi SPM cases in a database of their own.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { RUNTIME_DB_NAME, RuntimeDb } from '../storage/db';
import { caseEvents, commitCommand, listCases, listMyWork, searchCases, seedPublishedSops, startCase } from '../storage/repository';
import { sampleDoc } from '../storage/testing';
import { DEMO_DB_NAME, DEMO_META_KEY, fillDemoDatabase, isDemoUrl, wipeDemoData, type DemoFillProgress } from './demoData';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function database(label: string): RuntimeDb {
  const name = `sop-studio-${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  names.push(name);
  return new RuntimeDb(name);
}

const FROM = Date.parse('2025-01-01T00:00:00+07:00');

describe('monev demo database (Chromium)', () => {
  // Writes about 1,000 cases with their events: seconds on a quiet machine, far more on a loaded CI one.
  it('fills a demo database with 6 months of cases the case list shows, leaves the real database alone, and wipes', async () => {
    const real = database('real');
    const spm = sampleDoc('bwi-spm-online');
    await seedPublishedSops(real, [spm]);
    const started = await startCase(real, { sopKey: 'bwi-spm-online@1', fields: { nama: 'Siti Aminah', nik: '3510015205850002' } });
    expect(started.ok).toBe(true);

    const demo = database('contoh-monev');
    const progress: DemoFillProgress[] = [];
    const filled = await fillDemoDatabase(demo, [spm, sampleDoc('lmj-01-ugb')], { seed: 42, from: FROM, months: 6, chunkSize: 200 }, (p) => progress.push(p));

    // Six months at about eight cases a working day; the draft (lmj-01-ugb) runs no cases.
    expect(filled.cases).toBeGreaterThan(700);
    expect(filled.events).toBeGreaterThan(filled.cases * 10);
    expect(filled.skipped).toEqual(['lmj-01-ugb']);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toEqual({ sopId: 'bwi-spm-online', cases: filled.cases, events: filled.events });
    expect(await demo.cases.count()).toBe(filled.cases);
    expect(await demo.events.count()).toBe(filled.events);
    expect((await demo.meta.get(DEMO_META_KEY))?.value).toMatchObject({ cases: filled.cases, seed: 42 });

    // The case list pages through them like real cases: finished ones, and the few still open at the end.
    const finished = await listCases(demo, { status: 'finished', limit: 25 });
    expect(finished.rows).toHaveLength(25);
    expect(finished.next).toBeDefined();
    expect(finished.rows.every((r) => r.title === spm.identity.title && /^SPM-2025-[0-9A-Z]{4}-\d{4}$/.test(r.caseNumber))).toBe(true);
    const all = await listCases(demo, { status: 'all', limit: 2000 });
    expect(all.rows).toHaveLength(filled.cases);
    const open = await listCases(demo, { status: 'open', sopId: 'bwi-spm-online', limit: 200 });
    expect(open.rows.length).toBeGreaterThan(0);
    expect((await listCases(demo, { status: 'cancelled' })).rows.length).toBeGreaterThan(0);
    // The inbox ("my work") finds the open ones by lane; search finds applicants by name and number.
    const lanes = open.rows.flatMap((r) => r.activeLanes);
    expect((await listMyWork(demo, lanes)).rows.length).toBe(open.rows.length);
    const someone = finished.rows[0]!;
    expect((await searchCases(demo, someone.applicantName.split(' ')[0]!)).length).toBeGreaterThan(0);
    expect((await searchCases(demo, someone.caseNumber)).map((r) => r.id)).toContain(someone.id);
    // A case's events read back in order and refold to its row's state.
    const events = await caseEvents(demo, someone.id);
    expect(events[0]!.type).toBe('case.started');
    expect(events.at(-1)!.type).toBe('case.finished');

    // A demo case carries on in the runtime: the pinned revision is the one stored.
    const running = open.rows[0]!;
    const cancelled = await commitCommand(demo, {
      type: 'case.cancel',
      id: 'cmd-demo-cancel',
      caseId: running.id,
      at: new Date(Math.max(running.updatedAt, FROM) + 60_000).toISOString(),
      expectedRevision: running.revision,
      reason: 'Uji coba pembatalan',
    });
    expect(cancelled.ok).toBe(true);
    expect((await demo.cases.get(running.id))!.status).toBe('cancelled');
    // Nothing was queued for a server.
    expect(await demo.outbox.count()).toBe(0);

    // The real database still has its one case, and nothing else.
    expect(await real.cases.count()).toBe(1);
    expect((await listCases(real, { status: 'all' })).rows.map((r) => r.applicantName)).toEqual(['Siti Aminah']);

    await wipeDemoData(demo);
    expect(await demo.cases.count()).toBe(0);
    expect(await demo.events.count()).toBe(0);
    expect(await demo.sops.count()).toBe(0);
    expect(await demo.meta.get(DEMO_META_KEY)).toBeUndefined();
    expect((await listCases(demo, { status: 'all' })).rows).toEqual([]);
    expect(await real.cases.count()).toBe(1);
  }, 90_000);

  it("refuses the clerk's own database, and knows its URL and name", async () => {
    const clerks = new RuntimeDb(RUNTIME_DB_NAME);
    await expect(fillDemoDatabase(clerks, [sampleDoc('bwi-spm-online')], { from: FROM, months: 1 })).rejects.toThrow(/never written/);
    await expect(wipeDemoData(clerks)).rejects.toThrow(/never touches/);
    clerks.close();
    expect(DEMO_DB_NAME).not.toBe(RUNTIME_DB_NAME);
    expect(isDemoUrl('?contoh-monev')).toBe(true);
    expect(isDemoUrl('?uji-coba')).toBe(false);
  });
});
