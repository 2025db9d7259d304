import type { LocalizedText } from '../core/engine';

export type DeviceErrorCode = 'storage.full' | 'storage.failed' | 'revision.conflict' | 'revision.invalid' | 'profile.invalid' | 'key.invalid' | 'handoff.invalid';

/** A problem with the device's shared data, in both languages. */
export class DeviceStorageError extends Error {
  constructor(
    readonly code: DeviceErrorCode,
    readonly localized: LocalizedText,
    options?: { cause?: unknown; details?: Record<string, LocalizedText> },
  ) {
    super(localized.en, options);
    this.name = 'DeviceStorageError';
    this.details = options?.details;
  }
  readonly details: Record<string, LocalizedText> | undefined;
}

function isQuota(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export function toDeviceError(error: unknown): DeviceStorageError {
  if (error instanceof DeviceStorageError) return error;
  if (isQuota(error)) {
    return new DeviceStorageError(
      'storage.full',
      {
        id: 'Penyimpanan perangkat penuh: tidak ada yang ditulis. Kosongkan ruang lalu coba lagi.',
        en: 'The device storage is full: nothing was written. Free some space and try again.',
      },
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new DeviceStorageError(
    'storage.failed',
    { id: `Penyimpanan perangkat gagal: ${detail}. Tidak ada yang ditulis.`, en: `The device storage failed: ${detail}. Nothing was written.` },
    { cause: error },
  );
}
