/**
 * Indonesian message catalogue: the reference catalogue. Indonesian is the
 * default interface language, so every key is defined here first; the English
 * catalogue is type-checked against this one.
 *
 * Keys are grouped as `area.item`. Placeholders use `{name}` and must appear
 * with the same names in every catalogue (checked by i18n.test.ts).
 */
import { backupMessagesId } from './areas/backup.id';
import { designerMessagesId } from './areas/designer.id';
import { limitsMessagesId } from './areas/limits.id';
import { printMessagesId } from './areas/print.id';
import { runtimeMessagesId } from './areas/runtime.id';
import { durabilityMessagesId } from './areas/durability.id';
import { startMessagesId } from './areas/start.id';
import { trustMessagesId } from './areas/trust.id';
import { pwaMessagesId } from './areas/pwa.id';
import { syncMessagesId } from './areas/sync.id';
import { monevMessagesId } from './areas/monev.id';
import { caseFlowMessagesId } from './areas/caseFlow.id';
import { stepFieldsMessagesId } from './areas/stepFields.id';
import { identityFormMessagesId } from './areas/identityForm.id';

export const messagesId = {
  ...designerMessagesId,
  ...backupMessagesId,
  ...runtimeMessagesId,
  ...printMessagesId,
  ...startMessagesId,
  ...limitsMessagesId,
  ...durabilityMessagesId,
  ...trustMessagesId,
  ...pwaMessagesId,
  ...syncMessagesId,
  ...monevMessagesId,
  ...caseFlowMessagesId,
  ...stepFieldsMessagesId,
  ...identityFormMessagesId,
  'app.name': 'SOP Studio',
  'app.tagline': 'Perancangan, pelaksanaan, dan pencetakan SOP sesuai Permenpan RB Nomor 35 Tahun 2012',
  'app.backToStart': 'Kembali ke halaman awal',

  'lang.label': 'Bahasa',
  'lang.changed': 'Bahasa antarmuka diubah ke {language}.',

  'ui.time.placeholder': 'JJ:MM',
  'ui.time.hint': 'Jam 24 jam, JJ:MM atau JJ.MM, misalnya 07:30 atau 16.00.',
  'ui.time.invalid': '"{text}" bukan jam yang sah. Tulis jam 24 jam sebagai JJ:MM atau JJ.MM, misalnya 07:30 atau 16.00.',
  'ui.time.required': 'Jam wajib diisi (JJ:MM, misalnya 07:30).',

  'start.title': 'Selamat datang di SOP Studio',
  'start.intro': 'Pilih aplikasi yang ingin Anda buka.',
  'start.designer.description': 'Susun dan revisi SOP: gambar diagram alir lintas pelaksana, isi mutu baku, periksa kesalahan, lalu cetak dalam format Permenpan.',
  'start.runtime.description': 'Jalankan SOP yang telah disahkan untuk setiap permohonan: siapa yang bertindak, kelengkapan yang diperiksa, dan batas waktu setiap langkah.',
  'start.open': 'Buka {app}',

  'designer.title': 'Perancang SOP',

  'runtime.title': 'Pelaksanaan Kasus',
  'runtime.placeholder.heading': 'Meja layanan petugas',
  'runtime.placeholder.body': 'Di sini petugas akan membuka SOP yang telah disahkan, mencatat kasus untuk setiap pemohon, lalu dipandu langkah demi langkah: siapa yang bertindak, dokumen apa yang diperiksa, dan berapa lama langkah itu boleh berlangsung. Data tetap tersimpan walaupun tanpa internet.',
  'runtime.placeholder.status': 'Aplikasi ini sedang dibangun.',

  'samples.heading': 'Contoh SOP',
  'samples.intro': 'Transkripsi {count} SOP nyata dari lima Dinas Sosial, diperiksa dengan skema dan aturan SOP Studio setiap kali halaman ini dibuka.',
  'samples.summary': '{valid} dari {count} contoh sah; {warnings} peringatan.',
  'samples.search': 'Cari judul atau Nomor SOP',
  'samples.noMatch': 'Tidak ada contoh yang cocok dengan "{query}".',
  'samples.col.number': 'Nomor SOP',
  'samples.col.title': 'Nama SOP',
  'samples.col.office': 'Instansi',
  'samples.col.steps': 'Langkah',
  'samples.col.lanes': 'Pelaksana',
  'samples.col.total': 'Jumlah waktu (dihitung)',
  'samples.col.check': 'Pemeriksaan',
  'samples.check.ok': 'Sah',
  'samples.check.errors': '{errors} galat',
  'samples.check.warnings': '{warnings} peringatan',
  'samples.incomplete': 'Belum lengkap',
  'samples.noNumber': '(tanpa nomor)',
  'samples.stated': 'tertulis: {stated}',
  'samples.details': 'Rincian pemeriksaan {title}',
} satisfies Record<string, string>;

/** Every message key known to the application. */
export type MessageKey = keyof typeof messagesId;
