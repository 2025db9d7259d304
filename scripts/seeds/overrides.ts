/**
 * Per-seed decisions of the converter: where the transcription leaves a
 * question open (`to: null`, `uncertain`, a remark in parentheses) or where
 * our schema needs more than it says (roles of several actors in one step,
 * external actors, case fields). Every entry says why; the converter copies
 * the reason into the sample's notes.
 */
import type { CaseField } from '../../schemas/generated/sop.types';
import type { ExternalActorSpec, Fix, SeedOverride, StepOverride } from './overrideTypes';

// ------------------------------------------------------------------ helpers

/** The applicant fields every citizen-facing SOP needs at run time (our addition: paper SOPs have none). */
function applicant(options: { nikRequired?: boolean; namaLabel?: string; nikHelp?: string } = {}): CaseField[] {
  const nik: CaseField = { id: 'nik', label: 'NIK pemohon', type: 'nik', required: options.nikRequired ?? true };
  if (options.nikHelp) nik.help = options.nikHelp;
  return [
    { id: 'nama', label: options.namaLabel ?? 'Nama pemohon', type: 'text', required: true },
    nik,
    { id: 'alamat', label: 'Alamat', type: 'longText', required: false },
    { id: 'telepon', label: 'Nomor telepon', type: 'phone', required: false },
  ];
}

/** A scan of a document the applicant brings, collected at step 1 (optional: the clerk checks the paper). */
function berkas(id: string, label: string, help?: string): CaseField {
  return { id: `berkas-${id}`, label, type: 'file', required: false, step: 's1', ...(help ? { help } : {}) };
}

const pemohon: ExternalActorSpec = {
  id: 'pemohon',
  label: 'Pemohon',
  kind: 'citizen',
  matches: ['Pemohon'],
  note: 'The applicant acts in the table (brings the documents) but has no lane of its own.',
};

const ROLES = (...labels: string[]): Record<string, 'role'> => Object.fromEntries(labels.map((l) => [l, 'role' as const]));

const PENGELOLA_KINDS = ROLES('Pengelola', 'Kasi', 'Kabid', 'Sekdin', 'Kadin');

const OKU_KINDS = { 'Dinas Sosial': 'organisation', 'Front Office': 'role', 'Petugas survei': 'role' } as const;

const OKU_GOVERNMENT: Fix = {
  value: 'Pemerintah Kabupaten OKU Selatan',
  why: 'The letterhead reads "PEMERINTAH KABUPATEN OKU SELATAN"; the expansion of OKU in parentheses is the transcriber\'s.',
};

const APPLICANT_FIRST = 'The applicant (no lane) hands in the request and the documents; the clerk receives them.';

/** "Tidak" of a completeness check whose arrow was lost. */
const RESUBMIT =
  'The text says only that nothing is issued while the documents are incomplete. The applicant completes them and is received again at step 1; this keeps the negative branch inside the table and every step on a path to the end.';

const PARAF_CHAIN: StepOverride = {
  actors: [
    ['kasi', 'approves'],
    ['kabid', 'approves'],
    ['sekdin', 'approves'],
  ],
  actorsWhy: 'Paraf hierarki: Kasi, Kabid and Sekretaris Dinas initial the letter in turn (approves).',
};

const KADIN_OR_SEKDIN_SIGNS: StepOverride = {
  actors: [
    ['kadin', 'signs'],
    ['sekdin', 'signs', 'alternative'],
  ],
  actorsWhy:
    'Either/or: "Kepala / Sekretaris Dinas Sosial" signs; the Sekretaris (Sekdin lane) is the alternative signer. The transcription lists only the Kadin lane.',
};

const KADIN_SIGNS: StepOverride = { actors: [['kadin', 'signs']], actorsWhy: 'The Kepala Dinas signs (ditandatangani) after the paraf.' };

// -------------------------------------------------------------------- seeds

