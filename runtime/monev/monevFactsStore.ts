/**
 * One SOP's monev facts, kept in the runtime database between visits, so the
 * dashboard over 100,000 cases reads a few ArrayBuffers instead of folding a
 * million events every time it opens (issue 12's benchmark).
 *
 * The facts are derived data: chunks of up to MONEV_CHUNK_CASES cases in
 * columns (core/monev/factsTable.ts), each with the revision every case had
 * when folded. On each open they are brought up to date with the case record:
 * - cases this device wrote since a chunk was built (the `changeStamp` index)
 *   at another revision are folded again;
 * - cases of the SOP not in any chunk (new, or written before v5) are folded
 *   and added; cases gone from the record (a restore, a reset) are dropped:
 *   every deletion notes itself (CASES_REMOVED_KEY), and only then
 *   are all of the SOP's case ids read;
 * - a chunk built with another working calendar or codec version is rebuilt.
 * So a stale or missing chunk costs time, never a wrong number.
 */
import Dexie from 'dexie';
import { caseFactsFromEvents, type CaseFacts } from '../../core/monev';
import { decodeFacts, encodeFacts, type FactsTable } from '../../core/monev/factsTable';
import { packFactsTable, unpackFactsTable } from '../../core/monev/factsPacking';
import type { CaseEvent } from '../../core/engine';
import type { WorkingCalendarConfig } from '../../core/sla';
import { CASES_REMOVED_KEY, type CaseRow, type CasesRemovedRow, type MonevFactsRow, type RuntimeDb } from '../storage/db';

/**
 * Small enough that a chunk rebuilt because some of its cases changed (or new ones joined the last chunk) costs
 * little: decoding and encoding 10,000 cases took 1.3 s in Chromium, every open after a clerk's work.
 */
export const MONEV_CHUNK_CASES = 2_000;
/** Bumped when caseFactsFromEvents or the codec change what they write: every chunk is then rebuilt. */
const FACTS_VERSION = 1;
/**
 * Rows stamped this long before the last check are looked at again. IndexedDB
 * orders transactions: a write this check's reads did not see began after
 * them, so its stamp is after the check began. The margin only covers a wall
 * clock stepped back a little between two writes (the stamp is Date.now()).
 */
const STAMP_MARGIN_MS = 2_000;
/** Cases whose events are read and folded at once while building. */
const FOLD_BATCH = 2_000;

export interface MonevFactsProgress {
  /** Cases folded so far, of those that needed it. */
  folded: number;
  toFold: number;
}

export interface StoredMonevFacts {
  tables: FactsTable[];
  /** Cases whose record could not be read as a case: left out, and counted so the page can say so. */
  unreadable: number;
  /** Cases folded on this open (0 when everything was current). */
  folded: number;
  /**
   * Names these facts: it changes whenever a chunk does, so a view measured on them can be kept under it
   * (monevViewsStore.ts). Absent when another tab wrote newer facts meanwhile.
   */
  factsId?: string;
}

export function builtWithKey(calendar: WorkingCalendarConfig): string {
  return JSON.stringify({ facts: FACTS_VERSION, calendar });
}

/** The revision a known case was folded at. */
interface Known {
  revision: number;
}

