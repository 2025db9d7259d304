import type { LocalizedText } from '../../core/validation';

/**
 * True when the browser refused a write for lack of space. Dexie wraps the
 * DOMException in its own error (`name` "QuotaExceededError", `inner` holding
 * the original), and some browsers report it as an AbortError of the
 * transaction whose `inner` is the quota error.
 */
export function isQuotaExceeded(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** A storage failure the designer explains to the drafter, in both languages. */
export class StorageError extends Error {
  constructor(
    readonly kind: 'quota' | 'not-json' | 'newer-format' | 'not-found' | 'exists' | 'unavailable',
    readonly userMessage: LocalizedText,
    options?: { cause?: unknown },
  ) {
    super(userMessage.en, options);
    this.name = 'StorageError';
  }
}

export const QUOTA_MESSAGE: LocalizedText = {
  id: 'Penyimpanan browser penuh: perubahan terakhir belum tersimpan. Versi terakhir yang tersimpan tetap aman. Kosongkan ruang (hapus SOP yang tidak dipakai atau data situs lain), lalu lanjutkan menyunting; penyimpanan akan dicoba lagi.',
  en: 'Browser storage is full: your latest change is not saved yet. The last saved version is safe. Free some space (delete unused SOPs or other sites’ data), then keep editing; saving will be retried.',
};

/** Turns any failed write into a StorageError with a message for the drafter. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  if (isQuotaExceeded(error)) return new StorageError('quota', QUOTA_MESSAGE, { cause: error });
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError(
    'unavailable',
    {
      id: `Penyimpanan browser tidak dapat dipakai: ${detail}. Versi terakhir yang tersimpan tetap aman.`,
      en: `Browser storage is unavailable: ${detail}. The last saved version is safe.`,
    },
    { cause: error },
  );
}
