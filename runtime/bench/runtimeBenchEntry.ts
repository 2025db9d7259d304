// Bundled into an IIFE and run in Chromium by bench/runRuntimeBench.ts (`npm run bench:runtime`).
// Seeds a real IndexedDB through the runtime's own storage code and times the clerk's queries.
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { CaseDriver } from '../../core/engine/testing/caseDriver';
import { foldEvents, type CaseEvent, type CaseState } from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';
import bwiJson from '../../samples/bwi-spm-online.sop.json';
import bltJson from '../../samples/blt-sk-kip.sop.json';
import lmj16Json from '../../samples/lmj-16-spm.sop.json';
import { exportBackup, restoreBackup } from '../storage/backup';
import { deviceKey, trustKey } from '../../device';
import { exportCaseBundle, importCaseBundles } from '../storage/bundle';
import { deviceDbFor } from '../storage/deviceDbFor';
import { RuntimeDb, type CaseRow, type EventRow } from '../storage/db';
import { caseRowOf, commitCommand, listCases, searchCases, sopRowOf } from '../storage/repository';

const SOPS = [bwiJson, bltJson, lmj16Json] as unknown as SopDocument[];
const FIRST = ['Siti', 'Budi', 'Ani', 'Slamet', 'Dewi', 'Agus', 'Rina', 'Joko', 'Sri', 'Wahyu', 'Nur', 'Eko', 'Tri', 'Yuli', 'Hadi', 'Lestari'];
const LAST = ['Aminah', 'Santoso', 'Rahayu', 'Riyadi', 'Lestari', 'Salim', 'Wati', 'Susilo', 'Handayani', 'Pratama', 'Hidayat', 'Setiawan'];
const BASE = Date.parse('2025-06-02T01:00:00.000Z');

interface Template {
  sop: SopDocument;
  state: CaseState;
  events: CaseEvent[];
}

/** Cases of three SOPs at many points: open at each step, returned, cancelled, finished. */
function templates(): Template[] {
  const out: Template[] = [];
  for (const sop of SOPS) {
    const flow = sop.flows[0]!;
    for (let stop = 0; stop < flow.steps.length + 3; stop++) {
      const d = new CaseDriver(sop, 'template', '2025-06-02T01:00:00.000Z');
      d.ok({ type: 'case.start', fields: { nama: 'X', nik: '3510011205850001' } });
      for (let k = 0; k < stop && d.current.status === 'open'; k++) {
        const visit = d.current.visits.find((v) => v.status === 'active')!;
        const step = flow.steps.find((s) => s.id === visit.stepId)!;
        const ticked = (step.requirements ?? []).map((r) => r.id);
        if (k === flow.steps.length) d.ok({ type: 'case.cancel', reason: 'batal' });
        else if (k === flow.steps.length + 1) d.ok({ type: 'case.return', stepId: step.id, to: { applicant: true }, reason: 'kurang' });
        else if (visit.phase === 'signing') {
          const slot = visit.chain[visit.signatures.length]!;
          d.ok({ type: 'step.signOff', stepId: step.id, actorId: slot.actors[0]!, ...(slot.position !== undefined ? { position: slot.position } : {}), ticked });
        }
        else if (step.kind === 'decision') {
          const edge = flow.edges.find((e) => e.from === step.id && e.to !== undefined && flow.steps.findIndex((s) => s.id === e.to) > flow.steps.indexOf(step))!;
          d.ok({ type: 'branch.choose', stepId: step.id, edgeId: edge.id, ticked });
        } else d.ok({ type: 'step.complete', stepId: step.id, ticked });
      }
      out.push({ sop, state: d.current, events: d.events });
    }
  }
  return out;
}

function nikFor(i: number): string {
  const regency = String(1 + (i % 78)).padStart(2, '0');
  const district = String(1 + (i % 30)).padStart(2, '0');
  const day = 1 + (i % 28) + (i % 2 ? 40 : 0);
  const month = 1 + (i % 12);
  const year = 50 + (i % 50);
  const serial = String(1 + (i % 9999)).padStart(4, '0');
  return `35${regency}${district}${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${year}${serial}`;
}

function shiftIso(iso: string | undefined, by: number): string | undefined {
  return iso === undefined ? undefined : new Date(Date.parse(iso) + by).toISOString();
}

