import type { LocalizedText } from '../../core/engine';

export type StorageFailureCode = 'storage.full' | 'storage.failed' | 'sop.missing' | 'sop.revisionConflict' | 'bundle.invalid';

/** A storage problem the clerk must be told about, in both languages. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageFailureCode,
    readonly localized: LocalizedText,
    options?: { cause?: unknown },
  ) {
    super(localized.en, options);
    this.name = 'StorageError';
  }
}

export function isQuotaError(error: unknown): boolean {
  let e: unknown = error;
  // Dexie wraps the DOMException (AbortError with an inner QuotaExceededError).
  for (let depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: string }).name;
    if (name === 'QuotaExceededError' || name === 'QuotaExceeded') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export const STORAGE_FULL: LocalizedText = {
  id: 'Penyimpanan perangkat penuh: perubahan ini TIDAK tersimpan, data yang sudah tersimpan tetap utuh. Kosongkan ruang (hapus berkas atau cadangkan lalu hapus kasus lama), kemudian coba lagi.',
  en: 'The device storage is full: this change was NOT saved; what was saved before is intact. Free some space (delete files, or back up and remove old cases), then try again.',
};

export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  if (isQuotaError(error)) return new StorageError('storage.full', STORAGE_FULL, { cause: error });
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError(
    'storage.failed',
    { id: `Gagal menyimpan ke penyimpanan perangkat: ${detail}. Data sebelumnya tetap utuh.`, en: `Could not write to the device storage: ${detail}. Earlier data is intact.` },
    { cause: error },
  );
}
