/**
 * Where the runtime finds the SOPs a new case can start on. Normally the
 * device catalogue that the designer publishes into (device/); in a trial
 * run, the drafts the designer put in the sandbox database. Screens use this
 * interface and never ask which one they have.
 */
import { availabilityForNewCase, getRevision, listOffered, type CatalogueRevision, type CatalogueSummary, type DeviceDb, type NewCaseAvailability } from '../../device';
import type { SopDocument } from '../../schemas/generated/sop.types';
import type { RuntimeDb, SopRow } from '../storage/db';

/** An SOP revision a new case can start on. */
export interface CatalogueItem {
  key: string;
  sopId: string;
  revision: number;
  title: string;
  office: string;
  number: string;
  /** YYYY-MM-DD (or ISO) as the drafter gave it; '' for a trial draft. */
  publishedAt: string;
  doc: SopDocument;
  /** A draft on trial in the sandbox. */
  trial?: boolean;
}

export interface RuntimeCatalogue {
  kind: 'device' | 'trial';
  /** One revision per SOP: those new cases can start on. */
  listOffered(): Promise<CatalogueItem[]>;
  get(key: string): Promise<CatalogueItem | undefined>;
  availability(key: string): Promise<NewCaseAvailability>;
}

const fromDevice = (revision: CatalogueRevision): CatalogueItem => ({
  key: revision.key,
  sopId: revision.sopId,
  revision: revision.revision,
  title: revision.title,
  office: revision.office,
  number: revision.number,
  publishedAt: revision.publishedAt,
  doc: revision.doc,
});

export function deviceCatalogue(device: DeviceDb): RuntimeCatalogue {
  return {
    kind: 'device',
    listOffered: async () => (await listOffered(device)).map(fromDevice),
    get: async (key) => {
      const revision = await getRevision(device, key);
      return revision ? fromDevice(revision) : undefined;
    },
    availability: (key) => availabilityForNewCase(device, key),
  };
}

/** A catalogue item straight from a published document (stories, tests). */
export function catalogueItemOf(doc: SopDocument): CatalogueItem {
  return {
    key: `${doc.id}@${doc.revision.number}`,
    sopId: doc.id,
    revision: doc.revision.number,
    title: doc.identity.title,
    office: doc.identity.office ?? '',
    number: doc.identity.number ?? '',
    publishedAt: doc.revision.publishedAt ?? '',
    doc,
  };
}

const fromTrial = (row: SopRow): CatalogueItem => ({
  key: row.key,
  sopId: row.sopId,
  revision: row.revision,
  title: String(row.doc.identity?.title ?? row.sopId),
  office: row.doc.identity?.office ?? '',
  number: row.doc.identity?.number ?? '',
  publishedAt: '',
  doc: row.doc,
  trial: true,
});

/** The sandbox of a trial run: every draft the designer sent is offered. */
export function trialCatalogue(db: RuntimeDb): RuntimeCatalogue {
  return {
    kind: 'trial',
    listOffered: async () => (await db.sops.toArray()).map(fromTrial).sort((a, b) => String(a.title ?? '').localeCompare(String(b.title ?? ''), 'id')),
    get: async (key) => {
      const row = await db.sops.get(key);
      return row ? fromTrial(row) : undefined;
    },
    availability: async (key) => ((await db.sops.get(key)) ? { offered: true } : { offered: false, reason: 'missing' }),
  };
}

export type { CatalogueSummary, NewCaseAvailability };
