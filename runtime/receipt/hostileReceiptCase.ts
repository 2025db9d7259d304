/**
 * A Banyuwangi case whose applicant and attachments carry hostile names: a
 * U+202E (right-to-left override) inside a file name and names of 300
 * characters without a space. Shared by the receipt's story and browser test.
 */
import type { CaseState } from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { bwiCase } from '../storyFixtures';

export function hostileReceiptCase(): {
  sop: SopDocument;
  state: CaseState;
  names: { override: string; afterOverride: string; longFile: string; longApplicant: string };
} {
  const { sop, state } = bwiCase(2);
  const names = {
    override: 'surat-\u202Efdp.exe',
    afterOverride: 'foto-kk.jpg',
    longFile: `${'scan-ktp-pemohon-'.repeat(17)}x.pdf`.slice(0, 300),
    longApplicant: `Siti${'Aminah'.repeat(50)}`.slice(0, 300),
  };
  const hostile = structuredClone(state);
  hostile.fields = { ...hostile.fields, nama: names.longApplicant };
  const first = hostile.visits.find((v) => v.submission?.ticked?.length)!;
  first.submission = {
    ...first.submission!,
    attachments: [
      { id: 'a1', name: names.override, type: 'application/pdf', size: 1200 },
      { id: 'a2', name: names.afterOverride, type: 'image/jpeg', size: 3400 },
      { id: 'a3', name: names.longFile, type: 'application/pdf', size: 5600 },
    ],
  };
  return { sop, state: hostile, names };
}