export async function loadStoredMonevFacts(
  db: RuntimeDb,
  sopId: string,
  calendar: WorkingCalendarConfig,
  onProgress?: (progress: MonevFactsProgress) => void,
  { chunkCases = MONEV_CHUNK_CASES }: { chunkCases?: number } = {},
): Promise<StoredMonevFacts> {
  const builtWith = builtWithKey(calendar);
  const checkKey = `${CHECKED_PREFIX}${sopId}`;
  const startedAt = Date.now();
  const timed = <T,>(name: string, work: Promise<T>): Promise<T> => {
    const begun = performance.now();
    return work.then((value) => (performance.measure(`monev:${name}`, { start: begun }), value));
  };
  const [stored, checked, removed] = await Promise.all([
    timed('read-facts', db.monevFacts.where('sopId').equals(sopId).toArray()),
    db.meta.get(checkKey),
    db.monevFacts.get(CASES_REMOVED_KEY),
  ]);
  const unpacking = performance.now();
  const check = checked?.value as Checked | undefined;
  const usable = check?.builtWith === builtWith ? readChunks(stored.filter((row) => row.builtWith === builtWith)) : [];
  performance.measure('monev:unpack', { start: unpacking });
  const comparing = performance.now();
  const known = knownCases(usable);

  // Cases written since the last check: changed ones (another revision), and new ones.
  const changed: CaseRow[] = [];
  let fresh: CaseRow[] = [];
  if (usable.length > 0) {
    const since = check!.checkedAt - STAMP_MARGIN_MS;
    for (const row of await db.cases.where('[sopId+changeStamp]').between([sopId, since], [sopId, Dexie.maxKey]).toArray()) {
      const was = known.get(row.id);
      if (!was) fresh.push(row);
      else if (was.revision !== row.revision) changed.push(row);
    }
  }
  // The record holds the known cases and the new ones, unless cases were deleted since the check (or nothing is
  // known yet): only then are all of the SOP's case ids read (100,000 keys take seconds) to find what is gone and
  // what is unseen. Not a count either: counting 100,000 index entries takes 1.5 s, as long as reading the facts.
  let unseen: string[] = [];
  let gone = new Set<string>();
  if (usable.length === 0 || removedSince(removed, check!.checkedAt)) {
    const ids = await timed('read-case-ids', casesOfSop(db, sopId).primaryKeys());
    const present = new Set(ids);
    unseen = ids.filter((id) => !known.has(id));
    gone = new Set([...known.keys()].filter((id) => !present.has(id)));
    fresh = [];
  }
  performance.measure('monev:compare', { start: comparing });

  const toFold = changed.length + fresh.length + unseen.length;
  let factsId: string | undefined;
  const folded = new Map<string, Folded>();
  const addFolded = async (rows: readonly CaseRow[]) => {
    for (const [row, facts] of await foldCases(db, rows, calendar)) folded.set(row.id, { row, ...(facts ? { facts } : {}) });
    onProgress?.({ folded: folded.size, toFold });
  };
  if (changed.length + fresh.length > 0) await addFolded([...changed, ...fresh]);
  for (let i = 0; i < unseen.length; i += FOLD_BATCH) {
    await addFolded((await db.cases.bulkGet(unseen.slice(i, i + FOLD_BATCH))).filter((r): r is CaseRow => !!r));
  }

  const slots = mergeIntoChunks(usable, folded, gone, known, { sopId, builtWith, chunkCases });
  const chunks = slots.map((slot) => slot.row);
  const written = slots.filter((slot) => slot.write).map((slot) => storedChunk(slot.row));
  await db.transaction('rw', db.monevFacts, db.meta, async () => {
    // Another tab that started later may have written already: its chunks are the newer ones.
    const now = (await db.meta.get(checkKey))?.value as Checked | undefined;
    if (now && now.builtWith === builtWith && now.checkedAt > startedAt) return;
    const keep = new Set(chunks.map((c) => c.key));
    const dropped = stored.map((row) => row.key).filter((key) => !keep.has(key));
    await db.monevFacts.bulkDelete(dropped);
    if (written.length > 0) await db.monevFacts.bulkPut(written);
    const same = now?.factsId !== undefined && now.builtWith === builtWith && written.length === 0 && dropped.length === 0;
    factsId = same ? now.factsId : newFactsId();
    await db.meta.put({ key: checkKey, value: { builtWith, checkedAt: startedAt, factsId } satisfies Checked });
  });
  return {
    tables: chunks.map((c) => c.table),
    unreadable: chunks.reduce((n, c) => n + c.unreadable.length, 0),
    folded: toFold,
    ...(factsId ? { factsId } : {}),
  };
}

const newFactsId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * The id of the SOP's kept facts when no case of the SOP was written or deleted since they were checked (and
 * they were built with this calendar), without reading them: one index range and two small rows, milliseconds
 * at 100,000 cases. Undefined when they may be stale; loadStoredMonevFacts then catches up. What it guards is
 * a view drawn while the facts load, which the facts then replace, so it takes one shortcut that fold does
 * not: no margin for a clock stepped back between two writes.
 */
