/**
 * Indonesian messages of the runtime's backup and restore (keys start with
 * `backup.`); merged into the reference catalogue in ../messages.id.ts.
 */
export const backupMessagesId = {
  'backup.exported': 'Cadangan dibuat: {name} ({counts}).',
  'backup.counts': 'kasus {cases}, peristiwa {events}, SOP {sops}, lampiran {attachments}, draf {drafts}',
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
