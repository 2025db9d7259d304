/**
 * Crafted schema v2 SOP documents for the engine's tests and the runtime's
 * stories: each one shows one v2 case semantic the samples do not have
 * (fan-out with a join, loops into a parallel region, end outcomes, asked
 * conditional rows, sign-off chains inside a lane, Waktu kinds). Every one is
 * valid against the v2 schema (v2Sops.test.ts checks it with the compiled
 * validator). Functions, not constants: a test may change its copy.
 */
import type { Actor, Edge, SopDocument, Step } from '../../../schemas/generated/sop.types';

const performs = (actor: string) => ({ actor, role: 'performs' as const });

function document(id: string, title: string, actors: Actor[], steps: Step[], edges: Edge[], extra: Partial<SopDocument> = {}): SopDocument {
  return {
    schemaVersion: 2,
    id,
    identity: {
      government: 'Pemerintah Kabupaten Contoh',
      office: 'Dinas Sosial',
      title,
      number: `400.9/${id.toUpperCase()}/2026`,
      dates: { pengesahan: { raw: '2 Januari 2026', iso: '2026-01-02', precision: 'day' } },
    },
    actors,
    flows: [{ id: 'main', lanes: actors.map((a) => a.id), steps, edges }],
    revision: { number: 1, status: 'published' },
    ...extra,
  };
}

const APPLICANT_FIELDS: SopDocument['caseFields'] = [
  { id: 'nama', label: 'Nama pemohon', type: 'text', required: true },
  { id: 'nik', label: 'NIK', type: 'nik', required: false },
];

/**
 * A fan-out to four lanes with a join: the front office receives the file and
 * sends it at once to Kecamatan, Dinas Kesehatan, Dispendukcapil and the
 * Puskesmas; the Kabid joins their four results, then decides: complete, or
 * back to the front office for another round of all four (a loop back into the
 * parallel region through its split). Dinas Kesehatan's branch has its own
 * decision that loops back inside the branch (a re-check).
 *
 * `loopTo` moves the Kabid's "Tidak" arrow: to the split (default), or into
 * one branch (Dispendukcapil's step) to redo only that branch.
 */
export function fanOutSop(loopTo: 'split' | 'branch' = 'split'): SopDocument {
  const actors: Actor[] = [
    { id: 'loket', label: 'Petugas Loket', kind: 'role' },
    { id: 'kecamatan', label: 'Kecamatan', kind: 'organisation' },
    { id: 'dinkes', label: 'Dinas Kesehatan', kind: 'organisation' },
    { id: 'dukcapil', label: 'Dispendukcapil', kind: 'organisation' },
    { id: 'puskesmas', label: 'Puskesmas', kind: 'organisation' },
    { id: 'kabid', label: 'Kabid Linjamsos', kind: 'role' },
  ];
  const steps: Step[] = [
    { id: 'terima', number: '1', kind: 'start', text: 'Menerima berkas permohonan dan meneruskannya ke empat instansi sekaligus', actors: [performs('loket')], split: 'parallel', waktu: { raw: '15 menit' } },
    { id: 'kec', number: '2', kind: 'process', text: 'Verifikasi domisili pemohon', actors: [performs('kecamatan')], waktu: { raw: '1 hari kerja' } },
    { id: 'kes', number: '3', kind: 'process', text: 'Pemeriksaan riwayat kesehatan', actors: [performs('dinkes')], waktu: { raw: '2 jam' } },
    { id: 'kes-cek', number: '4', kind: 'decision', text: 'Data kesehatan sesuai?', actors: [performs('dinkes')], waktu: { raw: '30 menit' } },
    { id: 'duk', number: '5', kind: 'process', text: 'Pencocokan NIK dan KK', actors: [performs('dukcapil')], waktu: { raw: '1 jam' } },
    { id: 'pus', number: '6', kind: 'process', text: 'Surat keterangan Puskesmas', actors: [performs('puskesmas')], waktu: { raw: '1 hari kerja' } },
    { id: 'rekap', number: '7', kind: 'process', text: 'Rekapitulasi hasil verifikasi keempat instansi', actors: [performs('kabid')], join: 'all', waktu: { raw: '1 jam' } },
    { id: 'lengkap', number: '8', kind: 'decision', text: 'Hasil verifikasi lengkap?', actors: [performs('kabid')], waktu: { raw: '15 menit' } },
    { id: 'selesai', number: '9', kind: 'end', text: 'Rekomendasi diterbitkan', actors: [performs('loket')], outcome: 'selesai', waktu: { raw: '10 menit' } },
  ];
  const edges: Edge[] = [
    { id: 'e-kec', from: 'terima', to: 'kec' },
    { id: 'e-kes', from: 'terima', to: 'kes' },
    { id: 'e-duk', from: 'terima', to: 'duk' },
    { id: 'e-pus', from: 'terima', to: 'pus' },
    { id: 'e-kec-rekap', from: 'kec', to: 'rekap' },
    { id: 'e-kes-cek', from: 'kes', to: 'kes-cek' },
    { id: 'e-kes-ya', from: 'kes-cek', to: 'rekap', label: 'Ya' },
    { id: 'e-kes-tidak', from: 'kes-cek', to: 'kes', label: 'Tidak' },
    { id: 'e-duk-rekap', from: 'duk', to: 'rekap' },
    { id: 'e-pus-rekap', from: 'pus', to: 'rekap' },
    { id: 'e-rekap', from: 'rekap', to: 'lengkap' },
    { id: 'e-ya', from: 'lengkap', to: 'selesai', label: 'Ya' },
    { id: 'e-tidak', from: 'lengkap', to: loopTo === 'split' ? 'terima' : 'duk', label: 'Tidak' },
  ];
  return document('fan-out-empat', 'Rekomendasi Bantuan Biaya Pengobatan (verifikasi empat instansi)', actors, steps, edges, { caseFields: APPLICANT_FIELDS });
}

