/**
 * Where a published revision goes after the designer has frozen it: the
 * device's catalogue, which the runtime reads (device/). Later a server
 * publication joins it behind the same interface.
 *
 * The designer's own database and the catalogue are two IndexedDB databases,
 * and no transaction spans two databases; so the designer's revision table
 * is the record, and the catalogue is brought up to date from it after every
 * publish or archive, and again whenever the designer starts. A hand-over
 * that failed (a full disk) is therefore retried, never lost.
 */
import { addRevision, setRevisionArchived, type DeviceDb } from '../../device';
import type { SopDocument } from '../../schemas/generated/sop.types';

export interface PublicationTarget {
  /** Makes a published revision available for new cases (idempotent). */
  publish(doc: SopDocument): Promise<void>;
  /** Withdraws a revision from new cases, or (null) offers it again. */
  setArchived(sopId: string, number: number, archivedAt: string | null): Promise<void>;
}

export function deviceCatalogueTarget(device: DeviceDb): PublicationTarget {
  return {
    async publish(doc) {
      await addRevision(device, doc, { source: 'designer' });
    },
    async setArchived(sopId, number, archivedAt) {
      await setRevisionArchived(device, sopId, number, archivedAt);
    },
  };
}
