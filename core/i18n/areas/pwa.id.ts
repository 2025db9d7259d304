/**
 * Indonesian messages about the installed, offline app: the names the
 * installed apps carry, and the prompt that offers a new version without ever
 * reloading by itself; keys start with `pwa.`. Merged into the reference
 * catalogue in ../messages.id.ts.
 */
export const pwaMessagesId = {
  'pwa.runtime.name': 'Pelaksanaan Kasus · SOP Studio',
  'pwa.runtime.shortName': 'Kasus SOP',
  'pwa.runtime.description': 'Jalankan SOP yang telah disahkan untuk setiap permohonan, juga tanpa jaringan: siapa yang bertindak, kelengkapan yang diperiksa, dan batas waktu setiap langkah.',
  'pwa.designer.name': 'Perancang SOP · SOP Studio',
  'pwa.designer.shortName': 'Perancang SOP',
  'pwa.designer.description': 'Susun dan revisi SOP format Permenpan RB 35/2012, juga tanpa jaringan: diagram alir lintas pelaksana, mutu baku, pemeriksaan kesalahan, dan cetak.',

  'pwa.update.label': 'Pembaruan aplikasi',
  'pwa.update.available': 'Versi baru tersedia',
  'pwa.update.activated': 'Versi baru sudah dipasang di tab lain',
  'pwa.update.reload': 'Muat ulang',
  'pwa.update.later': 'Nanti',
  'pwa.update.whenYouAreReady': 'Muat ulang kapan saja Anda siap; halaman ini tidak akan dimuat ulang dengan sendirinya.',
  'pwa.update.draftKept':
    'Isian langkah yang sedang Anda kerjakan tetap tersimpan sebagai draf di perangkat ini dan muncul kembali setelah dimuat ulang. Anda juga boleh menyelesaikan langkah ini dulu.',
  'pwa.update.formNotKept':
    'Isian formulir ini belum tersimpan dan akan hilang bila halaman dimuat ulang sekarang. Mulai kasusnya dulu, lalu pilih Muat ulang.',
  'pwa.update.reloading': 'Memuat ulang…',
};
