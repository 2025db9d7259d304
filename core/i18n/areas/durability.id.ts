/**
 * Indonesian messages about keeping work safe (autosave recovery, a full or
 * closed browser storage, handing large documents to the print page); keys
 * start with `durability.`. Merged into the reference catalogue in ../messages.id.ts.
 */
export const durabilityMessagesId = {
  'durability.recovered.conflict':
    'Perubahan yang belum sempat tersimpan saat halaman ini terakhir ditutup telah dipulihkan, tetapi SOP ini telah disimpan lagi sejak itu. Pilih versi mana yang disimpan.',
  'durability.designer.closed':
    'Basis data penyimpanan browser sempat tertutup (misalnya data situs dihapus, atau browser menutupnya karena ruang hampir habis). SOP Studio telah mencoba membukanya kembali, tetapi perubahan terakhir belum tersimpan. Perubahan Anda masih ada di layar ini dan di salinan darurat; pilih "Coba simpan lagi". Jika tetap gagal, tutup tab SOP Studio lainnya lalu coba lagi.',
  'durability.designer.aborted':
    'Browser membatalkan penyimpanan sebelum selesai; tidak ada yang tersimpan sebagian dan versi terakhir yang tersimpan tetap aman. Penyebab paling umum adalah ruang penyimpanan penuh: kosongkan ruang (hapus SOP yang tidak dipakai atau data situs lain), lalu coba lagi.',
  'durability.designer.other':
    'Penyimpanan browser tidak dapat dipakai saat ini (kode teknis: {code}). Versi terakhir yang tersimpan tetap aman dan perubahan Anda masih ada di layar ini. Coba lagi sebentar lagi; jika tetap gagal, muat ulang halaman.',
  'durability.runtime.closed':
    'Basis data perangkat sempat tertutup (misalnya data situs dihapus, atau browser menutupnya karena ruang hampir habis) dan tidak dapat dibuka kembali: perubahan ini TIDAK tersimpan, data yang sudah tersimpan tetap utuh. Tutup tab Pelaksana lainnya, lalu coba lagi.',
  'durability.runtime.aborted':
    'Browser membatalkan penyimpanan sebelum selesai: perubahan ini TIDAK tersimpan, data yang sudah tersimpan tetap utuh. Penyebab paling umum adalah ruang penyimpanan penuh: kosongkan ruang (hapus berkas, atau cadangkan lalu hapus kasus lama), kemudian coba lagi.',
  'durability.runtime.other':
    'Penyimpanan perangkat tidak dapat dipakai saat ini (kode teknis: {code}): perubahan ini TIDAK tersimpan, data yang sudah tersimpan tetap utuh. Coba lagi sebentar lagi; jika tetap gagal, muat ulang halaman.',
  'durability.runtime.nearlyFull':
    'Penyimpanan perangkat hampir penuh ({percent}% terpakai): penyimpanan berikutnya bisa gagal. Cadangkan data, lalu hapus kasus lama atau berkas yang tidak diperlukan.',
  'durability.print.full':
    'Dokumen tidak dapat dibuka di halaman cetak: penyimpanan browser penuh. Kosongkan ruang (hapus data yang tidak lagi dipakai, atau data situs lain), lalu pilih Cetak lagi. Dokumen Anda tidak berubah.',
  'durability.print.failed':
    'Dokumen tidak dapat diserahkan ke halaman cetak karena penyimpanan browser tidak dapat dipakai. Tutup tab cetak yang kosong, lalu pilih Cetak lagi. Dokumen Anda tidak berubah.',
  'durability.print.failedInTab':
    'Dokumen tidak sampai ke halaman ini: penyerahannya gagal (lihat pesan di tab asal). Tutup tab ini, lalu pilih Cetak lagi.',
  'durability.print.unreadable':
    'Dokumen yang akan dicetak tidak dapat dibaca dari penyimpanan browser. Tutup tab ini, lalu pilih Cetak lagi.',
  'durability.print.waiting': 'Menunggu dokumen yang akan dicetak…',
};
