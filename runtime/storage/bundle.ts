/**
 * Case bundles: one case (its events, snapshot, attachments and the SOP
 * revision it runs on) in one JSON file, signed by the device that exported
 * it, to hand a case to another office that runs its own browser.
 *
 * Format version 2 is signed (ECDSA P-256 over the canonical JSON of the
 * body, with the signer's public key, fingerprint, device code and person in
 * the body). An import accepts a bundle only when the signature holds, the
 * signer's key is trusted on this device (device/keys.ts), and every part
 * passes the content checks (core/caseBundle: SOP schema and rules, event
 * and attachment shapes, field and person rules, replay to the snapshot).
 * Version 1 bundles carried only a SHA-256 anyone could recompute: refused.
 *
 * An SOP revision that arrives in a bundle is stored with the case (the
 * runtime's `sops` table) and never enters the device catalogue, so no new
 * case starts on it; a revision number the office already holds with other
 * content is refused. Accepting it into the catalogue is a separate act
 * (catalogue/acceptRevision.ts).
 *
 * Import merges events by id, so importing the same bundle twice changes
 * nothing. Everything is checked before anything is written; the write
 * itself is one transaction, so there is never a partial import.
 */
import { bundlePartLabel, checkBundleContent, orderBundleEvents, replayEvents, type BundleAttachmentShape } from '../../core/caseBundle/checkContent';
import { canonicalJson, isDeviceCode, rememberSopContentHash, sha256Bytes, sha256Hex, toHex, type CaseEvent, type CaseState, type LocalizedText } from '../../core/engine';
import { checkPersonRef, type PersonRef } from '../../core/people';
import { currentProfile, deviceKey, fingerprintOf, isPublicJwk, isTrustedKey, personOf, shortFingerprint, signText, verifyText, SIGNATURE_ALGORITHM, type DeviceDb } from '../../device';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { fromBase64, sha256OfBytes, toBase64 } from './bytes';
import { deviceCodeOf } from './caseNumbers';
import type { AttachmentRow, RuntimeDb } from './db';
import { deviceDbFor } from './deviceDbFor';
import { StorageError, toStorageError } from './errors';
import { caseEvents, caseRowOf, sopKeyOf, sopRowOf } from './repository';
import { originalOf } from '../../core/migrations';

export const BUNDLE_FORMAT = 'sop-studio.case-bundle';
export const BUNDLE_VERSION = 2;

type BundleAttachment = BundleAttachmentShape;

/** Who signed a bundle: the key (so anyone can verify), its fingerprint, the device and the person acting there. */
export interface BundleSigner {
  algorithm: typeof SIGNATURE_ALGORITHM;
  publicKey: JsonWebKey;
  /** SHA-256 (hex) of the canonical public JWK. */
  keyId: string;
  deviceCode: string;
  person: PersonRef;
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
  signer: BundleSigner;
}

export interface CaseBundle extends CaseBundleBody {
  /** ECDSA P-256 / SHA-256 over canonicalJson(body), IEEE P1363, base64. */
  signature: string;
}

/** Why a bundle was refused; `untrusted` carries the signer so the screen can offer to trust it. */
export type BundleRefusalReason = 'format' | 'unsigned' | 'signature' | 'untrusted' | 'content' | 'conflict';

export interface UntrustedSigner {
  fingerprint: string;
  publicKey: JsonWebKey;
  deviceCode: string;
  person: PersonRef;
}

export class BundleRefusal extends StorageError {
  constructor(
    readonly reason: BundleRefusalReason,
    localized: LocalizedText,
    readonly signer?: UntrustedSigner,
  ) {
    super('bundle.invalid', localized);
    this.name = 'BundleRefusal';
  }
}

export interface ExportOptions {
  /** The device database holding this device's key; by default the one the runtime pairs with `db`. */
  device?: DeviceDb;
  /** The person signing; by default the device's acting profile. */
  signer?: PersonRef;
  now?: Date;
}

const refuseExport = (id: string, en: string): never => {
  throw new StorageError('bundle.invalid', { id, en });
};

export async function exportCaseBundle(db: RuntimeDb, caseId: string, options: ExportOptions = {}): Promise<CaseBundle> {
  if (!options.device) {
    const device = deviceDbFor(db);
    try {
      return await exportCaseBundle(db, caseId, { ...options, device });
    } finally {
      device.close();
    }
  }
  const device = options.device;
  const row = await db.cases.get(caseId);
  if (!row) refuseExport(`Kasus ${caseId} tidak ada di perangkat ini.`, `Case ${caseId} is not on this device.`);
  const sop = await db.sops.get(row!.sopKey);
  if (!sop) throw new StorageError('sop.missing', { id: `SOP ${row!.sopKey} tidak ada di perangkat ini.`, en: `SOP ${row!.sopKey} is not on this device.` });
  const profile = options.signer ? undefined : await currentProfile(device);
  const person = options.signer ?? (profile ? personOf(profile) : undefined);
  if (!person || Object.keys(checkPersonRef(person)).length > 0) {
    refuseExport(
      'Bundel kasus ditandatangani atas nama orang yang bertindak di perangkat ini: isi profil Anda dahulu (menu Profil).',
      'A case bundle is signed in the name of the person acting on this device: set up your profile first (Profile).',
    );
  }
  const key = await deviceKey(device);
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
      sha256: await sha256OfBytes(bytes),
      data: toBase64(bytes),
    });
  }
  const body: CaseBundleBody = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    caseId,
    // The revision as published, whose hash the case pinned; the reader migrates it again.
    sop: { key: sop.key, contentHash: sop.contentHash, doc: originalOf(sop.doc) as SopDocument },
    events,
    snapshot: row!.state,
    attachments,
    signer: { algorithm: SIGNATURE_ALGORITHM, publicKey: key.publicKey, keyId: key.fingerprint, deviceCode: (await deviceCodeOf(db.meta)) ?? '', person: person! },
  };
  return { ...body, signature: await signText(key, canonicalJson(body)) };
}