const bwi: SeedOverride = {
  actorKinds: {
    'MASYARAKAT/ PEMOHON': 'citizen',
    'DESA/KELURAHAN': 'organisation',
    'DINAS KESEHATAN': 'organisation',
    KECAMATAN: 'organisation',
    'DINAS SOSIAL': 'organisation',
  },
  flowTitle: {
    value: 'STANDAR OPERASIONAL PROSEDUR PENERTIBAN SURAT PERNYATAAN MISKIN (SPM) ON LINE',
    why: 'The heading printed above the table (with the source\'s typo "PENERTIBAN"); the transcription records it only as a title variant.',
  },
  steps: {
    2: {
      text: {
        value:
          '- Petugas / operator di Desa / Kelurahan memverifikasi data pemohon pada data base Kartu Indonesia Sehat KIS dan SIAK\n- Petugas / operator di Desa / Kelurahan selanjutnya meng Upload data/Rujukan pasien ke System',
        why: 'The source cell is a two-item list (<li>- …</li>); the transcription joins the items with "; ".',
      },
    },
    3: {
      text: {
        value:
          '- Petugas dari Dinas Kesehatan melakukan Verifikasi Rujukan yang telah di upload oleh Desa/Kelurahan termasuk Verifikasi data keanggotaan pemohon pada data base Data Kartu Indonesia Sehat (KIS)\n- Apabila telah memenuhi persyaratan ataupun tidak memenuhi persyaratan maka pihak Dinas Kesehatan segera memberikan mengkonfirmasi atas rujukan tersebut melalui System',
        why: 'The source cell is a two-item list (<li>- …</li>); the transcription joins the items with "; ".',
      },
    },
    4: {
      remarks:
        '1. Kartu Keluarga (KK) asli beserta photo kopinya\n2. Kartu Tanda Penduduk (KTP)\n3. Photo kopi KTP pemilik rumah, jika numpang/sewa',
      note: 'The list is kept twice: as remarks (printed in Keterangan) and as requirements (ticked by the clerk).',
    },
    6: {
      text: {
        value:
          '- Apabila telah memenuhi persyaratan maka pihak Kecamatan segera menyediakan format SKM dari Desa / Kelurahan untuk diajukan penandatanganan pada Camat.\n- Apabila tidak memenuhi syarat, pihak Kecamatan segera mengkonfirmasi kekurangannya agar pihak Desa/Kelurahan mencukupinya.',
        why: 'The source cell is a two-item list (<li>- …</li>); the transcription joins the items.',
      },
    },
    7: {
      remarks:
        '1. Rujukan puskesmas/ surat keterangan opname\n2. Surat pernyataan miskin bermaterai\n3. Surat keterangan miskin (SKM)\n4. Fotokopi KTP mengetahui Kades/Lurah\n5. Fotokopi Kartu Keluarga mengetahui Kades/Lurah\n6. Foto Rumah tampak depan, samping, dalam beserta dapur dan kamar mandi (menyertakan titik koordinat lokasi dan waktu pengambilan gambar)',
      note: 'The list is kept twice: as remarks (printed in Keterangan) and as requirements (ticked by the clerk).',
    },
    8: { condition: 'Apabila pengajuan Surat Pernyataan Miskin (SPM) disetujui dan sudah di upload oleh Dinas Sosial' },
    9: {
      actors: [
        ['desa-kelurahan', 'performs'],
        ['masyarakat-pemohon', 'receives'],
      ],
      actorsWhy: 'Hand-off: the Desa/Kelurahan hands the print-out to the applicant (receives).',
    },
    10: {
      actors: [
        ['desa-kelurahan', 'performs'],
        ['dinas-sosial', 'receives'],
      ],
      actorsWhy: 'Hand-off: the Desa/Kelurahan sends the original file to the Dinas Sosial (receives).',
      remarks:
        '- 1 set berkas asli di kirim ke Dinas Sosial\n- 1 set berkas photokopi dikirim ke Dinas Sosial\n- 1 set berkas photokopi sebagai arsip Desa/Kelurahan\n- 2 set berkas photokopi diserahkan pada pemohon.',
      transcriptionNote:
        "The last Keterangan bullet is in a separate continuation row. The text carries a deadline ('paling lambat 6 (enam) hari kerja') that differs from the effort time (60 Menit).",
    },
  },
  caseFields: [
    ...applicant(),
    berkas('ktp', 'KTP'),
    berkas('kk', 'KK asli beserta photo kopinya'),
    berkas('rujukan-puskesmas', 'Rujukan dari Puskesmas'),
  ],
};

