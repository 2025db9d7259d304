// Bundled into an IIFE and run in Chromium by bench/runMonevBench.ts (`npm run bench:monev`), on the same origin as
// the production runtime: fills the monev demo database through the runtime's own demo code, so the dashboard the
// bench then opens (`runtime/?contoh-monev`) reads exactly what a user's "Contoh data monev" would have written.
import type { SopDocument } from '../../schemas/generated/sop.types';
import bwiJson from '../../samples/bwi-spm-online.sop.json';
import { DEMO_META_KEY, fillDemoDatabase, openDemoDatabase, wipeDemoData } from '../monev/demoData';

const SOP = bwiJson as unknown as SopDocument;

async function seed(total: number, months: number): Promise<{ sopId: string; cases: number; events: number; ms: number }> {
  const db = openDemoDatabase();
  await wipeDemoData(db);
  const started = performance.now();
  let reported = 0;
  const result = await fillDemoDatabase(db, [SOP], { total, months, now: Date.now(), seed: 42, chunkSize: 1000 }, (progress) => {
    if (progress.cases - reported >= 10_000) {
      reported = progress.cases;
      console.log(`seeded ${progress.cases.toLocaleString('en')} cases, ${progress.events.toLocaleString('en')} events`);
    }
  });
  const ms = performance.now() - started;
  db.close();
  return { sopId: SOP.id, cases: result.cases, events: result.events, ms };
}

/** What an earlier seed left in this profile's demo database (a bench may reuse a seeded profile). */
async function seeded(): Promise<{ sopId: string; cases: number; events: number } | null> {
  const db = openDemoDatabase();
  try {
    const meta = (await db.meta.get(DEMO_META_KEY))?.value as { cases?: number; events?: number } | undefined;
    return meta?.cases ? { sopId: SOP.id, cases: meta.cases, events: meta.events ?? 0 } : null;
  } finally {
    db.close();
  }
}

/** Drops the monev facts the dashboard kept, so the next open folds every case again (a cold open). */
async function forgetFacts(): Promise<void> {
  const db = openDemoDatabase();
  try {
    await db.transaction('rw', db.monevFacts, db.meta, async () => {
      await db.monevFacts.clear();
      await db.meta.where('key').startsWith('monevFactsChecked:').delete();
    });
  } finally {
    db.close();
  }
}

/** Starts `n` more cases (new ids, in the last month), as clerks do between two visits; returns how many. */
async function addCases(n: number): Promise<number> {
  const db = openDemoDatabase();
  try {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const before = (await db.meta.get(DEMO_META_KEY))?.value as { cases?: number; events?: number } | undefined;
    const added = await fillDemoDatabase(db, [SOP], { total: n, months: 1, now: Date.now(), seed, chunkSize: n });
    // The fill notes only what it made: the profile still holds the seeded cases, which a later run reuses.
    await db.meta.put({ key: DEMO_META_KEY, value: { ...before, cases: (before?.cases ?? 0) + added.cases, events: (before?.events ?? 0) + added.events } });
    return added.cases;
  } finally {
    db.close();
  }
}

(globalThis as unknown as { monevBench: unknown }).monevBench = { seed, seeded, forgetFacts, addCases };