export function caseBundleFileName(bundle: CaseBundle): string {
  return `kasus-${bundle.sop.doc.id}-${bundle.caseId}.sopcase.json`;
}

export function bundleToBlob(bundle: CaseBundle): Blob {
  return new Blob([JSON.stringify(bundle)], { type: 'application/json' });
}

function refuse(reason: BundleRefusalReason, id: string, en: string, signer?: UntrustedSigner): never {
  throw new BundleRefusal(reason, { id: `Bundel kasus ditolak: ${id} Tidak ada yang disimpan.`, en: `Case bundle refused: ${en} Nothing was saved.` }, signer);
}

function invalid(id: string, en: string): never {
  refuse('conflict', id, en);
}

export interface VerifyOptions {
  /** Where the trusted keys are; by default the device database paired with the runtime's. */
  device: DeviceDb;
}

/** Reads and checks a bundle completely (signature, trust, every part) before anything is written. */
export async function verifyCaseBundle(text: string, options: VerifyOptions): Promise<CaseBundle> {
  try {
    return await verify(text, options);
  } catch (error) {
    if (error instanceof BundleRefusal) throw error;
    // Whatever else a hostile file provokes (a nesting too deep to walk, say) is a refusal too, never a storage failure.
    const detail = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : String(error).slice(0, 200);
    refuse('format', `isi bundel tidak dapat dibaca (${detail}).`, `the bundle content cannot be read (${detail}).`);
  }
}

async function verify(text: string, { device }: VerifyOptions): Promise<CaseBundle> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    refuse('format', 'berkas bukan JSON yang utuh (terpotong atau rusak).', 'the file is not complete JSON (truncated or damaged).');
  }
  const bundle = value as Partial<CaseBundle> | null;
  if (!bundle || typeof bundle !== 'object' || Array.isArray(bundle) || bundle.format !== BUNDLE_FORMAT) {
    refuse('format', 'berkas ini bukan bundel kasus SOP Studio.', 'this file is not an SOP Studio case bundle.');
  }
  if ((bundle.version as number) === 1) {
    refuse(
      'unsigned',
      'bundel versi 1 tidak bertanda tangan, sehingga siapa pun dapat mengubah isinya tanpa ketahuan. Minta kantor pengirim mengekspor kasus ini lagi dengan SOP Studio terbaru (bundel versi 2, bertanda tangan).',
      'version 1 bundles are unsigned, so anyone could change them unnoticed. Ask the sending office to export the case again with the current SOP Studio (version 2 bundles are signed).',
    );
  }
  if (bundle.version !== BUNDLE_VERSION) {
    refuse('format', `versi bundel ${String(bundle.version)} tidak didukung (versi ${BUNDLE_VERSION}).`, `bundle version ${String(bundle.version)} is not supported (version ${BUNDLE_VERSION}).`);
  }
  const { signature, ...body } = bundle as CaseBundle;
  const signer = body.signer as Partial<BundleSigner> | undefined;
  if (typeof signature !== 'string' || !signer || typeof signer !== 'object' || signer.algorithm !== SIGNATURE_ALGORITHM || !isPublicJwk(signer.publicKey)) {
    refuse('unsigned', 'bundel tidak bertanda tangan atau tanda tangannya tidak terbaca.', 'the bundle is not signed, or its signature cannot be read.');
  }
  const fingerprint = await fingerprintOf(signer.publicKey!);
  if (signer.keyId !== fingerprint) refuse('signature', 'sidik jari kunci penanda tangan tidak cocok dengan kuncinya.', "the signer's key fingerprint does not match the key.");
  if (!(await verifyText(signer.publicKey!, canonicalJson(body), signature))) {
    refuse('signature', 'tanda tangan tidak sah: isi bundel diubah setelah ditandatangani, atau bundel rusak.', 'the signature is invalid: the bundle was changed after it was signed, or it is damaged.');
  }
  const personProblem = Object.values(checkPersonRef(signer.person as PersonRef))[0];
  // A device that never numbered a case has no code yet ('').
  if (personProblem || (signer.deviceCode !== '' && !isDeviceCode(signer.deviceCode))) {
    refuse('content', `data penanda tangan tidak sah (${personProblem?.id ?? 'kode perangkat'}).`, `the signer's details are invalid (${personProblem?.en ?? 'device code'}).`);
  }
  if (!(await isTrustedKey(device, fingerprint))) {
    const short = shortFingerprint(fingerprint);
    const name = signer.person!.name;
    refuse(
      'untrusted',
      `ditandatangani oleh ${name} (perangkat ${signer.deviceCode || '?'}, sidik jari ${short}), tetapi kunci ini belum dipercaya di perangkat ini. Cocokkan sidik jari itu dengan pengirim (misalnya lewat telepon), lalu percayai kuncinya di Pengaturan → Kunci tepercaya.`,
      `signed by ${name} (device ${signer.deviceCode || '?'}, fingerprint ${short}), but this key is not trusted on this device. Compare the fingerprint with the sender (by phone, for example), then trust the key in Settings → Trusted keys.`,
      { fingerprint, publicKey: signer.publicKey!, deviceCode: signer.deviceCode!, person: signer.person! },
    );
  }
  if (!body.sop || typeof body.sop !== 'object' || !body.sop.doc || typeof body.sop.doc !== 'object') {
    refuse('content', 'SOP kasus tidak ada di bundel.', "the case's SOP is missing from the bundle.");
  }
  if ((await sopHash(body.sop.doc)) !== body.sop.contentHash) {
    refuse('content', 'SOP dalam bundel tidak sama dengan SOP yang dipakai kasus.', 'the SOP in the bundle is not the one the case runs on.');
  }
  const problem = checkBundleContent(body);
  if (problem) {
    const part = bundlePartLabel(problem.part);
    refuse('content', `${part.id} (${problem.pointer || '/'}): ${problem.message.id}`, `${part.en} (${problem.pointer || '/'}): ${problem.message.en}`);
  }
  for (const [i, a] of body.attachments.entries()) {
    const bytes = fromBase64(a.data);
    if (!bytes || bytes.length !== a.size || (await sha256OfBytes(bytes)) !== a.sha256) {
      refuse('content', `Lampiran (/attachments/${i}): berkas "${a.name}" rusak.`, `Attachments (/attachments/${i}): file "${a.name}" is damaged.`);
    }
  }
  return bundle as CaseBundle;
}