const blt: SeedOverride = {
  actorKinds: ROLES('Petugas/ Staf', 'Pekerja Sosial Ahli Muda', 'Kabid', 'Kadin'),
  externalActors: [pemohon],
  steps: {
    1: {
      actors: [
        ['pemohon', 'performs'],
        ['petugas-staf', 'performs'],
      ],
      actorsWhy: APPLICANT_FIRST,
    },
    5: {
      actors: [
        ['pekerja-sosial-ahli-muda', 'approves'],
        ['kabid', 'approves'],
        ['kadin', 'signs'],
      ],
      actorsWhy: 'Sign-off chain "secara berjenjang (paraf s.d tandatangan Kepala Dinas)": paraf by the Pekerja Sosial and the Kabid (approves), signature by the Kadin (signs).',
    },
    6: {
      actors: [
        ['petugas-staf', 'performs'],
        ['pemohon', 'receives'],
      ],
      actorsWhy: 'Hand-off: the signed letter is handed to the applicant (receives).',
    },
  },
  branches: { '2:TIDAK': { toSeq: 1, why: RESUBMIT } },
  docNotes: [
    'Pemohon diberikan informasi bahwa :\n- Surat Keterangan (Rekomendasi) baik terdaftar pada DTKS/ tidak terdaftar yang diberikan kepada Pemohon digunakan sebagai kelengkapan pengurusan untuk mendapatkan bantuan melalui program KIP yang merupakan kewenangan Dinas Pendidikan\n- Dinas Sosial hanya mengusulkan ke DTKS (bagi yang tidak terdaftar) dan untuk penetapannya (disetujui atau tidaknya) merupakan keputusan dari Pusdatin Kemensos',
  ],
  caseFields: [
    ...applicant(),
    berkas('sktm', 'SKTM dari Kelurahan'),
    berkas('kk', 'Fotokopi KK'),
    berkas('ktp-kia', 'Fotokopi KTP/KIA'),
  ],
  notes: ['The "Catatan" after the table is the document\'s notes (one item with its two bullets).'],
};

const kra: SeedOverride = {
  labels: { tanggalRevisi: 'Tanggal Reviisi' },
  actorKinds: {
    'PMK Desa/ Kel': 'organisation',
    'Staf/ Operator KAB': 'role',
    Kasi: 'role',
    Kabid: 'role',
    Sekdin: 'role',
    Kadis: 'role',
  },
  actorNotes: { 'PMK Desa/ Kel': 'The PMK officer of the Desa/Kelurahan: the lane stands for the village office.' },
  externalActors: [
    {
      id: 'masyarakat',
      label: 'Masyarakat',
      kind: 'citizen',
      matches: ['Masyarakat (pemohon)'],
      note: 'The applicant ("Masyarakat mengajukan Permohonan") has no lane.',
    },
  ],
  signature: {
    place: 'Karanganyar',
    date: 'Januari 2023',
    position: 'KEPALA DINAS SOSIAL KABUPATEN KARANGANYAR,',
    name: 'Drs. SUGENG RAHARTO,M.Si.',
    rank: 'Pembina Utama Muda',
    nip: '19650925 198603 1 015',
    why: 'The day is left blank for handwriting, so the date is "Januari 2023" (month precision).',
  },
  steps: {
    1: {
      actors: [
        ['masyarakat', 'performs'],
        ['pmk-desa-kel', 'performs'],
      ],
      actorsWhy: 'The applicant (no lane) applies through the PMK officer, who enters the application in SIKS-NG.',
    },
    6: {
      actors: [['kadis', 'signs']],
      actorsWhy: 'The Kepala Dinas corrects and signs (Menandatangani) the Surat Permohonan.',
    },
  },
  caseFields: [...applicant(), berkas('fc-kk', 'FC KK'), berkas('fc-ktp', 'FC KTP'), berkas('fc-akte', 'FC Akte')],
};

/** lmj-01 and lmj-02 share the same table (template reuse). */
function lmjRecommendationToProvince(): Pick<SeedOverride, 'actorKinds' | 'steps' | 'caseFields'> {
  return {
    actorKinds: { Pemohon: 'citizen', ...ROLES('Staf', 'Kasi', 'Kabid', 'Ka. Dinas'), 'P2T Prov Jatim': 'organisation' },
    steps: {
      6: {
        actors: [
          ['kasi', 'performs'],
          ['p2t-prov-jatim', 'receives'],
        ],
        actorsWhy: 'Hand-off: the file is sent to the province (P2T Prov Jatim receives it and follows up outside this SOP).',
      },
    },
    caseFields: [
      ...applicant({ namaLabel: 'Nama pemohon / lembaga', nikRequired: false, nikHelp: 'NIK penanggung jawab, bila pemohon perorangan' }),
      berkas('proposal', 'Proposal'),
    ],
  };
}

const lmj01: SeedOverride = { ...lmjRecommendationToProvince() };

const lmj02: SeedOverride = {
  ...lmjRecommendationToProvince(),
  dates: {
    efektif: {
      value: '21 September 2020',
      why: 'OCR noise over a date the transcriber reads as 21 September 2020, the same as Tgl. Revisi on the line above; certain.',
    },
  },
};