export async function currentMonevFactsId(db: RuntimeDb, sopId: string, calendar: WorkingCalendarConfig): Promise<string | undefined> {
  const [checked, removed] = await Promise.all([db.meta.get(`${CHECKED_PREFIX}${sopId}`), db.monevFacts.get(CASES_REMOVED_KEY)]);
  const check = checked?.value as Checked | undefined;
  if (!check?.factsId || check.builtWith !== builtWithKey(calendar) || removedSince(removed, check.checkedAt)) return undefined;
  const written = await db.cases.where('[sopId+changeStamp]').between([sopId, check.checkedAt], [sopId, Dexie.maxKey]).limit(1).primaryKeys();
  return written.length === 0 ? check.factsId : undefined;
}

/**
 * Whether cases were deleted (runtime/storage/db.ts notes every deletion) since facts checked at `checkedAt`; with
 * the same margin as the stamps, for a clock stepped back. An unreadable note counts as a deletion.
 */
function removedSince(note: unknown, checkedAt: number): boolean {
  if (note === undefined) return false;
  const at = (note as Partial<CasesRemovedRow> | null)?.at;
  return typeof at !== 'number' || at >= checkedAt - STAMP_MARGIN_MS;
}

/** The SOP's case rows, through the index every case has. */
const casesOfSop = (db: RuntimeDb, sopId: string) =>
  db.cases.where('[sopId+status+dueAt+id]').between([sopId, Dexie.minKey, Dexie.minKey, Dexie.minKey], [sopId, Dexie.maxKey, Dexie.maxKey, Dexie.maxKey]);

/** Meta row `${CHECKED_PREFIX}${sopId}`: every case stamped before `checkedAt` (less the margin) is in the chunks. */
const CHECKED_PREFIX = 'monevFactsChecked:';
interface Checked {
  builtWith: string;
  checkedAt: number;
  /** See StoredMonevFacts.factsId (absent in rows written before kept views). */
  factsId?: string;
}

interface Folded {
  row: CaseRow;
  /** Absent when the case's events could not be folded. */
  facts?: CaseFacts;
}

/** A chunk as the open uses it: its facts unpacked. */
type Chunk = Omit<MonevFactsRow, 'table' | 'packed'> & {
  table: FactsTable;
  /** Stored unpacked (before packing existed): written again, packed. */
  repack?: boolean;
};

/**
 * The stored chunks, unpacked, in order. A chunk that cannot be unpacked (a damaged row) makes them all unusable,
 * so every case is folded again rather than one chunk's cases going missing.
 */
function readChunks(rows: readonly MonevFactsRow[]): Chunk[] {
  try {
    return rows
      .map(({ packed, table, ...rest }): Chunk => {
        if (packed) return { ...rest, table: unpackFactsTable(packed) };
        if (!table?.case) throw new Error(`Monev facts chunk ${rest.key} holds no facts`);
        return { ...rest, table, repack: true };
      })
      .sort((a, b) => a.chunk - b.chunk);
  } catch {
    return [];
  }
}

function storedChunk({ table, repack: _repack, ...rest }: Chunk): MonevFactsRow {
  return { ...rest, packed: packFactsTable(table) };
}

function knownCases(chunks: readonly Chunk[]): Map<string, Known> {
  const known = new Map<string, Known>();
  for (const chunk of chunks) {
    const { table, caseRevisions } = chunk;
    for (let i = 0; i < table.cases; i++) known.set(table.strings[table.case.caseId[i]!]!, { revision: caseRevisions[i]! });
    for (const bad of chunk.unreadable) known.set(bad.id, { revision: bad.revision });
  }
  return known;
}

/** Each row's facts, or none when its events cannot be folded (a hostile import, a half-written record). */
async function foldCases(db: RuntimeDb, rows: readonly CaseRow[], calendar: WorkingCalendarConfig): Promise<[CaseRow, CaseFacts | undefined][]> {
  const eventsByCase = new Map<string, CaseEvent[]>();
  if (rows.length > 0) {
    for (const row of await db.events.where('caseId').anyOf(rows.map((r) => r.id)).toArray()) {
      const list = eventsByCase.get(row.caseId);
      if (list) list.push(row.event);
      else eventsByCase.set(row.caseId, [row.event]);
    }
  }
  return rows.map((row) => {
    const events = (eventsByCase.get(row.id) ?? []).sort((a, b) => a.revision - b.revision);
    try {
      return [row, caseFactsFromEvents(events, calendar, { applicantName: row.applicantName })];
    } catch {
      return [row, undefined];
    }
  });
}

