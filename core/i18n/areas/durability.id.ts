/**
 * Indonesian messages about keeping work safe (autosave recovery, a full or
 * closed browser storage, handing large documents to the print page); keys
 * start with `durability.`. Merged into the reference catalogue in ../messages.id.ts.
 */
export const durabilityMessagesId = {
  'durability.recovered.conflict':
    'Perubahan yang belum sempat tersimpan saat halaman ini terakhir ditutup telah dipulihkan, tetapi SOP ini telah disimpan lagi sejak itu. Pilih versi mana yang disimpan.',
};
