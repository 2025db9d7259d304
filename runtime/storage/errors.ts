import type { LocalizedText } from '../../core/engine';
import { translate, type MessageKey } from '../../core/i18n';
import { storageFailureCode, storageFailureKind } from '../../ui/durability/storageFailure';

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

/** Dexie wraps the DOMException (an AbortError with an inner QuotaExceededError); see storageFailure.ts. */
export function isQuotaError(error: unknown): boolean {
  return storageFailureKind(error) === 'quota';
}

export const STORAGE_FULL: LocalizedText = {
  id: 'Penyimpanan perangkat penuh: perubahan ini TIDAK tersimpan, data yang sudah tersimpan tetap utuh. Kosongkan ruang (hapus berkas atau cadangkan lalu hapus kasus lama), kemudian coba lagi.',
  en: 'The device storage is full: this change was NOT saved; what was saved before is intact. Free some space (delete files, or back up and remove old cases), then try again.',
};

function both(key: MessageKey, params?: Record<string, string>): LocalizedText {
  return { id: translate('id', key, params), en: translate('en', key, params) };
}

/** What happened and what to do, in both languages; the browser's raw English only as a technical code. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  switch (storageFailureKind(error)) {
    case 'quota':
      return new StorageError('storage.full', STORAGE_FULL, { cause: error });
    case 'closed':
      return new StorageError('storage.failed', both('durability.runtime.closed'), { cause: error });
    case 'aborted':
      return new StorageError('storage.failed', both('durability.runtime.aborted'), { cause: error });
    default:
      return new StorageError('storage.failed', both('durability.runtime.other', { code: storageFailureCode(error) }), { cause: error });
  }
}
