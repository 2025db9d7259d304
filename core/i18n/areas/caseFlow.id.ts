/**
 * Messages about how a case runs on a schema v2 SOP: parallel branches and
 * joins, end outcomes, asked conditional rows, sign-off chains inside a lane
 * and Waktu kinds (runtime case page, step form, timeline, receipt, lists).
 */
export const caseFlowMessagesId = {
  'caseFlow.outcome.selesai': 'Selesai',
  'caseFlow.outcome.ditolak': 'Ditolak',
  'caseFlow.outcome.dirujuk': 'Dirujuk',
  'caseFlow.outcome.dibatalkan': 'Dibatalkan',
  'caseFlow.finished.ditolak': 'Permohonan ditolak pada {time}.',
  'caseFlow.finished.dirujuk': 'Kasus selesai pada {time}: pemohon dirujuk ke instansi lain.',
  'caseFlow.finished.dibatalkan': 'Kasus berakhir dibatalkan pada {time}.',
  'caseFlow.finished.endStep': 'Berakhir di langkah {number}: {text}',
  'caseFlow.receipt.outcome.selesai': 'Selesai',
  'caseFlow.receipt.outcome.ditolak': 'Ditolak: permohonan tidak dapat dikabulkan',
  'caseFlow.receipt.outcome.dirujuk': 'Dirujuk: pemohon diarahkan ke instansi lain',
  'caseFlow.receipt.outcome.dibatalkan': 'Dibatalkan',
  'caseFlow.receipt.outcomeRow': 'Hasil',

  'caseFlow.parallel.several': 'Kasus ini sedang berjalan di {count} langkah sekaligus.',
  'caseFlow.parallel.others': 'Sedang dikerjakan lajur lain',
  'caseFlow.parallel.otherStep': 'Langkah {number}: {actors}',
  'caseFlow.parallel.showForm': 'Kerjakan langkah {number} di sini',
  'caseFlow.join.heading': 'Langkah {number} menunggu cabang paralel',
  'caseFlow.join.waitingFor': 'Menunggu: {steps}',
  'caseFlow.join.arrived': 'Sudah masuk: {steps}',
  'caseFlow.join.step': 'langkah {number} ({actors})',
  'caseFlow.join.otherJoin': 'gabungan di langkah {number}',

  'caseFlow.asked.legend': 'Apakah langkah ini berlaku untuk pemohon ini?',
  'caseFlow.asked.condition': 'Syarat: {condition}',
  'caseFlow.asked.applies': 'Ya, berlaku',
  'caseFlow.asked.applied': 'Berlaku: isi langkah ini di bawah.',
  'caseFlow.asked.skip': 'Tidak berlaku: lewati langkah {number}',
  'caseFlow.asked.reason': 'Alasan tidak berlaku (tidak wajib)',

  'caseFlow.chain.heading': 'Paraf dan tanda tangan, berurutan',
  'caseFlow.chain.paraf': 'Paraf',
  'caseFlow.chain.tandaTangan': 'Tanda tangan',
  'caseFlow.chain.position': '{action} {position}',
  'caseFlow.chain.signed': 'sudah, oleh {person} pada {time}',
  'caseFlow.chain.next': 'giliran berikutnya',
  'caseFlow.chain.afterWork': 'setelah langkah dikerjakan',
  'caseFlow.chain.waiting': 'menunggu',
  'caseFlow.chain.record': 'Catat {action} {position}',

  'caseFlow.due.limit': 'Batas penyelesaian: {time} (Waktu SOP: paling lambat {waktu})',
  'caseFlow.due.wait': 'Waktu tunggu, diperkirakan selesai {time} (Waktu SOP: {waktu}); tidak dihitung sebagai keterlambatan.',

  'caseFlow.timeline.skipped': 'dilewati: tidak berlaku',
  'caseFlow.timeline.skipReason': 'Alasan dilewati:',
  'caseFlow.timeline.withdrawn': 'ditarik',
  'caseFlow.timeline.withdrawnLeft': 'ditarik: cabang paralel ditinggalkan ke langkah {number}',
  'caseFlow.timeline.withdrawnEnded': 'ditarik: kasus berakhir {outcome} di langkah {number}',
  'caseFlow.timeline.joined': 'gabungan dari langkah {numbers}',
  'caseFlow.timeline.wait': 'waktu tunggu (tidak dihitung)',
  'caseFlow.timeline.outcome': 'hasil: {outcome}',
  'caseFlow.timeline.signer': '{person} ({position}, {lane})',

  'sync.command.step.skip': 'Melewati langkah {step}',
} as const;
