/**
 * The catalogue of published revisions on this device (see db.ts). Revisions
 * are immutable and content-hashed: storing one again with the same content
 * does nothing, and a changed document under a number already stored is
 * refused, whoever brings it (the designer, a file, later the server).
 *
 * Which revision is offered for new cases: the newest revision of each SOP,
 * unless it is archived. A newer revision supersedes the older ones; cases
 * already running stay on the revision they pinned (the runtime keeps its
 * own copy of every pinned revision).
 */

import { checkRevisionFile } from '../core/document/revisionFile';
import { sopContentHash } from '../core/engine';
import { originalOf, revisionContentHash, upgradeStoredSop } from '../core/migrations';
import type { Diagnostic } from '../core/validation';
import type { SopDocument } from '../schemas/generated/sop.types';
import { DEVICE_SCHEMA_VERSION, type CatalogueRow, type CatalogueSource, type DeviceDb } from './db';
import { DeviceStorageError, toDeviceError } from './errors';

export type CatalogueSummary = Omit<CatalogueRow, 'json'>;

/** A revision with its document, as the runtime shows and runs it. */
export interface CatalogueRevision extends CatalogueSummary {
  doc: SopDocument;
}

export const catalogueKeyOf = (sopId: string, revision: number): string => `${sopId}@${revision}`;

const summaryOf = ({ json: _json, ...rest }: CatalogueRow): CatalogueSummary => rest;

// Revisions never change, so each document is parsed (and migrated) once per page.
const parsed = new Map<string, SopDocument>();

/**
 * The row's document as the runtime runs it: the JSON as published, migrated
 * in memory to the current schema (a revision published in schema v1 stays v1
 * in the catalogue, byte for byte, and keeps its hash).
 */
function documentOf(row: CatalogueRow): SopDocument | undefined {
  const cacheKey = `${row.key}#${row.contentHash}`;
  let doc = parsed.get(cacheKey);
  if (!doc) {
    let value: unknown;
    try {
      value = JSON.parse(row.json);
    } catch {
      return undefined;
    }
    doc = upgradeStoredSop(value, typeof row.contentHash === 'string' ? row.contentHash : undefined);
    if (!doc) return undefined;
    parsed.set(cacheKey, doc);
  }
  return doc;
}

/**
 * A row the runtime can show and run: its document parses and has the parts
 * every screen reads. A damaged row (written by an older version, another
 * tool, or by hand) is left out rather than allowed to break the catalogue.
 */
function isRunnable(doc: SopDocument | undefined): doc is SopDocument {
  return (
    !!doc &&
    typeof doc === 'object' &&
    typeof doc.id === 'string' &&
    Array.isArray(doc.actors) &&
    Array.isArray(doc.flows) &&
    doc.flows.every((f) => !!f && Array.isArray(f.steps) && Array.isArray(f.lanes)) &&
    typeof doc.identity === 'object' &&
    doc.identity !== null &&
    typeof doc.revision?.number === 'number'
  );
}

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

function withDocument(row: CatalogueRow): CatalogueRevision | undefined {
  const doc = documentOf(row);
  if (!isRunnable(doc) || typeof row.key !== 'string' || typeof row.revision !== 'number') return undefined;
  return { ...summaryOf(row), title: text(row.title) || text(doc.identity.title) || doc.id, office: text(row.office), number: text(row.number), publishedAt: text(row.publishedAt), doc };
}

export interface AddRevisionOptions {
  source: CatalogueSource;
  /** The clock, for tests. */
  now?: () => Date;
}

export type AddRevisionResult = { status: 'added' | 'unchanged'; revision: CatalogueSummary };

/**
 * The row of a published revision: `json` is the document as it was
 * published (the original of a migrated one), and the hash is over exactly that.
 */