const lmj04: SeedOverride = {
  actorKinds: { ...ROLES('STAF/ PEKSOS / TKSK', 'KASI', 'KABID', 'KADIS'), UPT: 'organisation' },
  steps: {
    11: {
      actors: [
        ['staf-peksos-tksk', 'performs'],
        ['upt', 'receives'],
      ],
      actorsWhy: 'Hand-off: the beneficiary is handed over to the panti (UPT receives).',
    },
    15: {
      actors: [
        ['upt', 'performs'],
        ['staf-peksos-tksk', 'receives'],
      ],
      actorsWhy: 'Hand-off: the panti hands the beneficiary back to the Dinas Sosial (staff receive).',
    },
  },
  notes: ['Square brackets in step texts ("[Koordinasi]") mark words the transcriber reconstructed from illegible OCR; they are kept.'],
};

const lmj05: SeedOverride = {
  actorKinds: { TKSK: 'role', 'Kantor Kecamatan': 'organisation', 'Kabid Bansos Rehsos': 'role' },
  dates: {
    efektif: {
      value: '21\\“‘?6@ e@?@\\{ :',
      why: 'The OCR text is kept: the transcriber could not read it ("21 ..."; a nearby line reads \'1" September.2020\'), so no date is guessed.',
    },
  },
};

const lmj06: SeedOverride = {
  actorKinds: { 'Kabid Bansos': 'role', 'UPT Dinas Sosial': 'organisation' },
  steps: {
    4: {
      actors: [
        ['kabid-bansos', 'performs'],
        ['upt-dinas-sosial', 'receives'],
      ],
      actorsWhy: 'Hand-off: the client is sent to the UPT (receives).',
      condition: 'jika mereka bersedia diasramakan',
    },
  },
};

/** The five Lumajang "Pengelola … Kadin" recommendation SOPs share their first two rows. */
const PENGELOLA_RECEIVES_APPLICANT: StepOverride = {
  actors: [
    ['pemohon', 'performs'],
    ['pengelola', 'performs'],
  ],
  actorsWhy: APPLICANT_FIRST,
};

const lmj07: SeedOverride = {
  actorKinds: PENGELOLA_KINDS,
  externalActors: [pemohon],
  steps: { 1: PENGELOLA_RECEIVES_APPLICANT, 6: PARAF_CHAIN, 7: KADIN_OR_SEKDIN_SIGNS },
  branches: { '2:Tidak': { toSeq: 1, why: RESUBMIT } },
  caseFields: [
    ...applicant(),
    berkas('sktm', 'SKTM dari Desa (ditandatangani Camat)'),
    berkas('kk', 'Fotokopi KK'),
    berkas('ktp', 'Fotokopi KTP'),
  ],
};

const lmj08: SeedOverride = {
  actorKinds: ROLES('staf', 'Kasi', 'Kabid', 'Ka. Dinsos', 'sekda', 'Bupati'),
  actorNotes: { sekda: 'The Sekretaris Daerah as a person (role).', Bupati: 'The Bupati as a person (role).' },
  steps: {
    3: {
      actors: [
        ['kabid', 'performs'],
        ['kasi', 'performs'],
        ['ka-dinsos', 'signs'],
        ['sekda', 'receives'],
      ],
      actorsWhy: 'The Kabid hands the cross-check to the Kasi, who drafts the recommendation; the Kepala Dinas signs it; it is addressed to the Sekda (receives).',
    },
    4: { actors: [['bupati', 'signs']], actorsWhy: 'The recommendation becomes the basis of an SK Bupati (the Bupati signs it).' },
  },
};

const lmj09: SeedOverride = {
  actorKinds: {},
  incompleteReason:
    'The source holds only the index title and the heading "SOP MEKANISME PELAKSANAAN PKH"; the identity page, the header blocks and the flowchart are missing (probably an image that was never OCR\'d).',
};

const lmj10: SeedOverride = {
  actorKinds: {
    'Petugas admin kecamatan': 'organisation',
    'Petugas Admin dinas sosial': 'role',
    'Bidang Linjamsos': 'role',
    'Bendahara PPKD': 'organisation',
  },
  actorNotes: {
    'Petugas admin kecamatan': 'The Kecamatan\'s admin officer: the lane stands for the Kecamatan office.',
    'Bidang Linjamsos': 'An internal division of the Dinas Sosial.',
    'Bendahara PPKD': 'The treasurer of the BPKD (selaku PPKD): the lane stands for that body.',
  },
  externalActors: [
    {
      id: 'ahli-waris',
      label: 'ahli waris',
      kind: 'citizen',
      matches: ['ahli waris'],
      note: 'The heirs hand in the file at the Kecamatan and receive the money; they have no lane.',
    },
  ],
  dates: {
    efektif: {
      value: '27 Pebruari 2020',
      why: "The OCR reads ',27 Pebruai 2020'; the stray comma and the dropped 'r' are OCR noise (the transcriber reads 27 Pebruari 2020); certain.",
    },
  },
  steps: {
    1: {
      actors: [
        ['ahli-waris', 'performs'],
        ['petugas-admin-kecamatan', 'performs'],
        ['petugas-admin-dinas-sosial', 'performs'],
      ],
      actorsWhy: 'The heirs (no lane) hand in the file; the Kecamatan registers and sends the recap; the Dinas Sosial officer merges the recaps.',
    },
    6: {
      actors: [
        ['petugas-admin-kecamatan', 'performs'],
        ['ahli-waris', 'receives'],
      ],
      actorsWhy: 'Hand-off: the Kecamatan pays the santunan to the heirs (receive).',
    },
  },
};

