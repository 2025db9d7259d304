/**
 * What the sync browser tests share: the applicant, a step command, the check
 * that a local commit went through, office devices that are closed after each
 * test, and the opening most scenarios start from (a case started at Kemiren,
 * step 1 done and synced to both offices, so it waits at step 2 on both).
 */
import { afterEach } from 'vitest';
import type { CaseCommand, CaseState } from '../../../core/engine';
import { commitCommand, newId, startCase, type CommitResult } from '../../storage/repository';
import { officeDevice, twoOfficeServer, type OfficeDevice } from './world';

export const APPLICANT = { nama: 'Siti Aminah', nik: '3510015205850002' };
/** Every requirement of step 1 (the applicant's documents). */
export const S1_ALL = ['s1-r1', 's1-r2', 's1-r3'];

/** The case state after a local commit; a refusal fails the test with the engine's reason. */
export function ok(result: CommitResult): CaseState {
  if (!result.ok) throw new Error(`${result.rejection.code}: ${result.rejection.message.en}`);
  return result.state;
}

export const step = (caseId: string, expectedRevision: number, stepId: string, extra: Record<string, unknown> = {}): CaseCommand =>
  ({ type: 'step.complete', id: newId(), caseId, expectedRevision, at: new Date().toISOString(), stepId, ...extra }) as CaseCommand;

export type OpenOffice = (...args: Parameters<typeof officeDevice>) => Promise<OfficeDevice>;

/** For a test file: opens office devices, each closed (and its databases deleted) after the test that opened it. */
export function officeDevicesClosedAfterEach(): OpenOffice {
  const devices: OfficeDevice[] = [];
  afterEach(async () => {
    for (const device of devices.splice(0)) await device.close();
  });
  return async (...args) => {
    const device = await officeDevice(...args);
    devices.push(device);
    return device;
  };
}

/**
 * Kemiren (Rina) starts a case and completes step 1, with a scanned KTP on its first requirement when
 * `withFile`; both offices sync, so the case waits at step 2 (the village lane, which Glagah also plays) on both.
 */
export async function caseAtS2(office: OpenOffice, options: { withFile?: boolean } = {}) {
  const server = twoOfficeServer();
  const kemiren = await office(server, 'rina', { withSop: true });
  const glagah = await office(server, 'budi');
  const started = ok(await startCase(kemiren.db, { sopKey: kemiren.sopKey, fields: APPLICANT, by: { actorId: 'masyarakat-pemohon' } }));
  const s1 = { ticked: S1_ALL, by: { actorId: 'masyarakat-pemohon' } };
  if (options.withFile) {
    const file = { id: newId(), blob: new Blob(['KTP Siti'], { type: 'text/plain' }), name: 'ktp.txt', type: 'text/plain', requirementId: 's1-r1' };
    const attachments = [{ id: file.id, name: 'ktp.txt', type: 'text/plain', size: 8, requirementId: 's1-r1' }];
    ok(await commitCommand(kemiren.db, step(started.id, 1, 's1', { ...s1, attachments }), { attachments: [file] }));
  } else {
    ok(await commitCommand(kemiren.db, step(started.id, 1, 's1', s1)));
  }
  await kemiren.client().syncOnce();
  await glagah.client().syncOnce();
  return { server, kemiren, glagah, caseId: started.id };
}