function rowOf(doc: SopDocument, source: CatalogueSource, at: string): CatalogueRow {
  return {
    key: catalogueKeyOf(doc.id, doc.revision.number),
    schemaVersion: DEVICE_SCHEMA_VERSION,
    sopId: doc.id,
    revision: doc.revision.number,
    contentHash: revisionContentHash(doc),
    title: doc.identity.title ?? '',
    office: doc.identity.office ?? '',
    number: doc.identity.number ?? '',
    publishedAt: doc.revision.publishedAt ?? at.slice(0, 10),
    source,
    storedAt: at,
    json: JSON.stringify(originalOf(doc)),
  };
}

export function conflictError(doc: SopDocument): DeviceStorageError {
  return new DeviceStorageError('revision.conflict', {
    id: `SOP "${doc.identity.title ?? doc.id}" revisi ${doc.revision.number} sudah ada di perangkat ini dengan isi yang berbeda. Revisi yang diterbitkan tidak dapat diubah; terbitkan perubahan sebagai revisi baru.`,
    en: `SOP "${doc.identity.title ?? doc.id}" revision ${doc.revision.number} is already on this device with different content. A published revision cannot change; publish the change as a new revision.`,
  });
}

/** Adds a published revision; the same content again is a no-op, other content under its number is refused. */
export async function addRevision(db: DeviceDb, doc: SopDocument, options: AddRevisionOptions): Promise<AddRevisionResult> {
  if (doc.revision?.status !== 'published' || !(doc.revision.number >= 1)) {
    throw new DeviceStorageError('revision.invalid', {
      id: `SOP "${doc.identity?.title ?? doc.id}" bukan revisi yang diterbitkan; hanya revisi yang diterbitkan masuk katalog.`,
      en: `SOP "${doc.identity?.title ?? doc.id}" is not a published revision; only published revisions enter the catalogue.`,
    });
  }
  const at = (options.now ?? (() => new Date()))().toISOString();
  const row = rowOf(doc, options.source, at);
  try {
    return await db.transaction('rw', db.catalogue, async (): Promise<AddRevisionResult> => {
      const existing = await db.catalogue.get(row.key);
      if (existing) {
        if (existing.contentHash !== row.contentHash) throw conflictError(doc);
        return { status: 'unchanged', revision: summaryOf(existing) };
      }
      await db.catalogue.add(row);
      return { status: 'added', revision: summaryOf(row) };
    });
  } catch (error) {
    throw toDeviceError(error);
  }
}

export type ImportRevisionResult =
  | { ok: true; status: 'added' | 'unchanged'; revision: CatalogueSummary; warnings: Diagnostic[]; upgradedFrom?: number }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Imports a revision file (exported by a designer on another device). It must
 * pass the publish rules and be a published revision; a changed revision that
 * reuses a number is refused. Nothing is written unless everything holds.
 */
export async function importRevisionFile(db: DeviceDb, text: string, options: Omit<AddRevisionOptions, 'source'> = {}): Promise<ImportRevisionResult> {
  // The SOP validator is most of an app's code by size, and only a file import needs it here: loaded then.
  const { checkRevisionFile } = await import('../core/document/revisionFile');
  const checked = checkRevisionFile(text);
  if (!checked.ok) return { ok: false, diagnostics: checked.diagnostics };
  try {
    const added = await addRevision(db, checked.doc, { ...options, source: 'file' });
    return { ok: true, ...added, warnings: checked.warnings, ...(checked.upgradedFrom !== undefined ? { upgradedFrom: checked.upgradedFrom } : {}) };
  } catch (error) {
    const failure = toDeviceError(error);
    return {
      ok: false,
      diagnostics: [
        {
          ruleId: failure.code,
          severity: 'error',
          pointer: failure.code === 'revision.conflict' ? '/revision/number' : '',
          message: failure.localized,
        },
      ],
    };
  }
}