const lmj14: SeedOverride = {
  actorKinds: ROLES('STAF/ PEKSOS', 'KASI', 'KABID', 'KADIS'),
  externalActors: [
    {
      id: 'petugas-desa-kelurahan',
      label: 'Petugas Desa/Kelurahan',
      kind: 'organisation',
      matches: ['Petugas Desa/Kelurahan'],
      note: 'The village officer who writes the request; the actor stands for the Desa/Kelurahan, which has no lane.',
    },
  ],
  steps: {
    1: {
      actors: [
        ['petugas-desa-kelurahan', 'performs'],
        ['staf-peksos', 'receives'],
      ],
      actorsWhy: 'The Desa/Kelurahan (no lane) writes the request; the Dinas Sosial staff receive it (the transcription puts the row in the STAF/ PEKSOS lane).',
    },
    4: { actors: [['kabid', 'approves']], actorsWhy: 'The Kabid reviews and initials (memparaf) the approval.' },
    5: { actors: [['kadis', 'signs']], actorsWhy: 'The Kepala Dinas signs (menandatangan) the approval.' },
  },
  notes: ['Square brackets ("[Rekomendasi]", "19960[3]") mark characters the transcriber restored; they are kept.'],
};

const lmj15: SeedOverride = {
  actorKinds: PENGELOLA_KINDS,
  externalActors: [
    pemohon,
    {
      id: 'bpjs',
      label: 'BPJS Kab/Kota',
      kind: 'organisation',
      matches: ['BPJS Kab/Kota', 'BPJS'],
      note: 'Step 10 names it "BPJS"; the same body as "BPJS Kab/Kota" in steps 7 and 9.',
    },
    { id: 'tksk', label: 'TKSK', kind: 'role', matches: ['TKSK'] },
  ],
  steps: {
    1: PENGELOLA_RECEIVES_APPLICANT,
    5: PARAF_CHAIN,
    6: KADIN_OR_SEKDIN_SIGNS,
    7: {
      actors: [
        ['pengelola', 'performs'],
        ['bpjs', 'receives'],
      ],
      actorsWhy: 'Hand-off: the letter goes to BPJS Kab/Kota (receives).',
    },
    9: {
      actors: [
        ['kasi', 'performs'],
        ['kabid', 'performs'],
        ['bpjs', 'performs'],
      ],
      actorsWhy: 'Joint work: "Kasi dan/ Kabid" reconcile together with BPJS Kab/Kota.',
    },
    10: {
      actors: [
        ['bpjs', 'performs'],
        ['tksk', 'performs'],
      ],
      actorsWhy: 'The outcome happens outside the lanes: BPJS accepts the request and the TKSK passes on the card\'s deactivation.',
    },
  },
  branches: { '2:Tidak': { toSeq: 1, why: RESUBMIT } },
  docNotes: [
    'Pemohon tidak diberikan tanda terima utk pengurusan penonaktifan / pencabutan KIS PBID.',
    'Tanda tangan formulir pencabutan KIS PBID yang menyatakan bahwa keluar dari tanggungan kesehatan daerah',
    'Misal pindah daerah, menjadi TKI/TKW, mampu membayar sendiri biaya kesehatannya, menjadi CPNSD.',
  ],
  caseFields: [
    ...applicant(),
    berkas('kartu-kis', 'Asli Kartu KIS PBID'),
    berkas('kk', 'Fotokopi KK'),
    berkas('ktp', 'Fotokopi KTP'),
    berkas('surat-pernyataan', 'Surat pernyataan penonaktifan / pencabutan kartu KIS PBID'),
  ],
  notes: ['The three lines after the table (after a stray "9") are the document\'s notes (Catatan).'],
};

