/**
 * Indonesian messages of the runtime's backup and restore (keys start with
 * `backup.`); merged into the reference catalogue in ../messages.id.ts.
 */
export const backupMessagesId = {
  'backup.exported': 'Cadangan dibuat: {name} ({counts}).',
  'backup.counts': 'kasus {cases}, peristiwa {events}, SOP {sops}, lampiran {attachments}, draf {drafts}',
  /** Appended to backup.counts when either is not 0 (a device linked to a server). */
  'backup.counts.sync': ', perintah belum terkirim {outbox}, perlu tinjauan {review}',
  'backup.checking': 'Memeriksa cadangan {name}…',
  'backup.confirm.heading': 'Periksa sebelum memulihkan',
  'backup.confirm.intro': 'Cadangan {name} lolos pemeriksaan (skema {version}). Memulihkannya MENGGANTI semua data di perangkat ini:',
  'backup.confirm.kind': 'Jenis data',
  'backup.confirm.now': 'Sekarang',
  'backup.confirm.after': 'Setelah pemulihan',
  'backup.kind.cases': 'Kasus',
  'backup.kind.events': 'Peristiwa',
  'backup.kind.sops': 'SOP',
  'backup.kind.attachments': 'Lampiran',
  'backup.kind.drafts': 'Draf',
  'backup.kind.outbox': 'Perintah belum terkirim',
  'backup.kind.review': 'Perlu tinjauan',
  'backup.confirm.lost':
    'Perhatian: pemulihan ini menghilangkan dari perangkat ini {outbox} perintah yang belum terkirim ke server dan {review} perintah yang perlu tinjauan, karena semuanya tidak ada di cadangan ini. Perintah itu tidak akan dikirim. Semuanya tetap ada dalam salinan data sebelum pemulihan dan kembali dengan "Kembalikan data sebelum pemulihan".',
  'backup.confirm.foreign':
    'Cadangan ini dibuat di perangkat lain dan berisi {count} perintah yang belum terkirim. Setelah pemulihan, perangkat ini mengirimnya ke {server} dengan akun yang masuk di perangkat ini, dan server mencatat akun itu sebagai pelakunya.',
  'backup.confirm.foreignAck': 'Saya mengerti: perintah dari perangkat lain itu dikirim atas nama akun di perangkat ini.',
  'backup.confirm.linkChange': 'Setelah pemulihan, perangkat ini tertaut ke {after} (sekarang: {now}). Masuklah ke server itu agar pekerjaan yang tertunda terkirim.',
  'backup.confirm.server': 'server {url}',
  'backup.confirm.thisSite': 'server situs ini',
  'backup.confirm.notLinked': 'belum tertaut ke server',
  'backup.confirm.copyNote': 'Sebelum diganti, salinan data saat ini disimpan di perangkat ini, sehingga pemulihan dapat dibatalkan dengan satu klik.',
  'backup.confirm.replace': 'Ganti data dengan cadangan ini',
  'backup.confirm.cancel': 'Batal',
  'backup.cancelled': 'Pemulihan dibatalkan; data di perangkat ini tidak diubah.',
  'backup.restoring': 'Memulihkan cadangan…',
  'backup.restored': 'Cadangan dipulihkan. Sekarang: {after}. Sebelumnya: {before}; salinannya disimpan.',
  'backup.refused.many': 'Cadangan ditolak: {count} masalah ditemukan.',
  'backup.refused.unchanged': 'Data di perangkat ini tidak diubah ({counts}).',
  'backup.refused.more': '…dan {count} masalah lain.',
  'backup.undo': 'Kembalikan data sebelum pemulihan',
  'backup.undo.describe': 'Salinan dari {time}: {counts}.',
  'backup.undone': 'Data sebelum pemulihan dikembalikan. Sekarang: {after}. Data yang baru diganti ({before}) juga disimpan sebagai salinan.',
} as const;
