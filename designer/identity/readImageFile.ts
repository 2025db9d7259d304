import { readEmbeddedImage, sniffImageType, type ReadImageResult } from '../../core/identity/embeddedImage';
import type { Image } from '../../schemas/generated/sop.types';
import { SOP_LIMITS } from '../../core/validation/limits';

/** Bytes enough to tell a PNG or JPEG by its signature. */
const SIGNATURE_BYTES = 16;

/** What the browser adds to the core's checks: a file that starts like a PNG or JPEG but does not decode. */
export type ReadImageFileResult = ReadImageResult | { ok: false; problem: 'damaged' };

/**
 * Reads an uploaded file as an embeddable image. A file over the limit is
 * judged by its first bytes only (a wrong type is named before its size), so
 * a huge file is never read whole.
 */
export async function readImageFile(file: Blob, limit: number = SOP_LIMITS.imageBytes): Promise<ReadImageFileResult> {
  if (file.size > limit) {
    const head = new Uint8Array(await file.slice(0, SIGNATURE_BYTES).arrayBuffer());
    return sniffImageType(head) ? { ok: false, problem: 'size', bytes: file.size, limit } : { ok: false, problem: 'type' };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = readEmbeddedImage(bytes, limit);
  if (result.ok && !(await decodes(bytes, result.image.mediaType))) return { ok: false, problem: 'damaged' };
  return result;
}

/** Whether the browser can draw the bytes (a truncated or damaged file would print as a broken image). */
async function decodes(bytes: Uint8Array<ArrayBuffer>, mediaType: Image['mediaType']): Promise<boolean> {
  try {
    const bitmap = await createImageBitmap(new Blob([bytes], { type: mediaType }));
    bitmap.close();
    return true;
  } catch {
    return false;
  }
}