const lmj16: SeedOverride = {
  actorKinds: PENGELOLA_KINDS,
  externalActors: [pemohon],
  steps: {
    1: PENGELOLA_RECEIVES_APPLICANT,
    6: PARAF_CHAIN,
    7: KADIN_SIGNS,
    9: {
      actors: [
        ['pengelola', 'performs'],
        ['pemohon', 'receives'],
      ],
      actorsWhy: 'Hand-off: the original and the remaining copy are handed to the applicant (receives).',
    },
  },
  branches: { '2:tidak': { toSeq: 1, why: RESUBMIT } },
  docNotes: ['Surat pernyataan miskin untuk mengurus KIP, pengajuan beasiswa,'],
  caseFields: [
    ...applicant(),
    berkas('sktm', 'SKTM dari Desa (ditandatangani Camat)'),
    berkas('kk', 'Fotokopi KK'),
    berkas('ktp', 'Fotokopi KTP'),
  ],
  notes: ['The line after the table is the document\'s note (Catatan); it is truncated in the source and kept so.'],
};

const lmj17: SeedOverride = {
  actorKinds: ROLES('STAF/ PEKSOS / TKSK', 'KASI', 'KABID', 'KADIS'),
  externalActors: [
    {
      id: 'petugas-desa-kelurahan',
      label: 'Petugas Desa/Kelurahan',
      kind: 'organisation',
      matches: ['Petugas Desa/Kelurahan'],
      note: 'The village officer who writes the request; the actor stands for the Desa/Kelurahan, which has no lane.',
    },
    { id: 'pelapor', label: 'pelapor', kind: 'citizen', matches: ['pelapor'], note: 'Whoever reports the stranded person.' },
  ],
  steps: {
    1: {
      actors: [
        ['petugas-desa-kelurahan', 'performs'],
        ['pelapor', 'performs', 'alternative'],
        ['staf-peksos-tksk', 'receives'],
      ],
      actorsWhy:
        '"Petugas Desa/Kelurahan/pelapor/TKSK" writes the request: the Desa/Kelurahan or, instead, a reporter (alternative); a TKSK, whose lane is STAF/ PEKSOS / TKSK, may also be the requester. The Dinas Sosial staff receive it.',
    },
    4: { actors: [['kabid', 'approves']], actorsWhy: 'The Kabid reviews and initials (diparaf) the draft.' },
    5: { actors: [['kadis', 'signs']], actorsWhy: 'The Kepala Dinas signs (menandatangani).' },
  },
};

const lmj18: SeedOverride = {
  actorKinds: PENGELOLA_KINDS,
  externalActors: [
    pemohon,
    {
      id: 'bpjs',
      label: 'BPJS Kab/Kota',
      kind: 'organisation',
      matches: ['BPJS Kab/Kota', 'BPJS'],
      note: 'Steps 4 and 11 name it "BPJS"; the same body as "BPJS Kab/Kota" in steps 8 and 10.',
    },
    { id: 'tksk', label: 'TKSK', kind: 'role', matches: ['TKSK'] },
  ],
  steps: {
    1: PENGELOLA_RECEIVES_APPLICANT,
    6: PARAF_CHAIN,
    7: KADIN_OR_SEKDIN_SIGNS,
    8: {
      actors: [
        ['pengelola', 'performs'],
        ['bpjs', 'receives'],
      ],
      actorsWhy: 'Hand-off: the letter goes to BPJS Kab/Kota (receives).',
    },
    10: {
      actors: [
        ['kasi', 'performs'],
        ['kabid', 'performs'],
        ['bpjs', 'performs'],
      ],
      actorsWhy: 'Joint work: "Kasi dan/ Kabid" reconcile together with BPJS Kab/Kota.',
    },
    11: {
      actors: [
        ['bpjs', 'performs'],
        ['tksk', 'performs'],
      ],
      actorsWhy: 'The outcome happens outside the lanes: BPJS accepts the request and issues the card; the TKSK distributes it.',
    },
  },
  branches: { '2:Tidak': { toSeq: 1, why: RESUBMIT } },
  docNotes: [
    'Pengajuan KIS PBID hanya dikoordinir saja tanpa ada tanda terima ke pemohon.',
    'Pengajuan ke BPJS dilakukan secara kolektif sebulan sekali oleh Dinsos.',
    'Pemohon diberikan informasi bahwa Dinsos hanya mengusulkan saja dan keputusan disetujui atau tidak ada pada pihak BPJS.',
  ],
  caseFields: [
    ...applicant(),
    berkas('sktm', 'SKTM dari Desa (ditandatangani Camat)'),
    berkas('kk', 'Fotokopi KK'),
    berkas('ktp', 'Fotokopi KTP'),
  ],
  notes: [
    'Catatan: the source numbers its items 1), 2), 4) (a line wrap created a "3)"); the sample keeps the three items, in order, without their numbers (notes are an ordered list).',
  ],
};