/**
 * End outcomes: the Kasi checks eligibility; "Layak" ends as selesai (the
 * certificate is issued), "Tidak Layak" ends as ditolak (a letter tells the
 * applicant why). Before that, a split sends the file to the Kecamatan
 * (whose result is only noted: its path ends at a referral, dirujuk) and to
 * the Kasi; so a rejection reached on one path while the other still runs
 * is testable.
 */
export function outcomesSop(): SopDocument {
  const actors: Actor[] = [
    { id: 'loket', label: 'Petugas Loket', kind: 'role' },
    { id: 'kasi', label: 'Kasi Rehabilitasi Sosial', kind: 'role' },
    { id: 'kecamatan', label: 'Kecamatan', kind: 'organisation' },
  ];
  const steps: Step[] = [
    { id: 'terima', number: '1', kind: 'start', text: 'Menerima permohonan', actors: [performs('loket')], split: 'parallel', waktu: { raw: '10 menit' } },
    { id: 'layak', number: '2', kind: 'decision', text: 'Pemohon layak menerima SKTM?', actors: [performs('kasi')], waktu: { raw: '1 jam' } },
    { id: 'terbit', number: '3', kind: 'end', text: 'SKTM diterbitkan dan diserahkan', actors: [performs('loket')], outcome: 'selesai', waktu: { raw: '15 menit' } },
    { id: 'tolak', number: '4', kind: 'end', text: 'Surat pemberitahuan penolakan disampaikan kepada pemohon', actors: [performs('loket')], outcome: 'ditolak', waktu: { raw: '15 menit' } },
    { id: 'kec', number: '5', kind: 'process', text: 'Mencatat permohonan di register kecamatan', actors: [performs('kecamatan')], waktu: { raw: '1 hari kerja' } },
    { id: 'rujuk', number: '6', kind: 'end', text: 'Pemohon dirujuk ke Puskesmas untuk pemeriksaan lanjutan', actors: [performs('kecamatan')], outcome: 'dirujuk' },
  ];
  const edges: Edge[] = [
    { id: 'e-layak', from: 'terima', to: 'layak' },
    { id: 'e-kec', from: 'terima', to: 'kec' },
    { id: 'e-ya', from: 'layak', to: 'terbit', label: 'Layak' },
    { id: 'e-tidak', from: 'layak', to: 'tolak', label: 'Tidak Layak' },
    { id: 'e-rujuk', from: 'kec', to: 'rujuk' },
  ];
  return document('sktm-hasil', 'Penerbitan SKTM', actors, steps, edges, { caseFields: APPLICANT_FIELDS });
}

/** A flow with no parallel region: one decision, granted or rejected. */
export function rejectionSop(): SopDocument {
  const sop = outcomesSop();
  const flow = sop.flows[0]!;
  flow.steps = flow.steps.filter((s) => s.id !== 'kec' && s.id !== 'rujuk');
  delete flow.steps[0]!.split;
  flow.edges = flow.edges.filter((e) => e.id !== 'e-kec' && e.id !== 'e-rujuk');
  flow.lanes = ['loket', 'kasi'];
  sop.actors = sop.actors.filter((a) => a.id !== 'kecamatan');
  sop.id = 'sktm-tolak';
  return sop;
}

