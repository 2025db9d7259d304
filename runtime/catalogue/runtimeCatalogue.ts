/**
 * Where the runtime finds the SOPs a new case can start on. Normally the
 * device catalogue that the designer publishes into (device/), where the
 * bundled samples are labelled as examples; on a device linked to a server,
 * only the revisions of that catalogue the server offers the office
 * (runtime/storage/serverCatalogue.ts); in a trial run, the drafts the
 * designer put in the sandbox database and the bundled examples. Screens use
 * this interface and never ask which one they have.
 */
import {
  availabilityForNewCase,
  catalogueKeyOf,
  getRevision,
  listOffered,
  storedSession,
  type CatalogueRevision,
  type CatalogueSummary,
  type DeviceDb,
  type NewCaseAvailability,
} from '../../device';
import type { SopDocument } from '../../schemas/generated/sop.types';
import type { RuntimeDb, SopRow } from '../storage/db';
import { serverLink } from '../storage/outbox';
import { serverCatalogueOf, type ServerCatalogue } from '../storage/serverCatalogue';

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
  /** A sample bundled with the app, for trying it: not an SOP of the clerk's office. */
  example?: boolean;
}

/**
 * Where new cases start from: this device's catalogue (no server), the server's catalogue for the office (a linked
 * device; `read` is false until the device has read it), or the trial sandbox.
 */
export type CatalogueOffering = { from: 'device' } | { from: 'server'; read: boolean } | { from: 'sandbox' };

/** Whether a new case may start on a revision; on a linked device, not on one the server does not offer. */
export type Availability = NewCaseAvailability | { offered: false; reason: 'notFromServer'; current?: CatalogueSummary };

export interface RuntimeCatalogue {
  kind: 'device' | 'trial';
  offering(): Promise<CatalogueOffering>;
  /** One revision per SOP: those new cases can start on. */
  listOffered(): Promise<CatalogueItem[]>;
  get(key: string): Promise<CatalogueItem | undefined>;
  availability(key: string): Promise<Availability>;
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
  ...(revision.source === 'sample' ? { example: true } : {}),
});

const summaryOf = ({ doc: _doc, ...summary }: CatalogueRevision): CatalogueSummary => summary;

const byTitle = (a: CatalogueItem, b: CatalogueItem) => String(a.title).localeCompare(String(b.title), 'id') || String(a.sopId).localeCompare(String(b.sopId));

/**
 * The catalogue of a device. Given the runtime database, and once that is linked to a server, it offers what the
 * server offers the office signed in now (none until the server's catalogue has been read for it), as held on the
 * device with the same content and not archived here.
 */
export function deviceCatalogue(device: DeviceDb, db?: RuntimeDb): RuntimeCatalogue {
  /** undefined: not linked; `catalogue` undefined: linked, but the office's catalogue has not been read. */
  async function linked(): Promise<{ catalogue: ServerCatalogue | undefined } | undefined> {
    const link = db ? await serverLink(db) : undefined;
    if (!db || !link) return undefined;
    const session = await storedSession(device);
    return { catalogue: await serverCatalogueOf(db, link, session?.baseUrl === link.baseUrl ? session.office.id : undefined) };
  }
  /** The revision the server offers for new cases of this SOP, as held on this device. */
  async function offeredFor(catalogue: ServerCatalogue | undefined, sopId: string): Promise<CatalogueRevision | undefined> {
    const entry = catalogue?.entries.find((e) => e.sopId === sopId);
    const held = entry && (await getRevision(device, catalogueKeyOf(entry.sopId, entry.revision)));
    return held && held.contentHash === entry.contentHash && held.archivedAt === undefined ? { ...held, source: 'server' } : undefined;
  }
  return {
    kind: 'device',
    offering: async () => {
      const server = await linked();
      return server ? { from: 'server', read: server.catalogue !== undefined } : { from: 'device' };
    },
    listOffered: async () => {
      const server = await linked();
      if (!server) return (await listOffered(device)).map(fromDevice);
      const offered = await Promise.all((server.catalogue?.entries ?? []).map((entry) => offeredFor(server.catalogue, entry.sopId)));
      return offered.filter((r): r is CatalogueRevision => r !== undefined).map(fromDevice).sort(byTitle);
    },
    get: async (key) => {
      const revision = await getRevision(device, key);
      return revision ? fromDevice(revision) : undefined;
    },
    availability: async (key): Promise<Availability> => {
      const server = await linked();
      if (!server) return availabilityForNewCase(device, key);
      const revision = await getRevision(device, key);
      if (!revision) return { offered: false, reason: 'missing' };
      const offered = await offeredFor(server.catalogue, revision.sopId);
      if (offered?.key === key) return { offered: true };
      const withCurrent = offered ? { current: summaryOf(offered) } : {};
      const entry = server.catalogue?.entries.find((e) => e.sopId === revision.sopId);
      // The server's own revision, archived by a drafter here, or an older one of the server's.
      if (entry?.revision === revision.revision && entry.contentHash === revision.contentHash) return { offered: false, reason: 'archived', ...withCurrent };
      if (revision.source === 'server' && entry && revision.revision < entry.revision) return { offered: false, reason: 'superseded', ...withCurrent };
      return { offered: false, reason: 'notFromServer', ...withCurrent };
    },
  };
}

/** A catalogue item straight from a published document (stories, tests). */
export function catalogueItemOf(doc: SopDocument): CatalogueItem {
  return {
    key: `${doc.id}@${doc.revision.number}`,
    sopId: doc.id,
    revision: doc.revision.number,
    title: doc.identity.title ?? doc.id,
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

/** The bundled published samples, as examples (loaded only when a sandbox lists them). */
async function examples(): Promise<CatalogueItem[]> {
  const { loadSamples } = await import('../../samples/index');
  return loadSamples()
    .filter((doc) => doc.revision.status === 'published' && doc.revision.number >= 1)
    .map((doc) => ({ ...catalogueItemOf(doc), example: true }));
}

/**
 * The sandbox of a trial run: every draft the designer sent, then the bundled samples as examples (a clerk of a
 * linked device tries the app here, since only the server's SOPs start real cases there).
 */
export function trialCatalogue(db: RuntimeDb): RuntimeCatalogue {
  // A sample a trial case started on is stored in the sandbox too, without the trial mark: it is listed as an example.
  const drafts = async () => (await db.sops.toArray()).filter((row) => row.trial).map(fromTrial).sort(byTitle);
  const get = async (key: string) => {
    const row = await db.sops.get(key);
    if (row?.trial) return fromTrial(row);
    return (await examples()).find((item) => item.key === key);
  };
  return {
    kind: 'trial',
    offering: async () => ({ from: 'sandbox' }),
    listOffered: async () => [...(await drafts()), ...(await examples()).sort(byTitle)],
    get,
    availability: async (key) => ((await get(key)) ? { offered: true } : { offered: false, reason: 'missing' }),
  };
}

export type { CatalogueSummary, NewCaseAvailability };