/** Archives a revision (no new cases start on it) or, with `null`, puts it back. */
export async function setRevisionArchived(db: DeviceDb, sopId: string, revision: number, archivedAt: string | null): Promise<void> {
  try {
    await db.transaction('rw', db.catalogue, async () => {
      const row = await db.catalogue.get(catalogueKeyOf(sopId, revision));
      if (!row || (row.archivedAt !== undefined) === (archivedAt !== null)) return;
      const { archivedAt: _was, ...rest } = row;
      await db.catalogue.put(archivedAt === null ? rest : { ...rest, archivedAt });
    });
  } catch (error) {
    throw toDeviceError(error);
  }
}

/** The revision a new case of this SOP starts on, or undefined when the SOP is withdrawn. */
function offeredOf(revisions: readonly CatalogueRow[]): CatalogueRow | undefined {
  const newest = revisions.reduce<CatalogueRow | undefined>((best, r) => (!best || r.revision > best.revision ? r : best), undefined);
  return newest && newest.archivedAt === undefined ? newest : undefined;
}

/** The SOPs new cases can start on: one revision each (the newest, unless archived), by title. */
export async function listOffered(db: DeviceDb): Promise<CatalogueRevision[]> {
  const rows = await db.catalogue.toArray();
  const bySop = new Map<string, CatalogueRow[]>();
  for (const row of rows) bySop.set(row.sopId, [...(bySop.get(row.sopId) ?? []), row]);
  return [...bySop.values()]
    .map(offeredOf)
    .map((row) => (row ? withDocument(row) : undefined))
    .filter((row): row is CatalogueRevision => row !== undefined)
    .sort((a, b) => text(a.title).localeCompare(text(b.title), 'id') || text(a.sopId).localeCompare(text(b.sopId)));
}

export async function getRevision(db: DeviceDb, key: string): Promise<CatalogueRevision | undefined> {
  const row = await db.catalogue.get(key);
  return row ? withDocument(row) : undefined;
}

export async function listRevisionsOf(db: DeviceDb, sopId: string): Promise<CatalogueSummary[]> {
  const rows = await db.catalogue.where('sopId').equals(sopId).toArray();
  return rows.map(summaryOf).sort((a, b) => Number(a.revision) - Number(b.revision));
}

export type NewCaseAvailability =
  | { offered: true }
  | { offered: false; reason: 'missing' | 'archived' | 'superseded'; current?: CatalogueSummary };

/** Whether a new case may start on this revision, and if not, which one it should start on. */
export async function availabilityForNewCase(db: DeviceDb, key: string): Promise<NewCaseAvailability> {
  const row = await db.catalogue.get(key);
  if (!row) return { offered: false, reason: 'missing' };
  const revisions = await db.catalogue.where('sopId').equals(row.sopId).toArray();
  const offered = offeredOf(revisions);
  if (offered?.key === key) return { offered: true };
  const current = offered ? summaryOf(offered) : undefined;
  const newest = Math.max(...revisions.map((r) => r.revision));
  return { offered: false, reason: row.revision < newest ? 'superseded' : 'archived', ...(current ? { current } : {}) };
}

/**
 * Puts the bundled published samples in the catalogue the first time any app
 * opens it on this device; later opens leave the catalogue alone (a sample
 * the drafter archived stays archived).
 */
export async function seedCatalogue(db: DeviceDb, docs: readonly SopDocument[], now: () => Date = () => new Date()): Promise<number> {
  const at = now().toISOString();
  try {
    return await db.transaction('rw', db.catalogue, db.meta, async () => {
      if (await db.meta.get('seededAt')) return 0;
      const rows = docs
        .filter((d) => d.revision.status === 'published' && d.revision.number >= 1)
        .map((d) => rowOf(d, 'sample', at));
      const present = new Set((await db.catalogue.bulkGet(rows.map((r) => r.key))).filter(Boolean).map((r) => r!.key));
      await db.catalogue.bulkAdd(rows.filter((r) => !present.has(r.key)));
      await db.meta.put({ key: 'seededAt', value: at });
      return rows.length - present.size;
    });
  } catch (error) {
    throw toDeviceError(error);
  }
}

export async function isCatalogueSeeded(db: DeviceDb): Promise<boolean> {
  return (await db.meta.get('seededAt')) !== undefined;
}