/** A chunk being rebuilt: its cases decoded. */
interface Draft {
  chunk: number;
  cases: { facts: CaseFacts; revision: number }[];
  unreadable: { id: string; revision: number }[];
}

function draftOf(row: Chunk): Draft {
  return {
    chunk: row.chunk,
    cases: decodeFacts(row.table).map((facts, i) => ({ facts, revision: row.caseRevisions[i]! })),
    unreadable: [...row.unreadable],
  };
}

/** The draft with the folded cases in place and the gone ones out. */
function patchDraft(draft: Draft, folded: ReadonlyMap<string, Folded>, gone: ReadonlySet<string>): Draft {
  const cases: Draft['cases'] = [];
  const unreadable: Draft['unreadable'] = [];
  const place = (id: string, kept: () => void) => {
    if (gone.has(id)) return;
    const update = folded.get(id);
    if (!update) kept();
    else if (update.facts) cases.push({ facts: update.facts, revision: update.row.revision });
    else unreadable.push({ id, revision: update.row.revision });
  };
  for (const c of draft.cases) place(c.facts.caseId, () => cases.push(c));
  for (const bad of draft.unreadable) place(bad.id, () => unreadable.push(bad));
  return { chunk: draft.chunk, cases, unreadable };
}

const sizeOf = (draft: Draft) => draft.cases.length + draft.unreadable.length;

/**
 * The chunks after this open: a changed case stays in its chunk, new ones
 * fill the last chunk and then new chunks, gone ones leave. Only chunks that
 * changed are decoded, encoded and written again (`write`).
 */
function mergeIntoChunks(
  chunks: readonly Chunk[],
  folded: ReadonlyMap<string, Folded>,
  gone: ReadonlySet<string>,
  known: ReadonlyMap<string, Known>,
  { sopId, builtWith, chunkCases }: { sopId: string; builtWith: string; chunkCases: number },
): { row: Chunk; write: boolean }[] {
  const slots: ({ kept: Chunk } | { draft: Draft })[] = chunks.map((row) => {
    const ids = [...Array.from(row.table.case.caseId, (code) => row.table.strings[code]!), ...row.unreadable.map((bad) => bad.id)];
    return ids.some((id) => folded.has(id) || gone.has(id)) ? { draft: patchDraft(draftOf(row), folded, gone) } : { kept: row };
  });
  // New cases in start order, so the chunks (and the drill-down's rows) follow the record's order.
  const added = [...folded.values()]
    .filter(({ row }) => !known.has(row.id))
    .sort((a, b) => a.row.startedAt - b.row.startedAt || (a.row.id < b.row.id ? -1 : 1));
  for (const { row, facts } of added) {
    let last = slots.at(-1);
    if (last && 'kept' in last && last.kept.table.cases + last.kept.unreadable.length < chunkCases) {
      last = { draft: draftOf(last.kept) };
      slots[slots.length - 1] = last;
    }
    if (!last || 'kept' in last || sizeOf(last.draft) >= chunkCases) {
      const chunk = last ? ('kept' in last ? last.kept.chunk : last.draft.chunk) + 1 : 0;
      last = { draft: { chunk, cases: [], unreadable: [] } };
      slots.push(last);
    }
    if (facts) last.draft.cases.push({ facts, revision: row.revision });
    else last.draft.unreadable.push({ id: row.id, revision: row.revision });
  }
  return slots.flatMap((slot): { row: Chunk; write: boolean }[] => {
    if ('kept' in slot) return [{ row: slot.kept, write: slot.kept.repack === true }];
    const { draft } = slot;
    if (sizeOf(draft) === 0) return [];
    const row: Chunk = {
      key: `${sopId}|${draft.chunk}`,
      sopId,
      chunk: draft.chunk,
      builtWith,
      caseRevisions: Float64Array.from(draft.cases, (c) => c.revision),
      unreadable: draft.unreadable,
      table: encodeFacts(draft.cases.map((c) => c.facts)),
    };
    return [{ row, write: true }];
  });
}