/**
 * An asked conditional row (Lumajang's "jika hanya memerlukan rawat jalan"):
 * the outpatient referral letter applies only to some applicants, so the clerk
 * is asked; a row whose condition only names the branch leading to it
 * (`asked: false`) is never asked.
 */
export function askedSop(): SopDocument {
  const actors: Actor[] = [
    { id: 'loket', label: 'Petugas Loket', kind: 'role' },
    { id: 'kasi', label: 'Kasi Perlindungan Sosial', kind: 'role' },
  ];
  const steps: Step[] = [
    { id: 'terima', number: '1', kind: 'start', text: 'Menerima berkas permohonan keringanan biaya', actors: [performs('loket')], waktu: { raw: '10 menit' } },
    {
      id: 'rawat-jalan',
      number: '2',
      kind: 'process',
      text: 'Membuat surat pengantar rawat jalan ke Puskesmas',
      actors: [performs('kasi')],
      condition: { text: 'Jika pemohon hanya memerlukan rawat jalan', asked: true },
      requirements: [{ id: 'rj-r1', text: 'Surat rujukan dokter', mustCheck: true }],
      waktu: { raw: '30 menit' },
    },
    { id: 'rekom', number: '3', kind: 'process', text: 'Menerbitkan rekomendasi keringanan biaya', actors: [performs('kasi')], condition: { text: 'Berkas lengkap', asked: false }, waktu: { raw: '1 jam' } },
    { id: 'selesai', number: '4', kind: 'end', text: 'Rekomendasi diserahkan', actors: [performs('loket')], outcome: 'selesai' },
  ];
  const edges: Edge[] = [
    { id: 'e1', from: 'terima', to: 'rawat-jalan' },
    { id: 'e2', from: 'rawat-jalan', to: 'rekom' },
    { id: 'e3', from: 'rekom', to: 'selesai' },
  ];
  return document('rawat-jalan', 'Rekomendasi Keringanan Biaya Rumah Sakit', actors, steps, edges, { caseFields: APPLICANT_FIELDS });
}

/**
 * A sign-off chain inside one lane's organisation: the Dinas Sosial drafts the
 * letter; the Kasi and the Kabid initial it, the Sekretaris Dinas initials it,
 * and the Kepala Dinas signs it, in that order.
 */
export function signOffSop(): SopDocument {
  const actors: Actor[] = [
    { id: 'loket', label: 'Petugas Loket', kind: 'role' },
    { id: 'dinsos', label: 'Dinas Sosial', kind: 'organisation' },
  ];
  const steps: Step[] = [
    { id: 'terima', number: '1', kind: 'start', text: 'Menerima permohonan rekomendasi', actors: [performs('loket')], waktu: { raw: '10 menit' } },
    {
      id: 'surat',
      number: '2',
      kind: 'process',
      text: 'Menyusun surat rekomendasi, diparaf berjenjang lalu ditandatangani Kepala Dinas',
      actors: [performs('dinsos')],
      signOffs: [
        { position: 'Kasi Rehabilitasi Sosial', action: 'paraf' },
        { position: 'Kabid Rehabilitasi Sosial', action: 'paraf' },
        { position: 'Sekretaris Dinas', action: 'paraf' },
        { position: 'Kepala Dinas', action: 'tandaTangan' },
      ],
      output: 'Surat rekomendasi',
      waktu: { raw: '1 hari kerja' },
    },
    { id: 'selesai', number: '3', kind: 'end', text: 'Surat rekomendasi diserahkan kepada pemohon', actors: [performs('loket')], outcome: 'selesai' },
  ];
  const edges: Edge[] = [
    { id: 'e1', from: 'terima', to: 'surat' },
    { id: 'e2', from: 'surat', to: 'selesai' },
  ];
  return document('paraf-berjenjang', 'Rekomendasi Pengangkatan Anak', actors, steps, edges, { caseFields: APPLICANT_FIELDS });
}

/**
 * Waktu kinds: the front office works 30 minutes; the Kasi must answer within
 * 24 hours (a turnaround limit); then the case waits 14 days for the
 * ministry's reply (a wait, not the office's time); "1 semester" is how long the
 * assistance runs (a wait too, as a measure of the calendar).
 */