/** One case made from a template: new ids, another applicant, times moved along; the snapshot is the fold of its events. */
function makeCase(t: Template, i: number): { row: CaseRow; events: EventRow[] } {
  const caseId = uuidv7();
  const shift = i * 13_000;
  const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`;
  const commandIds = new Map(t.state.commandIds.map((c) => [c, uuidv7()]));
  const events = t.events.map((e): CaseEvent => {
    const commandId = commandIds.get(e.commandId)!;
    const moved = { ...e, caseId, commandId, id: `${commandId}${e.id.slice(e.id.lastIndexOf(':'))}`, at: shiftIso(e.at, shift)! } as CaseEvent;
    if (moved.type === 'case.started') {
      return { ...moved, fields: { ...moved.fields, nama: name, nik: nikFor(i) }, ...(moved.caseDueAt ? { caseDueAt: shiftIso(moved.caseDueAt, shift)! } : {}) };
    }
    if (moved.type === 'step.activated') {
      return {
        ...moved,
        ...(moved.dueAt ? { dueAt: shiftIso(moved.dueAt, shift)! } : {}),
        ...(moved.window ? { window: { ...moved.window, opensAt: shiftIso(moved.window.opensAt, shift)!, closesAt: shiftIso(moved.window.closesAt, shift)! } } : {}),
      };
    }
    return moved;
  });
  const state = foldEvents(events)!;
  return {
    row: caseRowOf(t.sop, state),
    events: events.map((event) => ({ id: event.id, caseId, revision: event.revision, commandId: event.commandId, event })),
  };
}

let db: RuntimeDb;
let pool: Template[] = [];

async function seed(count: number, name: string): Promise<{ ms: number; cases: number; events: number }> {
  const start = performance.now();
  await Dexie.delete(name);
  db = new RuntimeDb(name);
  await db.sops.bulkPut(SOPS.map((s) => sopRowOf(s)));
  pool = templates();
  const CHUNK = 5000;
  let events = 0;
  for (let from = 0; from < count; from += CHUNK) {
    const rows: CaseRow[] = [];
    const eventRows: EventRow[] = [];
    for (let i = from; i < Math.min(count, from + CHUNK); i++) {
      const made = makeCase(pool[i % pool.length]!, i);
      rows.push(made.row);
      eventRows.push(...made.events);
    }
    await db.transaction('rw', db.cases, db.events, async () => {
      await db.cases.bulkAdd(rows);
      await db.events.bulkAdd(eventRows);
    });
    events += eventRows.length;
    if ((from / CHUNK) % 4 === 3) console.log(`seeded ${from + CHUNK} cases, ${Math.round(performance.now() - start)} ms, ${((await navigator.storage.estimate()).usage ?? 0) / 1e6} MB`);
  }
  return { ms: performance.now() - start, cases: count, events };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)), runs: samples.length };
}

async function time(runs: number, fn: (i: number) => Promise<unknown>) {
  await fn(-1); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

async function queries(runs: number) {
  const now = Date.parse('2025-06-20T00:00:00.000Z');
  let rows = 0;
  const count = (r: unknown[]) => (rows = r.length);
  return {
    listFirstPageUnfiltered: await time(runs, async () => count((await listCases(db, { status: 'all', limit: 25, now })).rows)),
    listFirstPageOpen: await time(runs, async () => count((await listCases(db, { status: 'open', limit: 25, now })).rows)),
    listByActorAndStatus: await time(runs, async () => count((await listCases(db, { actor: 'desa-kelurahan', status: 'open', limit: 25, now })).rows)),
    listBySopAndStatusOverdue: await time(runs, async () => count((await listCases(db, { sopId: 'bwi-spm-online', status: 'open', overdue: true, limit: 25, now })).rows)),
    // Page 40 costs what page 1 does: it starts from the previous page's last key, not an offset.
    listPage40ByCursor: await (async () => {
      let page = await listCases(db, { status: 'open', limit: 25, now });
      for (let p = 1; p < 39 && page.next; p++) page = await listCases(db, { status: 'open', limit: 25, now, after: page.next });
      const cursor = page.next;
      return time(runs, async () => count((await listCases(db, { status: 'open', limit: 25, now, ...(cursor ? { after: cursor } : {}) })).rows));
    })(),
    searchNikPrefix: await time(runs, async (i) => count(await searchCases(db, `35${String(10 + (Math.max(i, 0) % 60)).padStart(2, '0')}0`, 25))),
    searchName: await time(runs, async (i) => count(await searchCases(db, ['siti', 'budi', 'lestari', 'wahyu'][Math.max(i, 0) % 4]!, 25))),
    searchTwoWords: await time(runs, async () => count(await searchCases(db, 'siti ami', 25))),
    lastRows: rows,
  };
}

async function commits(count: number) {
  // Open Banyuwangi cases waiting at step 1: complete it, one command = one transaction.
  const targets = (await db.cases.where('[sopId+status+dueAt+id]').between(['bwi-spm-online', 'open', Dexie.minKey, Dexie.minKey], ['bwi-spm-online', 'open', Dexie.maxKey, Dexie.maxKey]).filter((r) => r.currentStepIds.includes('s1')).limit(count + 1).toArray());
  const samples: number[] = [];
  let rejected = 0;
  for (let i = 0; i < Math.min(count + 1, targets.length); i++) {
    const row = targets[i]!;
    const t0 = performance.now();
    const result = await commitCommand(db, { type: 'step.complete', id: uuidv7(), caseId: row.id, expectedRevision: row.revision, at: new Date(BASE + 86_400_000).toISOString(), stepId: 's1', ticked: ['s1-r1', 's1-r2', 's1-r3'] });
    const ms = performance.now() - t0;
    if (!result.ok) rejected++;
    if (i > 0) samples.push(ms); // the first one warms up
  }
  const slowest = [...samples].sort((a, b) => b - a).slice(0, 5).map((ms) => Math.round(ms));
  return { ...stats(samples), rejected, slowestMs: slowest };
}

/** Hand-off import: `count` case bundles exported from the big database, imported into an empty one. */
async function importCases(count: number) {
  const ids = (await db.cases.orderBy('id').limit(count).primaryKeys()) as string[];
  const texts: string[] = [];
  // Bundles are signed by the source device and imported by an office that trusts it (issue 9).
  const source = deviceDbFor(db);
  const signer = { id: 'bench', name: 'Petugas Uji Beban' };
  for (const id of ids) texts.push(JSON.stringify(await exportCaseBundle(db, id, { device: source, signer })));
  const target = new RuntimeDb('bench-import-target');
  const targetDevice = deviceDbFor(target);
  await Dexie.delete(target.name);
  await Dexie.delete(targetDevice.name);
  await target.open();
  const key = await deviceKey(source);
  await trustKey(targetDevice, { fingerprint: key.fingerprint, publicKey: key.publicKey, name: 'Sumber uji beban' });
  const t0 = performance.now();
  const summary = await importCaseBundles(target, texts, 500, { device: targetDevice });
  const ms = performance.now() - t0;
  const imported = await target.cases.count();
  target.close();
  targetDevice.close();
  source.close();
  await Dexie.delete('bench-import-target');
  await Dexie.delete(targetDevice.name);
  return { ms: Math.round(ms), cases: imported, events: summary.newEvents, refused: summary.refused.length, bytes: texts.reduce((n, t) => n + t.length, 0) };
}

/** Whole-database restore: a backup holding `count` cases, checked completely (every case replayed), into an empty database. */
async function restoreCases(count: number) {
  const source = 'bench-restore-source';
  const saved = db;
  await seed(count, source);
  const backup = await exportBackup(db);
  const target = new RuntimeDb('bench-restore-target');
  await Dexie.delete(target.name);
  await target.open();
  const t0 = performance.now();
  await restoreBackup(target, backup.blob);
  const ms = performance.now() - t0;
  const restored = await target.cases.count();
  target.close();
  db.close();
  await Dexie.delete(source);
  await Dexie.delete('bench-restore-target');
  await Dexie.delete('bench-restore-target-sebelum-pemulihan');
  db = saved;
  return { ms: Math.round(ms), cases: restored, backupBytes: backup.blob.size };
}

async function usage() {
  const estimate = await navigator.storage.estimate();
  return { usageBytes: estimate.usage ?? null };
}

/** Page errors reach Node only as a bare message; say which step failed and why. */
function described<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    try {
      return await fn(...args);
    } catch (error) {
      const e = error as { name?: string; message?: string; inner?: { name?: string; message?: string } };
      throw new Error(`${name} failed: ${e.name ?? ''} ${e.message ?? String(error)}${e.inner ? ` (inner: ${e.inner.name} ${e.inner.message})` : ''}`);
    }
  };
}

(globalThis as unknown as { runtimeBench: unknown }).runtimeBench = {
  seed: described('seed', seed),
  queries: described('queries', queries),
  commits: described('commits', commits),
  importCases: described('importCases', importCases),
  restoreCases: described('restoreCases', restoreCases),
  usage: described('usage', usage),
};
