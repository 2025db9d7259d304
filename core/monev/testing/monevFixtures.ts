/**
 * Small SOPs and hand-timed cases for the monev tests. Times are written in
 * WIB (UTC+7) so the expected working minutes can be counted by hand against
 * TEST_CALENDAR: Mon–Fri 08:00–16:00 without breaks (480 minutes a day), and
 * Thursday 19 March 2026 (Nyepi) a holiday.
 *
 * March 2026: Mon 16, Tue 17, Wed 18, Thu 19 (holiday), Fri 20, Sat 21,
 * Sun 22, Mon 23, Tue 24.
 */
import type { Actor, Edge, SopDocument, Step } from '../../../schemas/generated/sop.types';
import { CaseDriver } from '../../engine/testing/caseDriver';
import type { CommandBy } from '../../engine/types';
import { workingCalendar, type WorkingCalendarConfig } from '../../sla/calendar';

const EIGHT_TO_FOUR = { start: '08:00', end: '16:00' };

export const TEST_CALENDAR: WorkingCalendarConfig = workingCalendar({
  timeZone: 'Asia/Jakarta',
  week: [null, EIGHT_TO_FOUR, EIGHT_TO_FOUR, EIGHT_TO_FOUR, EIGHT_TO_FOUR, EIGHT_TO_FOUR, null],
  holidays: ['2026-03-19'],
});

/** "2026-03-16 09:00" in WIB → ISO instant. */
export function wib(local: string): string {
  return new Date(Date.parse(`${local.replace(' ', 'T')}:00+07:00`)).toISOString();
}

export const wibMs = (local: string): number => Date.parse(wib(local));

const performs = (actor: string) => ({ actor, role: 'performs' as const });

/**
 * 1 terima (loket, 30 menit) → 2 periksa (kasi, decision, 1 jam):
 *   Lengkap → 3 catat (kasi, no Waktu) → 4 survei (kasi, asked, 1 hari kerja)
 *   → 5 balasan (kadis, wait 3 hari) → 6 selesai (loket, 15 menit, selesai);
 *   Belum → back to 1 (a loop);
 *   Ditolak → 7 tolak (loket, 15 menit, ditolak).
 */
export function monevSop(): SopDocument {
  const actors: Actor[] = [
    { id: 'loket', label: 'Petugas Loket', kind: 'role' },
    { id: 'kasi', label: 'Kasi Pelayanan', kind: 'role' },
    { id: 'kadis', label: 'Kepala Dinas', kind: 'role' },
  ];
  const steps: Step[] = [
    { id: 's1', number: '1', kind: 'start', text: 'Menerima berkas', actors: [performs('loket')], waktu: { raw: '30 menit' } },
    { id: 's2', number: '2', kind: 'decision', text: 'Berkas lengkap?', actors: [performs('kasi')], waktu: { raw: '1 jam' } },
    { id: 's3', number: '3', kind: 'process', text: 'Mencatat di register', actors: [performs('kasi')] },
    {
      id: 's4',
      number: '4',
      kind: 'process',
      text: 'Survei lapangan',
      actors: [performs('kasi')],
      condition: { text: 'Jika rumah belum pernah disurvei', asked: true },
      waktu: { raw: '1 hari kerja' },
    },
    { id: 's5', number: '5', kind: 'process', text: 'Menunggu balasan', actors: [performs('kadis')], waktu: { raw: '3 hari', measure: 'wait' } },
    { id: 's6', number: '6', kind: 'end', text: 'Surat diserahkan', actors: [performs('loket')], outcome: 'selesai', waktu: { raw: '15 menit' } },
    { id: 's7', number: '7', kind: 'end', text: 'Surat penolakan', actors: [performs('loket')], outcome: 'ditolak', waktu: { raw: '15 menit' } },
  ];
  const edges: Edge[] = [
    { id: 'e1', from: 's1', to: 's2' },
    { id: 'e-lengkap', from: 's2', to: 's3', label: 'Lengkap' },
    { id: 'e-belum', from: 's2', to: 's1', label: 'Belum' },
    { id: 'e-tolak', from: 's2', to: 's7', label: 'Ditolak' },
    { id: 'e3', from: 's3', to: 's4' },
    { id: 'e4', from: 's4', to: 's5' },
    { id: 'e5', from: 's5', to: 's6' },
  ];
  return {
    schemaVersion: 2,
    id: 'monev-uji',
    identity: { government: 'Pemerintah Kabupaten Contoh', office: 'Dinas Sosial', title: 'SOP Uji Monev', number: '400/UJI/2026' },
    actors,
    flows: [{ id: 'main', lanes: actors.map((a) => a.id), steps, edges }],
    caseFields: [{ id: 'nama', label: 'Nama pemohon', type: 'text', required: true }],
    revision: { number: 3, status: 'published' },
  };
}

