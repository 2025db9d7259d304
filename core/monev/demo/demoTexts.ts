/**
 * What clerks write in demo cases: return and cancellation reasons, waivers,
 * notes. Realistic Indonesian, as a Dinas Sosial or a village office writes them.
 */

/** Sent back to the applicant: something they must bring or fix. `{req}` is a requirement of the step. */
export const RETURN_TO_APPLICANT_REASONS = [
  'KTP tidak terbaca, mohon membawa KTP asli',
  'Surat pengantar desa belum ada',
  'KK belum diperbarui sesuai data SIAK',
  'Rujukan Puskesmas sudah kedaluwarsa, mohon minta rujukan baru',
  'Foto rumah belum menyertakan titik koordinat',
  'Nama pada KTP dan KK berbeda, perlu surat keterangan beda nama',
  'Surat pernyataan miskin belum bermaterai',
];

/** Requirement-specific wording: `{req}` is replaced by the requirement's text. */
export const MISSING_REQUIREMENT_REASONS = ['{req} belum dilampirkan', '{req} tidak terbaca', '{req} belum lengkap, mohon dilengkapi'];

/** Sent back to an earlier office step: the earlier work must be redone. */
export const RETURN_TO_STEP_REASONS = [
  'Data KK tidak sesuai dengan SIAK, mohon verifikasi ulang',
  'Hasil tinjau lapang belum dilampiri form 18 kriteria kemiskinan',
  'Surat keterangan miskin belum ditandatangani Kepala Desa',
  'Unggahan berkas tidak lengkap di sistem',
  'NIK pemohon tercatat ganda, mohon dicek kembali',
];

export const CANCEL_REASONS = [
  'Pemohon mengundurkan diri',
  'Pemohon meninggal dunia',
  'Permohonan ganda, sudah diajukan melalui desa lain',
  'Pemohon pindah domisili ke luar kabupaten',
];

/** An SOP without a rejecting end: the office cancels a request that cannot be granted, saying why. */
export const REJECTION_CANCEL_REASONS = [
  'Tidak memenuhi syarat: pemohon sudah terdaftar sebagai peserta KIS',
  'Tidak memenuhi syarat: hasil tinjau lapang menunjukkan pemohon mampu',
];

export const APPLICANT_GONE_REASON = 'Pemohon tidak kembali melengkapi berkas dalam 30 hari kerja';

export const RESUME_NOTES = ['Pemohon sudah melengkapi berkas', 'Berkas susulan diterima', 'Pemohon datang kembali membawa dokumen asli'];

export const WAIVER_REASONS = ['Menyusul, pemohon berjanji membawa besok', 'Dokumen asli hilang, diganti surat keterangan kehilangan dari kepolisian'];

export const SKIP_NOTES = ['Tidak berlaku untuk pemohon ini', 'Tidak diperlukan, sesuai keterangan petugas'];

export const WORK_NOTES = ['Berkas lengkap', 'Sudah diverifikasi', 'Diproses sesuai antrean', 'Sudah diunggah ke sistem'];

export const ADDRESSES = ['Dusun Krajan RT 02 RW 01', 'Dusun Kedaleman RT 03 RW 02', 'Jalan Kenanga No. 14', 'Dusun Sukorejo RT 01 RW 04', 'Perumahan Griya Asri Blok C-7', 'Jalan Mawar Gang II No. 5'];