const lmj19: SeedOverride = {
  actorKinds: PENGELOLA_KINDS,
  externalActors: [pemohon],
  steps: { 1: PENGELOLA_RECEIVES_APPLICANT, 6: PARAF_CHAIN, 7: KADIN_SIGNS },
  branches: { '2:Tidak': { toSeq: 1, why: RESUBMIT } },
  caseFields: [...applicant(), berkas('dokumen-persyaratan', 'Dokumen persyaratan Surat Rekomendasi Terlantar')],
};

// ---------------------------------------------------------------- OKU Selatan

const OKU_APPLICANT_STEP: StepOverride = {
  actors: [['pemohon', 'performs']],
  actorsWhy: 'The applicant comes with the documents; the transcription gives the row no lane, so the applicant is an external actor.',
};

function oku(extra: Omit<SeedOverride, 'actorKinds' | 'identity'> & { actorKinds?: SeedOverride['actorKinds']; identity?: SeedOverride['identity'] }): SeedOverride {
  return {
    ...extra,
    identity: { government: OKU_GOVERNMENT, ...(extra.identity ?? {}) },
    actorKinds: extra.actorKinds ?? OKU_KINDS,
  };
}

const okuSktm = (): Pick<SeedOverride, 'externalActors' | 'steps' | 'caseFields'> => ({
  externalActors: [pemohon],
  steps: { 1: OKU_APPLICANT_STEP },
  caseFields: [
    ...applicant(),
    berkas('fc-ktp', 'FC KTP'),
    berkas('kk', 'KK'),
    berkas('pernyataan-pengunduran-diri', 'Pernyataan pengunduran diri'),
    berkas('fc-kis', 'FC KIS'),
  ],
});

const okuPembebasanBiaya = (): Pick<SeedOverride, 'externalActors' | 'steps' | 'caseFields'> => ({
  externalActors: [pemohon],
  steps: { 1: OKU_APPLICANT_STEP },
  caseFields: [
    ...applicant(),
    berkas('sktm', 'SKTM'),
    berkas('fc-ktp', 'FC KTP'),
    berkas('kk', 'KK'),
    berkas('pernyataan-pengunduran-diri', 'Pernyataan pengunduran diri'),
    berkas('fc-kis', 'FC KIS'),
  ],
});

const PETUGAS_DESA: ExternalActorSpec = {
  id: 'petugas-desa',
  label: 'Petugas Desa',
  kind: 'organisation',
  matches: ['Petugas Desa'],
  note: 'The village officer who reports the disaster; the actor stands for the Desa, which has no lane.',
};

const okuBencana = (): Pick<SeedOverride, 'externalActors' | 'steps'> => ({
  externalActors: [PETUGAS_DESA],
  steps: {
    1: {
      actors: [['petugas-desa', 'performs']],
      actorsWhy: 'The village officer reports with the documents; the transcription gives the row no lane.',
    },
  },
});

const okuBantuan = (): Pick<SeedOverride, 'externalActors' | 'steps' | 'caseFields'> => ({
  externalActors: [pemohon],
  steps: { 1: OKU_APPLICANT_STEP },
  caseFields: [...applicant(), berkas('sktm', 'Surat Keterangan Tidak Mampu Kades/Lurah')],
});

const oku01 = oku({ ...okuSktm() });
const oku02 = oku({ ...okuPembebasanBiaya() });
const oku03 = oku({ ...okuBencana() });
const oku04 = oku({ ...okuBantuan() });
const oku05 = oku({ ...okuBantuan() });
const oku06 = oku({ ...okuBantuan() });

const oku08 = oku({
  actorKinds: { 'Dinas Sosial': 'organisation', 'Front Office': 'role', Petugas: 'role' },
  externalActors: [
    {
      id: 'pendamping-bansos',
      label: 'Pendamping BANSOS',
      kind: 'role',
      matches: ['Pendamping BANSOS'],
      note: 'The aid facilitator brings the beneficiaries\' documents; no lane.',
    },
  ],
  steps: {
    1: {
      actors: [['pendamping-bansos', 'performs']],
      actorsWhy: 'The Pendamping BANSOS comes with the documents; the transcription gives the row no lane.',
    },
  },
});

const oku09 = oku({
  externalActors: [
    pemohon,
    {
      id: 'pusdatin',
      label: 'PUSDATIN',
      kind: 'organisation',
      matches: ['PUSDATIN (Kemensos)'],
      note: 'Pusat Data dan Informasi of the Kementerian Sosial; no lane.',
    },
  ],
  steps: {
    1: OKU_APPLICANT_STEP,
    3: { condition: 'bila memenuhi syarat' },
    4: { actors: [['pusdatin', 'performs']], actorsWhy: 'The SK is processed by PUSDATIN (Kemensos), outside the lanes.' },
  },
  caseFields: [...applicant(), berkas('fc-ktp-kk', 'FC KTP, KK yang padan dengan data Dukcapil')],
});

