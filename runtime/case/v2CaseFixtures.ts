/**
 * Cases on the crafted schema v2 documents (core/engine/testing/v2Sops.ts),
 * driven by the pure engine to the point a story or browser test shows:
 * parallel branches, a join waiting, an asked row, a sign-off chain inside a
 * lane, a waiting step, a rejected end. As plain states, and stored in a
 * scratch database for the pages that read IndexedDB.
 */
import type { CaseState } from '../../core/engine';
import { CaseDriver, type CommandInput } from '../../core/engine/testing/caseDriver';
import { askedSop, fanOutSop, rejectionSop, signOffSop, waktuKindsSop } from '../../core/engine/testing/v2Sops';
import type { SopDocument } from '../../schemas/generated/sop.types';
import type { RuntimeDb } from '../storage/db';
import { commitCommand, storeSopRevision } from '../storage/repository';
import { scratchDb } from '../storage/testing';

const CASE_ID = '0193b6c2-7a10-7000-8000-0000000000bb';
const APPLICANT = { nama: 'Siti Aminah' };
const PEOPLE = {
  loket: { id: 'p-loket', name: 'Rina Operator', nip: '198505122010012003' },
  kasi: { id: 'p-kasi', name: 'Agus Kasi' },
  kabid: { id: 'p-kabid', name: 'Dewi Kabid' },
  kec: { id: 'p-kec', name: 'Budi Kecamatan' },
  pus: { id: 'p-pus', name: 'Wati Puskesmas' },
};

export interface V2Case {
  sop: SopDocument;
  state: CaseState;
  /** The commands that led there, for storing the case in a database the way a device would have. */
  inputs: CommandInput[];
}

function drive(sop: SopDocument, inputs: CommandInput[]): V2Case {
  const d = new CaseDriver(sop, CASE_ID, '2025-06-02T01:00:00.000Z');
  for (const input of inputs) {
    d.clock += 35 * 60_000;
    d.ok(input);
  }
  return { sop, state: d.current, inputs };
}

const start = (actorId = 'loket'): CommandInput => ({ type: 'case.start', fields: APPLICANT, caseNumber: 'REK-2025-7KQX-0007', by: { actorId, person: PEOPLE.loket } });

/** The four-lane fan-out: `split` right after the front office sent it on; `waiting` once Kecamatan and the Puskesmas are done; `joined` after all four. */
export function fanOutCase(point: 'split' | 'waiting' | 'joined'): V2Case {
  const inputs: CommandInput[] = [start(), { type: 'step.complete', stepId: 'terima', by: { actorId: 'loket', person: PEOPLE.loket } }];
  if (point !== 'split') {
    inputs.push(
      { type: 'step.complete', stepId: 'kec', note: 'Domisili sesuai', by: { actorId: 'kecamatan', person: PEOPLE.kec } },
      { type: 'step.complete', stepId: 'pus', by: { actorId: 'puskesmas', person: PEOPLE.pus } },
    );
  }
  if (point === 'joined') {
    inputs.push(
      { type: 'step.complete', stepId: 'kes', by: { actorId: 'dinkes' } },
      { type: 'branch.choose', stepId: 'kes-cek', edgeId: 'e-kes-ya', by: { actorId: 'dinkes' } },
      { type: 'step.complete', stepId: 'duk', by: { actorId: 'dukcapil' } },
    );
  }
  return drive(fanOutSop(), inputs);
}

/** At the asked row "jika pemohon hanya memerlukan rawat jalan"; with `skipped`, answered "no" and moved on. */
export function askedCase(skipped = false): V2Case {
  const inputs: CommandInput[] = [start(), { type: 'step.complete', stepId: 'terima', by: { actorId: 'loket', person: PEOPLE.loket } }];
  if (skipped) inputs.push({ type: 'step.skip', stepId: 'rawat-jalan', note: 'Pemohon dirawat inap', by: { actorId: 'kasi', person: PEOPLE.kasi } });
  return drive(askedSop(), inputs);
}

/** The letter drafted and initialled by the first `signed` positions (of Kasi, Kabid, Sekdin, Kadis). */
export function signOffCase(signed: number): V2Case {
  const positions = ['Kasi Rehabilitasi Sosial', 'Kabid Rehabilitasi Sosial', 'Sekretaris Dinas', 'Kepala Dinas'];
  const people = [PEOPLE.kasi, PEOPLE.kabid, { id: 'p-sekdin', name: 'Hadi Sekdin' }, { id: 'p-kadis', name: 'Bambang Kadis' }];
  const inputs: CommandInput[] = [
    start(),
    { type: 'step.complete', stepId: 'terima', by: { actorId: 'loket', person: PEOPLE.loket } },
    { type: 'step.complete', stepId: 'surat', output: 'Draf surat 460/15', by: { actorId: 'dinsos', person: PEOPLE.loket } },
  ];
  for (let i = 0; i < signed; i++) {
    inputs.push({ type: 'step.signOff', stepId: 'surat', actorId: 'dinsos', position: positions[i]!, ...(i === 0 ? { note: 'Sudah diperiksa' } : {}), by: { actorId: 'dinsos', person: people[i]! } });
  }
  return drive(signOffSop(), inputs);
}

/** Waiting for the ministry's reply: a wait, never overdue. */
export function waitingCase(): V2Case {
  return drive(waktuKindsSop(), [
    start(),
    { type: 'step.complete', stepId: 'terima', by: { actorId: 'loket' } },
    { type: 'step.complete', stepId: 'telaah', by: { actorId: 'kasi' } },
  ]);
}

/** At the Kasi's turnaround limit ("paling lambat 24 jam"). */
export function limitCase(): V2Case {
  return drive(waktuKindsSop(), [start(), { type: 'step.complete', stepId: 'terima', by: { actorId: 'loket' } }]);
}

/** Found not eligible: the rejection letter handed over, the case finished as ditolak. */
export function rejectedCase(): V2Case {
  return drive(rejectionSop(), [
    start(),
    { type: 'step.complete', stepId: 'terima', by: { actorId: 'loket', person: PEOPLE.loket } },
    { type: 'branch.choose', stepId: 'layak', edgeId: 'e-tidak', note: 'Penghasilan di atas batas', by: { actorId: 'kasi', person: PEOPLE.kasi } },
    { type: 'step.complete', stepId: 'tolak', by: { actorId: 'loket', person: PEOPLE.loket } },
  ]);
}

/** A scratch database holding the case's SOP and the case, made by committing the same commands. */
export async function storedV2Case(make: () => V2Case): Promise<{ db: RuntimeDb; caseId: string }> {
  const { sop, inputs } = make();
  const db = scratchDb('story-v2');
  const row = await storeSopRevision(db, sop);
  const d = new CaseDriver(sop, CASE_ID, '2025-06-02T01:00:00.000Z');
  for (const input of inputs) {
    d.clock += 35 * 60_000;
    const command = d.build(input);
    const result = await commitCommand(db, command.type === 'case.start' ? { ...command, sopKey: row.key } as typeof command : command);
    if (!result.ok) throw new Error(`${input.type}: ${result.rejection.message.en}`);
    d.send(command);
  }
  return { db, caseId: CASE_ID };
}
