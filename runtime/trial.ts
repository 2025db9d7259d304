/**
 * Trial runs ("Uji coba"): a drafter tries the SOP they are editing without
 * publishing it. The draft goes into a separate sandbox database
 * (TRIAL_DB_NAME), the runtime opens with `?uji-coba` and shows that it is a
 * trial, and the sandbox can be wiped in one click. Trial cases never mix with
 * real ones: they live in another IndexedDB database altogether.
 *
 * The designer calls `openTrialRun(draft)` and opens the returned URL; this
 * module imports nothing from the designer.
 */
import type { SopDocument } from '../schemas/generated/sop.types';
import { RuntimeDb, TRIAL_DB_NAME } from './storage/db';
import { storeSopRevision } from './storage/repository';
import { hrefs } from './router';

export const TRIAL_PARAM = 'uji-coba';

export function isTrialUrl(search: string): boolean {
  return new URLSearchParams(search).has(TRIAL_PARAM);
}

export interface TrialRunOptions {
  /** URL of the runtime page (default: `../runtime/` relative to the current page). */
  runtimeUrl?: string;
  /** Sandbox database (tests pass their own). */
  db?: RuntimeDb;
}

/** Stores the draft in the sandbox and returns the runtime URL that starts a trial case on it. */
export async function openTrialRun(draft: SopDocument, options: TrialRunOptions = {}): Promise<string> {
  const db = options.db ?? new RuntimeDb(TRIAL_DB_NAME);
  try {
    const row = await storeSopRevision(db, draft, { trial: true });
    const base = options.runtimeUrl ?? new URL('../runtime/', globalThis.location?.href ?? 'http://localhost/').href;
    const url = new URL(base);
    url.searchParams.set(TRIAL_PARAM, '1');
    url.hash = hrefs.start(row.key);
    return url.href;
  } finally {
    if (!options.db) db.close();
  }
}

/** Deletes every trial case and draft SOP, and any copy a restore kept of them. */
export async function wipeTrialData(db: RuntimeDb): Promise<void> {
  await db.transaction('rw', [db.sops, db.cases, db.events, db.drafts, db.attachments, db.monevFacts], async () => {
    await Promise.all([db.sops.clear(), db.cases.clear(), db.events.clear(), db.drafts.clear(), db.attachments.clear(), db.monevFacts.clear()]);
  });
  // A restore made in the sandbox kept a copy of the trial data: it goes too.
  const { deleteSafetyCopies } = await import('./storage/backupSafety');
  await deleteSafetyCopies(db);
}
