/**
 * Whole case histories (demo cases, hand-driven cases) stored on a test server
 * the way a push stores them: through `writePush` (sync_push_write), one
 * command per case carrying all its events. Faster than re-deciding hundreds
 * of histories command by command, and the rows are the rows a push writes.
 */
import { canonicalJson, sopContentHash, type CaseEvent, type CaseState } from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { createOffice, createUser } from '../accounts/accountsService';
import { pathActorsOf } from '../cases/caseVisibility';
import { writePush } from '../cases/casesRepo';
import { CASE_CHANNEL } from '../cases/pushCommands';
import type { Db } from '../db/db';
import { insertRevisionOnce } from '../publication/revisionsRepo';

export interface CaseHistory {
  caseId: string;
  events: readonly CaseEvent[];
  state: CaseState;
}

export interface HistoryStore {
  officeId: string;
  userId: string;
  publish(sop: SopDocument): Promise<void>;
  store(sop: SopDocument, cases: readonly CaseHistory[]): Promise<void>;
}

const AT = new Date('2026-12-01T01:00:00.000Z');
let serial = 0;

/** An office and a clerk to stand as the writers, and helpers to publish SOPs and store histories. */
export async function historyStore(db: Db): Promise<HistoryStore> {
  const office = await createOffice(db, { name: `Dinas Sosial Arsip ${++serial}`, regionCode: '35.10' }, AT);
  const user = await createUser(db, { login: `arsip${serial}`, name: 'Petugas Arsip', officeId: office.id, roles: ['clerk', 'publisher'] }, AT);
  return {
    officeId: office.id,
    userId: user.id,
    async publish(sop) {
      await insertRevisionOnce(db, {
        sopId: sop.id,
        revision: sop.revision.number,
        contentHash: sopContentHash(sop),
        title: sop.identity.title ?? '',
        documentText: canonicalJson(sop),
        publishedAt: AT.toISOString(),
        publishedBy: user.id,
      });
    },
    async store(sop, cases) {
      const contentHash = sopContentHash(sop);
      for (let i = 0; i < cases.length; i += 50) {
        const chunk = cases.slice(i, i + 50);
        await db.transaction((tx) =>
          writePush(
            tx,
            {
              cases: chunk.map((c) => ({
                id: c.caseId,
                sopId: sop.id,
                sopRevision: sop.revision.number,
                sopContentHash: contentHash,
                regionCode: '35.10',
                holderOfficeIds: [office.id],
                pathActors: pathActorsOf(c.state),
                state: c.state,
              })),
              commands: chunk.map((c) => ({
                commandId: `riwayat-${c.caseId}-${c.events[0]?.revision ?? 0}`,
                caseId: c.caseId,
                events: c.events,
                files: [],
                by: { userId: user.id, officeId: office.id, deviceId: 'arsip' },
              })),
              recordedAt: AT,
            },
            CASE_CHANNEL,
          ),
        );
      }
    },
  };
}
