/**
 * What the server offers this device's office for new cases: its catalogue
 * as last read (`GET /catalogue`), kept so the clerk can start cases offline.
 *
 * On a device linked to a server, a case starts only on a revision in it.
 * Anything else on the device (the bundled samples, a revision the designer
 * published here, a file, a bundle) is a revision the server does not offer
 * this office: a case started on it would be refused at the first push and
 * sit in review for good. Kept out of backups (it is the server's, read again
 * at the next sync) but kept by a restore, like the device's id.
 */
import type { LocalizedText } from '../../core/engine';
import type { CatalogueEntry } from '../../core/sync';
import type { RuntimeDb } from './db';
import { serverLink, type ServerLink } from './outbox';

export const SERVER_CATALOGUE_KEY = 'serverCatalogue';

export interface ServerCatalogue {
  /** The server it came from (a catalogue of another server offers nothing here). */
  baseUrl: string;
  /** The office it was read for (another account signing in on this device reads its own). */
  officeId: string;
  fetchedAt: number;
  entries: CatalogueEntry[];
}

export async function storeServerCatalogue(db: RuntimeDb, catalogue: ServerCatalogue): Promise<void> {
  await db.syncState.put({ key: SERVER_CATALOGUE_KEY, value: catalogue });
}

/**
 * The catalogue last read from the linked server, or undefined: never read yet, read from another server, or
 * (given `officeId`, the office signed in now) read for another office.
 */
export async function serverCatalogueOf(db: RuntimeDb, link: ServerLink | undefined, officeId?: string): Promise<ServerCatalogue | undefined> {
  const value = (await db.syncState.get(SERVER_CATALOGUE_KEY))?.value as ServerCatalogue | undefined;
  if (!link || !value || value.baseUrl !== link.baseUrl || !Array.isArray(value.entries)) return undefined;
  if (officeId !== undefined && value.officeId !== officeId) return undefined;
  return value;
}

/** The server's entry for this very revision (same number, same content), if the server offers it. */
export function serverEntryFor(catalogue: ServerCatalogue | undefined, revision: { sopId: string; revision: number; contentHash: string }): CatalogueEntry | undefined {
  return catalogue?.entries.find((e) => e.sopId === revision.sopId && e.revision === revision.revision && e.contentHash === revision.contentHash);
}

export const NOT_FROM_SERVER: LocalizedText = {
  id: 'Revisi SOP ini tidak berasal dari server. Perangkat ini tertaut ke server, jadi kasus baru hanya dapat dimulai pada SOP yang diterbitkan server untuk kantor Anda.',
  en: 'This SOP revision did not come from the server. This device is linked to a server, so new cases start only on SOPs the server publishes for your office.',
};

/**
 * Why a new case may not start on this revision here, or undefined when it may: on a linked device, the revision
 * must be in the server's catalogue. Reads `syncState`; call it inside the start's transaction.
 */
export async function startRefusal(db: RuntimeDb, revision: { sopId: string; revision: number; contentHash: string }): Promise<{ code: 'sop.notFromServer'; message: LocalizedText } | undefined> {
  const link = await serverLink(db);
  if (!link) return undefined;
  return serverEntryFor(await serverCatalogueOf(db, link), revision) ? undefined : { code: 'sop.notFromServer', message: NOT_FROM_SERVER };
}
