/**
 * Shared fixtures for stories and browser tests: the Banyuwangi sample driven
 * by the pure engine to a chosen point, and scratch databases seeded with cases.
 */
import type { ReactNode } from 'react';
import { CaseDriver } from '../core/engine/testing/caseDriver';
import type { CaseState } from '../core/engine';
import type { LaneRef, PersonRef } from '../core/people';
import type { SopDocument } from '../schemas/generated/sop.types';
import { RuntimeProvider } from './context';
import type { RuntimeDb } from './storage/db';
import { commitCommand, newId, startCase, storeSopRevision } from './storage/repository';
import { sampleDoc, scratchDb } from './storage/testing';

/** A fixed clock for stories: Tuesday 3 June 2025, 09:00 WIB. */
export const STORY_NOW = Date.parse('2025-06-03T02:00:00.000Z');

/** The clerk every story acts as, unless it says otherwise. */
export const STORY_PERSON: PersonRef = { id: '0193b6c2-7a10-7000-8000-0000000000ff', name: 'Rina Operator', nip: '198505122010012003', office: 'Kantor Desa Kemiren' };

export const APPLICANT = { nama: 'Siti Aminah', nik: '3510015205850002', alamat: 'Dusun Krajan RT 01 RW 02, Desa Kemiren', telepon: '081234567890' };

/**
 * The Banyuwangi case after `steps` steps (the 6th is a "Tidak" back to the village when `loop`);
 * with `sentBack`, Kecamatan then returns it from step 6 to the village step (give `steps` 5).
 */
export function bwiCase(steps: number, options: { loop?: boolean; sentBack?: boolean } = {}): { sop: SopDocument; state: CaseState } {
  const sop = sampleDoc('bwi-spm-online');
  const d = new CaseDriver(sop, '0193b6c2-7a10-7000-8000-0000000000aa', '2025-06-02T01:00:00.000Z');
  d.ok({ type: 'case.start', fields: APPLICANT, caseNumber: 'SPM-2025-7KQX-0042', by: { actorId: 'desa-kelurahan', person: STORY_PERSON } });
  const plan: (() => void)[] = [
    () => d.ok({ type: 'step.complete', stepId: 's1', ticked: ['s1-r1', 's1-r2', 's1-r3'], output: 'Berkas diterima', by: { actorId: 'masyarakat-pemohon', person: STORY_PERSON } }),
    () => d.ok({ type: 'step.complete', stepId: 's2', note: 'Terdaftar di SIAK' }),
    () => d.ok({ type: 'step.complete', stepId: 's3' }),
    () => d.ok({ type: 'step.complete', stepId: 's4', ticked: ['s4-r1', 's4-r2', 's4-r3'] }),
    () => d.ok({ type: 'step.complete', stepId: 's5' }),
    () => d.ok({ type: 'branch.choose', stepId: 's6', edgeId: options.loop ? 'e7' : 'e6' }),
  ];
  plan.slice(0, steps).forEach((run) => {
    d.clock += 40 * 60_000;
    run();
  });
  if (options.sentBack) {
    d.clock += 25 * 60_000;
    d.ok({ type: 'case.return', stepId: 's6', to: { stepId: 's4' }, reason: 'Fotokopi KTP pemilik rumah belum ada', missing: ['s4-r3'], by: { actorId: 'kecamatan' } });
  }
  return { sop, state: d.current };
}

/** A scratch database holding the Banyuwangi SOP and `count` cases at various steps. */
export async function seededDb(count = 6): Promise<RuntimeDb> {
  const db = scratchDb('story');
  const sop = sampleDoc('bwi-spm-online');
  const row = await storeSopRevision(db, sop);
  const names = ['Siti Aminah', 'Budi Santoso', 'Ani Rahayu', 'Slamet Riyadi', 'Dewi Lestari', 'Agus Salim', 'Rina Wati', 'Joko Susilo'];
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.parse('2025-06-02T01:00:00.000Z') + i * 25 * 60_000).toISOString();
    const started = await startCase(db, { sopKey: row.key, fields: { nama: names[i % names.length]!, nik: `35100112058${String(50001 + i)}` }, at });
    if (!started.ok) throw new Error(started.rejection.message.en);
    if (i % 2 === 1) {
      await commitCommand(db, { type: 'step.complete', id: newId(), caseId: started.state.id, expectedRevision: 1, at, stepId: 's1', ticked: ['s1-r1', 's1-r2', 's1-r3'] });
    }
  }
  return db;
}

export interface WithRuntimeProps {
  db: RuntimeDb;
  /** The acting person (`null`: nobody has said who they are yet). */
  person?: PersonRef | null;
  lanes?: readonly LaneRef[];
  /** `false`: a database linked to a server stays offline (no sync loop). */
  sync?: false;
  /** The monev demo database. */
  demo?: boolean;
  children: ReactNode;
}

export function WithRuntime({ db, person = STORY_PERSON, lanes = [], sync, demo = false, children }: WithRuntimeProps) {
  return (
    <RuntimeProvider db={db} seed={false} now={STORY_NOW} person={person} lanes={lanes} demo={demo} {...(sync === false ? { sync } : {})}>
      {children}
    </RuntimeProvider>
  );
}
