/**
 * Turns an uploaded file's bytes into the schema's `Image` (letterhead logo,
 * e-signature QR). The type is read from the bytes themselves, never from the
 * file name or the browser's guess: a renamed SVG or HTML file carries script,
 * and only PNG and JPEG are embedded. The size limit is the schema's.
 */
import type { Image } from '../../schemas/generated/sop.types';
import { SOP_LIMITS } from '../validation/limits';

export type ImageProblem =
  /** Not a PNG or JPEG by its first bytes (whatever its name says). */
  | { problem: 'type' }
  /** A PNG or JPEG larger than the schema allows. */
  | { problem: 'size'; bytes: number; limit: number }
  /** A file with no bytes. */
  | { problem: 'empty' };

export type ReadImageResult = { ok: true; image: Image } | ({ ok: false } & ImageProblem);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

/** The media type the bytes show, or undefined when they are neither PNG nor JPEG. */
export function sniffImageType(bytes: Uint8Array): Image['mediaType'] | undefined {
  const startsWith = (signature: readonly number[]) => bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
  if (startsWith(PNG_SIGNATURE)) return 'image/png';
  if (startsWith(JPEG_SIGNATURE)) return 'image/jpeg';
  return undefined;
}

/** The file's bytes as an embeddable image, or what is wrong with them. */
export function readEmbeddedImage(bytes: Uint8Array, limit: number = SOP_LIMITS.imageBytes): ReadImageResult {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  const mediaType = sniffImageType(bytes);
  if (!mediaType) return { ok: false, problem: 'type' };
  if (bytes.length > limit) return { ok: false, problem: 'size', bytes: bytes.length, limit };
  return { ok: true, image: { mediaType, base64: bytesToBase64(bytes) } };
}

/** Base64 without Node's Buffer (the core runs in the browser too); chunked so large files do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The image as a `data:` URL for an <img> (the page's CSP allows data: images, never script). */
export function imageDataUrl(image: Image): string {
  return `data:${image.mediaType};base64,${image.base64}`;
}
