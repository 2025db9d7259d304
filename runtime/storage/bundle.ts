/**
 * Case bundles: one case (its events, snapshot, attachments and the SOP
 * revision it runs on) in one JSON file with a SHA-256 integrity hash, to hand
 * a case to another office that runs its own browser.
 *
 * Import merges events by id, so importing the same bundle twice changes
 * nothing. A tampered, truncated or inconsistent bundle is refused with a
 * clear message before anything is written; the write itself is one
 * transaction, so there is never a partial import.
 */
import { canonicalJson, foldEvents, rememberSopContentHash, sha256Bytes, sha256Hex, toHex, type CaseEvent, type CaseState } from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';
import type { AttachmentRow, RuntimeDb } from './db';
import { StorageError, toStorageError } from './errors';
import { caseEvents, caseRowOf, sopKeyOf, sopRowOf } from './repository';

export const BUNDLE_FORMAT = 'sop-studio.case-bundle';
export const BUNDLE_VERSION = 1;

interface BundleAttachment {
  id: string;
  caseId: string;
  eventId: string;
  visitId?: string;
  requirementId?: string;
  fieldId?: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  /** The file's bytes, base64. */
  data: string;
}

export interface CaseBundleBody {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  exportedAt: string;
  caseId: string;
  sop: { key: string; contentHash: string; doc: SopDocument };
  events: CaseEvent[];
  snapshot: CaseState;
  attachments: BundleAttachment[];
}

export interface CaseBundle extends CaseBundleBody {
  integrity: { algorithm: 'SHA-256'; hash: string };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function sha256Of(bytes: Uint8Array): Promise<string> {
  // WebCrypto when the page is a secure context; the engine's own SHA-256 otherwise (same digest).
  if (globalThis.crypto?.subtle) return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)));
  return toHex(sha256Bytes(bytes));
}

async function bodyHash(body: CaseBundleBody): Promise<string> {
  return sha256Of(new TextEncoder().encode(canonicalJson(body)));
}

export async function exportCaseBundle(db: RuntimeDb, caseId: string, now = new Date()): Promise<CaseBundle> {
  const row = await db.cases.get(caseId);
  if (!row) throw new StorageError('bundle.invalid', { id: `Kasus ${caseId} tidak ada di perangkat ini.`, en: `Case ${caseId} is not on this device.` });
  const sop = await db.sops.get(row.sopKey);
  if (!sop) throw new StorageError('sop.missing', { id: `SOP ${row.sopKey} tidak ada di perangkat ini.`, en: `SOP ${row.sopKey} is not on this device.` });
  const events = await caseEvents(db, caseId);
  const attachmentRows = await db.attachments.where('caseId').equals(caseId).toArray();
  const attachments: BundleAttachment[] = [];
  for (const a of attachmentRows.sort((x, y) => x.id.localeCompare(y.id))) {
    const bytes = new Uint8Array(await a.blob.arrayBuffer());
    attachments.push({
      id: a.id,
      caseId: a.caseId,
      eventId: a.eventId,
      ...(a.visitId ? { visitId: a.visitId } : {}),
      ...(a.requirementId ? { requirementId: a.requirementId } : {}),
      ...(a.fieldId ? { fieldId: a.fieldId } : {}),
      name: a.name,
      type: a.type,
      size: bytes.length,
      sha256: await sha256Of(bytes),
      data: toBase64(bytes),
    });
  }
  const body: CaseBundleBody = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: now.toISOString(),
    caseId,
    sop: { key: sop.key, contentHash: sop.contentHash, doc: sop.doc },
    events,
    snapshot: row.state,
    attachments,
  };
  return { ...body, integrity: { algorithm: 'SHA-256', hash: await bodyHash(body) } };
}

export function caseBundleFileName(bundle: CaseBundle): string {
  return `kasus-${bundle.sop.doc.id}-${bundle.caseId}.sopcase.json`;
}

export function bundleToBlob(bundle: CaseBundle): Blob {
  return new Blob([JSON.stringify(bundle)], { type: 'application/json' });
}

function invalid(id: string, en: string): never {
  throw new StorageError('bundle.invalid', { id: `Bundel kasus ditolak: ${id} Tidak ada yang disimpan.`, en: `Case bundle refused: ${en} Nothing was saved.` });
}