const person = (id: string, office: string): CommandBy['person'] => ({ id, name: `Petugas ${id}`, office });
export const GIRI = 'Kecamatan Giri';
export const GLAGAH = 'Kecamatan Glagah';
export const DINSOS = 'Dinas Sosial';
export const loketGiri: CommandBy = { actorId: 'loket', person: person('p-giri', GIRI) };
export const loketGlagah: CommandBy = { actorId: 'loket', person: person('p-glagah', GLAGAH) };
export const kasi: CommandBy = { actorId: 'kasi', person: person('p-kasi', DINSOS) };
export const kadis: CommandBy = { actorId: 'kadis', person: person('p-kadis', DINSOS) };

export function driver(sop: SopDocument, caseId: string): CaseDriver {
  return new CaseDriver(sop, caseId, '2026-03-16T00:00:00.000Z', { calendar: TEST_CALENDAR });
}

/**
 * Case A (Giri): a loop back to 1, a late decision, a step without Waktu,
 * a skipped asked row, a wait across the holiday; finished selesai.
 */
export function caseA(sop = monevSop()): CaseDriver {
  const d = driver(sop, 'case-a');
  d.ok({ type: 'case.start', at: wib('2026-03-16 09:00'), fields: { nama: 'Siti Aminah' }, caseNumber: 'UJI-2026-AAAA-0001', by: loketGiri });
  d.ok({ type: 'step.complete', stepId: 's1', at: wib('2026-03-16 09:20'), by: loketGiri });
  d.ok({ type: 'branch.choose', stepId: 's2', edgeId: 'e-belum', at: wib('2026-03-16 10:50'), by: kasi });
  d.ok({ type: 'step.complete', stepId: 's1', at: wib('2026-03-16 11:00'), by: loketGiri });
  d.ok({ type: 'branch.choose', stepId: 's2', edgeId: 'e-lengkap', at: wib('2026-03-16 11:30'), by: kasi });
  d.ok({ type: 'step.complete', stepId: 's3', at: wib('2026-03-16 15:30'), by: kasi });
  d.ok({ type: 'step.skip', stepId: 's4', at: wib('2026-03-16 15:40'), note: 'Sudah pernah disurvei', by: kasi });
  d.ok({ type: 'step.complete', stepId: 's5', at: wib('2026-03-20 10:00'), by: kadis });
  d.ok({ type: 'step.complete', stepId: 's6', at: wib('2026-03-20 10:10'), by: loketGiri });
  return d;
}

/**
 * Case B (Glagah): back to the applicant across the holiday and the weekend,
 * then sent back from 2 to 1, then cancelled.
 */
export function caseB(sop = monevSop()): CaseDriver {
  const d = driver(sop, 'case-b');
  d.ok({ type: 'case.start', at: wib('2026-03-17 08:00'), fields: { nama: 'Budi' }, caseNumber: 'UJI-2026-AAAA-0002', by: loketGlagah });
  d.ok({ type: 'case.return', stepId: 's1', to: { applicant: true }, reason: 'KK belum dibawa', missing: [], at: wib('2026-03-17 08:10'), by: loketGlagah });
  d.ok({ type: 'case.resume', at: wib('2026-03-23 08:10'), by: loketGlagah });
  d.ok({ type: 'step.complete', stepId: 's1', at: wib('2026-03-23 08:30'), by: loketGlagah });
  d.ok({ type: 'case.return', stepId: 's2', to: { stepId: 's1' }, reason: 'Foto buram', missing: [], at: wib('2026-03-23 09:00'), by: kasi });
  d.ok({ type: 'case.cancel', reason: 'Pemohon mundur', at: wib('2026-03-23 09:30'), by: loketGlagah });
  return d;
}

/** Case C (Glagah), the next week: 1 exactly at its due time, 2 late, rejected. */
export function caseC(sop = monevSop()): CaseDriver {
  const d = driver(sop, 'case-c');
  d.ok({ type: 'case.start', at: wib('2026-03-23 08:00'), fields: { nama: 'Citra' }, caseNumber: 'UJI-2026-AAAA-0003', by: loketGlagah });
  d.ok({ type: 'step.complete', stepId: 's1', at: wib('2026-03-23 08:30'), by: loketGlagah });
  d.ok({ type: 'branch.choose', stepId: 's2', edgeId: 'e-tolak', at: wib('2026-03-23 10:00'), by: kasi });
  d.ok({ type: 'step.complete', stepId: 's7', at: wib('2026-03-23 10:05'), by: loketGlagah });
  return d;
}

/** Case D (Glagah): started Monday 23 at 05:00 WIB, still Sunday 22:00 in UTC; left open. */
export function caseD(sop = monevSop()): CaseDriver {
  const d = driver(sop, 'case-d');
  d.ok({ type: 'case.start', at: wib('2026-03-23 05:00'), fields: { nama: 'Dewi' }, caseNumber: 'UJI-2026-AAAA-0004', by: loketGlagah });
  return d;
}