/** Bundles from one office mostly carry the same SOP revision: hash each distinct text once (natively). */
const sopHashes = new Map<string, string>();

async function sopHash(doc: SopDocument): Promise<string> {
  const text = canonicalJson(doc);
  let hash = sopHashes.get(text);
  if (!hash) {
    hash = await sha256OfBytes(new TextEncoder().encode(text));
    if (sopHashes.size > 50) sopHashes.clear();
    sopHashes.set(text, hash);
  }
  // The engine would otherwise hash the document again when the case runs.
  rememberSopContentHash(doc, hash);
  return hash;
}

const safeFold = replayEvents;
const orderEvents = orderBundleEvents;

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
export async function importCaseBundle(db: RuntimeDb, text: string, options: { device?: DeviceDb } = {}): Promise<ImportSummary> {
  const device = options.device ?? deviceDbFor(db);
  let bundle: CaseBundle;
  try {
    bundle = await verifyCaseBundle(text, { device });
    await checkAgainstCatalogue(device, bundle);
  } finally {
    if (!options.device) device.close();
  }
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
export async function importCaseBundles(db: RuntimeDb, texts: readonly string[], batchSize = 500, options: { device?: DeviceDb } = {}): Promise<BatchImportSummary> {
  if (!options.device) {
    const device = deviceDbFor(db);
    try {
      return await importCaseBundles(db, texts, batchSize, { device });
    } finally {
      device.close();
    }
  }
  const device = options.device;
  const summary: BatchImportSummary = { cases: 0, newEvents: 0, newAttachments: 0, refused: [] };
  for (let from = 0; from < texts.length; from += batchSize) {
    const verified: { index: number; bundle: CaseBundle }[] = [];
    for (let i = from; i < Math.min(texts.length, from + batchSize); i++) {
      try {
        const bundle = await verifyCaseBundle(texts[i]!, { device });
        await checkAgainstCatalogue(device, bundle);
        verified.push({ index: i, bundle });
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
 * A published revision never changes: a bundle whose SOP reuses a revision
 * number the device catalogue holds with other content is a forgery or a
 * mistake, and is refused (the runtime's own pinned copies are checked in
 * the write transaction).
 */
async function checkAgainstCatalogue(device: DeviceDb, bundle: CaseBundle): Promise<void> {
  const held = await device.catalogue.get(bundle.sop.key);
  if (held && held.contentHash !== bundle.sop.contentHash) {
    invalid(
      `SOP ${bundle.sop.key} di katalog perangkat ini berbeda isinya dengan SOP di bundel. Revisi yang diterbitkan tidak dapat diubah.`,
      `SOP ${bundle.sop.key} in this device's catalogue differs from the one in the bundle. A published revision cannot change.`,
    );
  }
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