export function waktuKindsSop(): SopDocument {
  const actors: Actor[] = [
    { id: 'loket', label: 'Petugas Loket', kind: 'role' },
    { id: 'kasi', label: 'Kasi Perlindungan Sosial', kind: 'role' },
    { id: 'kemensos', label: 'Kementerian Sosial', kind: 'organisation' },
  ];
  const steps: Step[] = [
    { id: 'terima', number: '1', kind: 'start', text: 'Menerima usulan', actors: [performs('loket')], waktu: { raw: '30 menit', measure: 'work' } },
    { id: 'telaah', number: '2', kind: 'process', text: 'Menelaah usulan, paling lambat 24 jam', actors: [performs('kasi')], waktu: { raw: '24 jam', measure: 'limit' } },
    { id: 'balasan', number: '3', kind: 'process', text: 'Menunggu balasan Kementerian Sosial', actors: [performs('kemensos')], waktu: { raw: '14 hari', measure: 'wait' } },
    { id: 'catat', number: '4', kind: 'process', text: 'Mencatat hasil penetapan', actors: [performs('loket')], waktu: { raw: '15 menit' } },
    { id: 'selesai', number: '5', kind: 'end', text: 'Pemberitahuan hasil penetapan', actors: [performs('loket')], outcome: 'selesai' },
  ];
  const edges: Edge[] = [
    { id: 'e1', from: 'terima', to: 'telaah' },
    { id: 'e2', from: 'telaah', to: 'balasan' },
    { id: 'e3', from: 'balasan', to: 'catat' },
    { id: 'e4', from: 'catat', to: 'selesai' },
  ];
  return document('waktu-jenis', 'Usulan Penetapan Penerima Bantuan', actors, steps, edges, { caseFields: APPLICANT_FIELDS });
}

/**
 * Nested regions: the front office splits to the Kecamatan and to the Dinas;
 * inside the Dinas branch, a second split sends the file to the Kasi and the
 * Kabid, whose results join first (the inner join); then both branches join
 * at the Kepala Dinas (the outer join).
 */
export function nestedSop(): SopDocument {
  const actors: Actor[] = [
    { id: 'loket', label: 'Petugas Loket', kind: 'role' },
    { id: 'kecamatan', label: 'Kecamatan', kind: 'organisation' },
    { id: 'kasi', label: 'Kasi', kind: 'role' },
    { id: 'kabid', label: 'Kabid', kind: 'role' },
    { id: 'kadis', label: 'Kepala Dinas', kind: 'role' },
  ];
  const steps: Step[] = [
    { id: 'terima', number: '1', kind: 'start', text: 'Menerima berkas', actors: [performs('loket')], split: 'parallel' },
    { id: 'kec', number: '2', kind: 'process', text: 'Verifikasi kecamatan', actors: [performs('kecamatan')] },
    { id: 'bagi', number: '3', kind: 'process', text: 'Membagi telaah di Dinas', actors: [performs('loket')], split: 'parallel' },
    { id: 'kasi', number: '4', kind: 'process', text: 'Telaah teknis', actors: [performs('kasi')] },
    { id: 'kabid', number: '5', kind: 'process', text: 'Telaah kebijakan', actors: [performs('kabid')] },
    { id: 'dinas', number: '6', kind: 'process', text: 'Menyatukan telaah Dinas', actors: [performs('kabid')], join: 'all' },
    { id: 'kadis', number: '7', kind: 'process', text: 'Keputusan Kepala Dinas', actors: [performs('kadis')], join: 'all' },
    { id: 'selesai', number: '8', kind: 'end', text: 'Selesai', actors: [performs('loket')], outcome: 'selesai' },
  ];
  const edges: Edge[] = [
    { id: 'e1', from: 'terima', to: 'kec' },
    { id: 'e2', from: 'terima', to: 'bagi' },
    { id: 'e3', from: 'bagi', to: 'kasi' },
    { id: 'e4', from: 'bagi', to: 'kabid' },
    { id: 'e5', from: 'kasi', to: 'dinas' },
    { id: 'e6', from: 'kabid', to: 'dinas' },
    { id: 'e7', from: 'dinas', to: 'kadis' },
    { id: 'e8', from: 'kec', to: 'kadis' },
    { id: 'e9', from: 'kadis', to: 'selesai' },
  ];
  return document('bersarang', 'Telaah Bersarang', actors, steps, edges);
}

/** Every crafted document, by name, for the schema check. */
export function allV2Sops(): Record<string, SopDocument> {
  return {
    fanOut: fanOutSop(),
    fanOutBranchLoop: fanOutSop('branch'),
    outcomes: outcomesSop(),
    rejection: rejectionSop(),
    asked: askedSop(),
    signOff: signOffSop(),
    waktuKinds: waktuKindsSop(),
    nested: nestedSop(),
  };
}
