import { translate, type MessageKey } from '../../core/i18n';
import type { LocalizedText } from '../../core/validation';
import { storageFailureCode, storageFailureKind } from '../../ui/durability/storageFailure';

/**
 * True when the browser refused a write for lack of space. Dexie wraps the
 * DOMException in its own error (`name` "QuotaExceededError", `inner` holding
 * the original), and some browsers report it as an AbortError of the
 * transaction whose `inner` is the quota error.
 */
export function isQuotaExceeded(error: unknown): boolean {
  return storageFailureKind(error) === 'quota';
}

/** A storage failure the designer explains to the drafter, in both languages. */
export class StorageError extends Error {
  constructor(
    readonly kind: 'quota' | 'closed' | 'aborted' | 'not-json' | 'newer-format' | 'not-found' | 'exists' | 'unavailable',
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

function both(key: MessageKey, params?: Record<string, string>): LocalizedText {
  return { id: translate('id', key, params), en: translate('en', key, params) };
}

/**
 * Turns any failed read or write into a StorageError with a message for the
 * drafter in both languages: what happened and what to do, never the
 * browser's raw English (only its error name, as a technical code).
 */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  switch (storageFailureKind(error)) {
    case 'quota':
      return new StorageError('quota', QUOTA_MESSAGE, { cause: error });
    case 'closed':
      return new StorageError('closed', both('durability.designer.closed'), { cause: error });
    case 'aborted':
      return new StorageError('aborted', both('durability.designer.aborted'), { cause: error });
    default:
      return new StorageError('unavailable', both('durability.designer.other', { code: storageFailureCode(error) }), { cause: error });
  }
}