const oku10 = oku({
  externalActors: [pemohon],
  steps: { 1: OKU_APPLICANT_STEP },
  caseFields: [
    ...applicant(),
    berkas('fc-kk-ktp', 'FC KK dan KTP'),
    berkas('kartu-kis', 'Asli Kartu KIS PBID'),
    berkas('surat-pernyataan', 'Surat pernyataan penonaktifan / pencabutan kartu'),
  ],
});

const oku11 = oku({
  ...okuBencana(),
  headerItems: {
    dasarHukum: {
      0: {
        value:
          'Peraturan Bupati Nomor 24 Tahun 2017 tentang Tugas dan Fungsi Dinas di Kabupaten Ogan Komering Ulu selatan (Berita Daerah Kabupaten Ogan Komering Ulu Selatan Tahun 2017 nomor 24)',
        why: 'OCR "Dacrah" is "Daerah" (same text as the typed copy oku-03); certain.',
      },
    },
  },
  steps: {
    ...okuBencana().steps,
    1: {
      ...okuBencana().steps![1],
      requirements: ['FC KTP, KK dan Laporan Kejadian Bencana dari lurah/kades dan camat'],
      requirementsWhy: 'Requirement 1: the OCR\'s double comma ("FC KTP,, KK") is cleaned; certain.',
    },
  },
});

const oku12 = oku({
  ...okuSktm(),
  attachmentOf: {
    text: 'Lampiran I : Surat Keputusan Kepala Dinas Sosial Kabupaten OKU Selatan\nNomor : 12 /KPTS/DINSOS/2022\nTanggal : 3 Mei 2022',
    label: 'Lampiran I',
    document: 'Surat Keputusan Kepala Dinas Sosial Kabupaten OKU Selatan',
    number: '12 /KPTS/DINSOS/2022',
    date: '3 Mei 2022',
    why: 'The OCR\'s "v3Mei" is "3 Mei" (a stray mark before the day); certain.',
  },
});

const oku13 = oku({
  ...okuPembebasanBiaya(),
  identity: {
    title: {
      value: 'STANDAR PELAYANAN REKOMENDASI PEMBEBASAN BIAYA PERAWATAN KESEHATAN DI [...]',
      why: 'The OCR cuts the title off after "KESEHATAN DI"; "[...]" marks the lost end (the typed copy oku-02 has the full title).',
    },
  },
  headerItems: {
    dasarHukum: {
      0: {
        value:
          'Peraturan Bupati Nomor 24 Tahun 2017 tentang Tugas dan Fungsi Dinas di Kabupaten Ogan Komering Ulu selatan (Berita Daerah Kabupaten Ogan Komering Ulu Selatan Tahun 2017 nomor 24)',
        why: 'OCR "sclatan" is "selatan" (same text as the typed copy oku-02); certain.',
      },
    },
  },
});

export const OVERRIDES: Readonly<Record<string, SeedOverride>> = {
  'blt-sk-kip': blt,
  'bwi-spm-online': bwi,
  'kra-pbi-jk-pbpu': kra,
  'lmj-01-ugb': lmj01,
  'lmj-02-pub': lmj02,
  'lmj-04-anak-terlantar-jalanan': lmj04,
  'lmj-05-anak-terlantar-luar-panti': lmj05,
  'lmj-06-tetirah': lmj06,
  'lmj-07-rekom-keringanan-biaya-rs': lmj07,
  'lmj-08-penyantunan-fakir-miskin': lmj08,
  'lmj-09-pkh-mekanisme': lmj09,
  'lmj-10-santunan-kematian': lmj10,
  'lmj-14-rekom-lansia-griya': lmj14,
  'lmj-15-pencabutan-kis-pbid': lmj15,
  'lmj-16-spm': lmj16,
  'lmj-17-pemulangan-orang-terlantar': lmj17,
  'lmj-18-pengajuan-kis-pbid': lmj18,
  'lmj-19-rekom-terlantar-ppks': lmj19,
  'oku-01-sktm': oku01,
  'oku-02-rekom-pembebasan-biaya': oku02,
  'oku-03-bencana': oku03,
  'oku-04-alat-bantu-disabilitas': oku04,
  'oku-05-penyandang-disabilitas': oku05,
  'oku-06-lansia-odgj': oku06,
  'oku-08-bansos-stimulan': oku08,
  'oku-09-pendaftaran-dtks': oku09,
  'oku-10-penonaktifan-kis-pbid': oku10,
  'oku-11-bencana-scan': oku11,
  'oku-12-sktm-scan': oku12,
  'oku-13-rekom-pembebasan-biaya-scan': oku13,
};
