import type { Margins } from '../print/model/paper';

/** "12,12,12,15" (top, right, bottom, left, mm) or one number for all four. */
export function parseMargins(text: string): Partial<Margins> | null {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.some((n) => !Number.isFinite(n) || n < 0 || n > 100)) return null;
  if (parts.length === 1) return { top: parts[0]!, right: parts[0]!, bottom: parts[0]!, left: parts[0]! };
  if (parts.length === 4) return { top: parts[0]!, right: parts[1]!, bottom: parts[2]!, left: parts[3]! };
  return null;
}
