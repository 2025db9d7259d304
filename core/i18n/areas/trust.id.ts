/**
 * Indonesian messages for signed case bundles, trusted keys, accepting a
 * bundled revision into the catalogue, and screens that survive bad data
 * (issue 9); merged into the reference catalogue in ../messages.id.ts.
 */
export const trustMessagesId = {
  'trust.nav.settings': 'Pengaturan',
  'trust.guard.page': 'Halaman ini tidak dapat ditampilkan karena ada data yang rusak di perangkat ini. Data lain tidak tersentuh.',
  'trust.guard.detail': 'Rincian teknis: {detail}',
  'trust.guard.back': 'Kembali ke katalog SOP',
  'trust.guard.retry': 'Coba lagi',
  'trust.guard.row': 'Baris ini memuat data rusak dan tidak dapat ditampilkan ({id}).',
  'trust.guard.untitled': '(tanpa judul)',

  'trust.keys.heading': 'Kunci tanda tangan',
  'trust.keys.intro':
    'Bundel kasus yang diekspor perangkat ini ditandatangani dengan kunci perangkat. Kantor lain hanya mengimpor bundel dari kunci yang mereka percayai, dan Anda hanya mengimpor bundel dari kunci dalam daftar di bawah.',
  'trust.keys.own': 'Sidik jari kunci perangkat ini',
  'trust.keys.ownFull': 'Sidik jari lengkap',
  'trust.keys.copy': 'Salin kunci publik perangkat ini',
  'trust.keys.copied': 'Kunci publik disalin. Kirimkan ke kantor penerima, lalu bacakan sidik jarinya lewat telepon agar mereka dapat mencocokkannya.',
  'trust.keys.copyFailed': 'Tidak dapat menyalin otomatis; pilih teks kunci publik di bawah lalu salin.',
  'trust.keys.publicText': 'Kunci publik perangkat ini (teks untuk disalin)',
  'trust.keys.trusted': 'Kunci tepercaya',
  'trust.keys.none': 'Belum ada kunci tepercaya. Bundel dari perangkat lain akan ditolak sampai kuncinya dipercayai.',
  'trust.keys.col.name': 'Pemilik',
  'trust.keys.col.fingerprint': 'Sidik jari',
  'trust.keys.col.added': 'Ditambahkan',
  'trust.keys.col.source': 'Sumber',
  'trust.keys.source.manual': 'Manual',
  'trust.keys.source.server': 'Server',
  'trust.keys.remove': 'Hapus',
  'trust.keys.removeLabel': 'Berhenti memercayai kunci {name}',
  'trust.keys.confirmRemove': 'Ya, berhenti memercayai {name}',
  'trust.keys.removed': 'Kunci {name} tidak lagi dipercaya.',
  'trust.keys.add': 'Percayai kunci baru',
  'trust.keys.paste': 'Kunci publik atau sidik jari lengkap',
  'trust.keys.pasteHint': 'Tempelkan teks kunci publik yang disalin di perangkat pengirim, atau sidik jari lengkapnya (64 digit).',
  'trust.keys.name': 'Nama pemilik (orang atau kantor)',
  'trust.keys.office': 'Kantor (boleh kosong)',
  'trust.keys.check': 'Periksa',
  'trust.keys.compare': 'Sidik jari kunci ini: {fingerprint}. Cocokkan dengan yang dibacakan pengirim sebelum memercayainya.',
  'trust.keys.confirm': 'Sidik jari sudah saya cocokkan dengan pengirim',
  'trust.keys.save': 'Percayai kunci ini',
  'trust.keys.saved': 'Kunci {name} dipercaya. Bundel yang ditandatanganinya kini dapat diimpor.',
  'trust.keys.offered': 'Kunci penanda tangan bundel yang ditolak sudah diisikan di bawah. Cocokkan sidik jarinya dengan pengirim sebelum memercayainya.',

  'trust.import.heading': 'Impor bundel kasus',
  'trust.import.intro': 'Bundel kasus dari kantor lain diperiksa seluruhnya (tanda tangan, kunci tepercaya, SOP, isian, riwayat) sebelum apa pun disimpan.',
  'trust.import.file': 'Pilih berkas bundel kasus (.sopcase.json)',
  'trust.import.done': 'Bundel diimpor: {events} peristiwa baru, {files} lampiran baru.',
  'trust.import.sopKept': 'SOP {title} revisi {revision} dari bundel disimpan hanya untuk kasus ini; kasus baru tidak dapat dimulai padanya.',
  'trust.import.open': 'Buka kasus',
  'trust.import.untrusted': 'Penanda tangan: {name} · perangkat {device} · sidik jari {fingerprint}',
  'trust.import.trustIt': 'Bandingkan sidik jari dan percayai kunci ini di Pengaturan',

  'trust.accept.heading': 'Revisi SOP dari bundel kasus',
  'trust.accept.intro':
    'Revisi ini datang bersama kasus dari kantor lain dan hanya dipakai kasus itu. Orang yang boleh menerbitkan SOP dapat menerimanya ke katalog, setelah diperiksa dengan aturan penerbitan.',
  'trust.accept.none': 'Tidak ada revisi dari bundel yang belum ada di katalog.',
  'trust.accept.item': '{title} — revisi {revision}',
  'trust.accept.button': 'Terima ke katalog',
  'trust.accept.buttonLabel': 'Terima {title} revisi {revision} ke katalog',
  'trust.accept.notAllowed': 'Hanya profil yang boleh menerbitkan SOP dapat menerima revisi ke katalog (centang "Boleh menerbitkan SOP" di Profil).',
  'trust.accept.done': '{title} revisi {revision} diterima ke katalog; kasus baru kini dapat dimulai padanya.',
  'trust.accept.refused': 'Revisi ini tidak memenuhi aturan penerbitan:',

  'trust.profile.mayPublish': 'Boleh menerbitkan SOP (menerima revisi dari bundel kasus ke katalog)',
};