/** Reads and checks a bundle completely before anything is written. */
export async function verifyCaseBundle(text: string): Promise<CaseBundle> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    invalid('berkas bukan JSON yang utuh (terpotong atau rusak).', 'the file is not complete JSON (truncated or damaged).');
  }
  const bundle = value as Partial<CaseBundle>;
  if (!bundle || typeof bundle !== 'object' || bundle.format !== BUNDLE_FORMAT) {
    invalid('berkas ini bukan bundel kasus SOP Studio.', 'this file is not an SOP Studio case bundle.');
  }
  if (bundle.version !== BUNDLE_VERSION) {
    invalid(`versi bundel ${String(bundle.version)} tidak didukung (versi ${BUNDLE_VERSION}).`, `bundle version ${String(bundle.version)} is not supported (version ${BUNDLE_VERSION}).`);
  }
  const { integrity, ...body } = bundle as CaseBundle;
  if (!integrity || integrity.algorithm !== 'SHA-256' || typeof integrity.hash !== 'string') {
    invalid('hash integritas tidak ada.', 'the integrity hash is missing.');
  }
  if (!Array.isArray(body.events) || !Array.isArray(body.attachments) || !body.snapshot || !body.sop?.doc) {
    invalid('isi bundel tidak lengkap.', 'the bundle is incomplete.');
  }
  if ((await bodyHash(body)) !== integrity.hash) {
    invalid('hash SHA-256 tidak cocok: isi bundel telah diubah atau rusak.', 'the SHA-256 hash does not match: the bundle was altered or damaged.');
  }
  for (const a of body.attachments) {
    if ((await sha256Of(fromBase64(a.data))) !== a.sha256) {
      invalid(`lampiran "${a.name}" rusak.`, `attachment "${a.name}" is damaged.`);
    }
  }
  if ((await sopHash(body.sop.doc)) !== body.sop.contentHash || body.sop.contentHash !== body.snapshot.sop.contentHash) {
    invalid('SOP dalam bundel tidak sama dengan SOP yang dipakai kasus.', 'the SOP in the bundle is not the one the case runs on.');
  }
  if (body.events.some((e) => e.caseId !== body.caseId) || body.snapshot.id !== body.caseId) {
    invalid('peristiwa milik kasus lain.', 'events belong to another case.');
  }
  const rebuilt = safeFold(body.events);
  if (!rebuilt || canonicalJson(rebuilt) !== canonicalJson(body.snapshot)) {
    invalid('riwayat peristiwa tidak menghasilkan keadaan kasus yang tercatat.', 'the event history does not rebuild the recorded case state.');
  }
  return bundle as CaseBundle;
}

/** Bundles from one office mostly carry the same SOP revision: hash each distinct text once (natively). */
const sopHashes = new Map<string, string>();

async function sopHash(doc: SopDocument): Promise<string> {
  const text = canonicalJson(doc);
  let hash = sopHashes.get(text);
  if (!hash) {
    hash = await sha256Of(new TextEncoder().encode(text));
    if (sopHashes.size > 50) sopHashes.clear();
    sopHashes.set(text, hash);
  }
  // The engine would otherwise hash the document again when the case runs.
  rememberSopContentHash(doc, hash);
  return hash;
}

function safeFold(events: CaseEvent[]): CaseState | undefined {
  try {
    return foldEvents(orderEvents(events));
  } catch {
    return undefined;
  }
}

function orderEvents(events: CaseEvent[]): CaseEvent[] {
  const index = (id: string) => Number(id.slice(id.lastIndexOf(':') + 1)) || 0;
  return [...events].sort((a, b) => a.revision - b.revision || index(a.id) - index(b.id));
}

export interface ImportSummary {
  caseId: string;
  newEvents: number;
  newAttachments: number;
  sopAdded: boolean;
}

/**
 * Imports a bundle: merges its events with any this device already has for
 * the case (by event id), rebuilds the snapshot from the union, and writes
 * everything in one transaction. Two offices that both moved the case on
 * from the same revision have diverged; that is refused, not merged.
 */
export async function importCaseBundle(db: RuntimeDb, text: string): Promise<ImportSummary> {
  const bundle = await verifyCaseBundle(text);
  try {
    const [summary] = await db.transaction('rw', [db.sops, db.cases, db.events, db.attachments], () => writeBundles(db, [bundle]));
    return summary!;
  } catch (error) {
    throw toStorageError(error);
  }
}

export interface BatchImportSummary {
  cases: number;
  newEvents: number;
  newAttachments: number;
  /** Bundles refused, by position, with the reason; the others were imported. */
  refused: { index: number; message: { id: string; en: string } }[];
}

/**
 * Imports many bundles (a regional office receiving a batch): each is checked
 * on its own; the sound ones are written in transactions of `batchSize` cases.
 */
export async function importCaseBundles(db: RuntimeDb, texts: readonly string[], batchSize = 500): Promise<BatchImportSummary> {
  const summary: BatchImportSummary = { cases: 0, newEvents: 0, newAttachments: 0, refused: [] };
  for (let from = 0; from < texts.length; from += batchSize) {
    const verified: { index: number; bundle: CaseBundle }[] = [];
    for (let i = from; i < Math.min(texts.length, from + batchSize); i++) {
      try {
        verified.push({ index: i, bundle: await verifyCaseBundle(texts[i]!) });
      } catch (error) {
        summary.refused.push({ index: i, message: toStorageError(error).localized });
      }
    }
    let results: ImportSummary[];
    try {
      results = await db.transaction('rw', [db.sops, db.cases, db.events, db.attachments], () => writeBundles(db, verified.map((v) => v.bundle)));
    } catch (error) {
      const failure = toStorageError(error);
      if (failure.code === 'storage.full') throw failure;
      // One case in the batch cannot be merged (it went on differently here): import the batch
      // one case at a time so only that one is refused.
      results = [];
      for (const { index, bundle } of verified) {
        try {
          results.push(...(await db.transaction('rw', [db.sops, db.cases, db.events, db.attachments], () => writeBundles(db, [bundle]))));
        } catch (single) {
          summary.refused.push({ index, message: toStorageError(single).localized });
        }
      }
    }
    for (const r of results) {
      summary.cases++;
      summary.newEvents += r.newEvents;
      summary.newAttachments += r.newAttachments;
    }
  }
  return summary;
}

