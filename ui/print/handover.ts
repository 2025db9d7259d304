/**
 * Hands a document to the print page in a new tab: the document waits in
 * localStorage under a one-time key named in the URL, and the print page
 * takes it out (so it is not left behind). Used by the designer ("Cetak")
 * and the runtime (printing a published revision).
 */
import type { SopDocument } from '../../schemas/generated/sop.types';

const PREFIX = 'sop-studio.print.';

export function openPrintView(doc: SopDocument, printPageUrl = '../print/'): Window | null {
  const key = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  localStorage.setItem(PREFIX + key, JSON.stringify(doc));
  return window.open(`${printPageUrl}?doc=${encodeURIComponent(key)}`, '_blank', 'noopener');
}

export function takeHandedOverDocument(key: string): unknown {
  if (!/^[a-z0-9]{1,40}$/.test(key)) return null;
  try {
    const text = localStorage.getItem(PREFIX + key);
    if (text === null) return null;
    localStorage.removeItem(PREFIX + key);
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
