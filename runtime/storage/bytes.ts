/**
 * Bytes in files this app writes (backups, case bundles): base64 text and their SHA-256.
 */
import { sha256Bytes, toHex } from '../../core/engine';

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  // WebCrypto when the page is a secure context; the engine's own SHA-256 otherwise (same digest).
  if (globalThis.crypto?.subtle) return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)));
  return toHex(sha256Bytes(bytes));
}