/**
 * Merges verified bundles; runs inside the caller's transaction. Reads and
 * writes go in bulk (one query for all the cases' stored events, one bulk
 * write per table), so a batch of 500 cases costs a handful of requests.
 */
async function writeBundles(db: RuntimeDb, bundles: readonly CaseBundle[]): Promise<ImportSummary[]> {
  const sopKeys = [...new Set(bundles.map((b) => sopKeyOf(b.sop.doc.id, b.sop.doc.revision.number)))];
  const storedSops = new Map((await db.sops.bulkGet(sopKeys)).filter((r) => r !== undefined).map((r) => [r!.key, r!]));
  const caseIds = [...new Set(bundles.map((b) => b.caseId))];
  const storedEvents = new Map<string, CaseEvent[]>();
  for (const row of await db.events.where('caseId').anyOf(caseIds).toArray()) {
    const list = storedEvents.get(row.caseId) ?? [];
    list.push(row.event);
    storedEvents.set(row.caseId, list);
  }
  const storedAttachments = new Set((await db.attachments.where('caseId').anyOf(caseIds).primaryKeys()) as string[]);
  // A case imported again keeps the number its row already has (cases from before numbers existed).
  const storedRows = new Map((await db.cases.bulkGet(caseIds)).flatMap((r) => (r ? [[r.id, r] as const] : [])));

  const newSops = new Map<string, SopDocument>();
  const eventRows: { id: string; caseId: string; revision: number; commandId: string; event: CaseEvent }[] = [];
  const attachmentRows: AttachmentRow[] = [];
  const caseRows = new Map<string, ReturnType<typeof caseRowOf>>();
  const summaries: ImportSummary[] = [];
  for (const bundle of bundles) {
    const key = sopKeyOf(bundle.sop.doc.id, bundle.sop.doc.revision.number);
    const existingSop = storedSops.get(key);
    if (existingSop && existingSop.contentHash !== bundle.sop.contentHash) {
      invalid(`SOP ${key} di perangkat ini berbeda isinya dengan SOP di bundel.`, `SOP ${key} on this device differs from the one in the bundle.`);
    }
    const stored = storedEvents.get(bundle.caseId) ?? [];
    const known = new Set(stored.map((e) => e.id));
    const incoming = bundle.events.filter((e) => !known.has(e.id));
    const merged = orderEvents([...stored, ...incoming]);
    const commandAt = new Map<number, string>();
    for (const e of merged) {
      const other = commandAt.get(e.revision);
      if (other !== undefined && other !== e.commandId) {
        invalid(
          `kasus ini sudah berlanjut secara berbeda di perangkat ini (revisi ${e.revision}).`,
          `this case went on differently on this device (revision ${e.revision}).`,
        );
      }
      commandAt.set(e.revision, e.commandId);
    }
    const state = safeFold(merged);
    if (!state) invalid('riwayat gabungan tidak konsisten.', 'the merged history is inconsistent.');
    const sopAdded = !existingSop && !newSops.has(key);
    if (!existingSop) newSops.set(key, bundle.sop.doc);
    storedEvents.set(bundle.caseId, merged);
    for (const event of incoming) eventRows.push({ id: event.id, caseId: event.caseId, revision: event.revision, commandId: event.commandId, event });
    const newAttachments = bundle.attachments.filter((a) => !storedAttachments.has(a.id));
    for (const { data, ...a } of newAttachments) {
      storedAttachments.add(a.id);
      attachmentRows.push({ ...a, blob: new Blob([fromBase64(data) as BlobPart], { type: a.type }), storedAt: Date.now() });
    }
    if (incoming.length) caseRows.set(bundle.caseId, caseRowOf(bundle.sop.doc, state, undefined, storedRows.get(bundle.caseId)));
    summaries.push({ caseId: bundle.caseId, newEvents: incoming.length, newAttachments: newAttachments.length, sopAdded });
  }
  if (newSops.size) await db.sops.bulkAdd([...newSops.values()].map((doc) => sopRowOf(doc)));
  if (eventRows.length) await db.events.bulkAdd(eventRows);
  if (attachmentRows.length) await db.attachments.bulkAdd(attachmentRows);
  if (caseRows.size) await db.cases.bulkPut([...caseRows.values()]);
  return summaries;
}

/** For tests: the hex SHA-256 of a string, as bundles compute it. */
export const sha256Text = (text: string): string => sha256Hex(text);
