/**
 * The "Jumlah Waktu" row. The print shows the SOP as signed: when the SOP
 * states a total that differs from what its steps add up to (or that cannot
 * be read), the stated text is printed and the designer's problems panel
 * carries the warning; otherwise the computed total is printed per unit
 * family ("4 jam 10 menit", "2 jam 35 menit – 3 jam 35 menit; 2 hari kerja").
 */
import type { Lang } from '../../core/i18n';
import { compareStatedTotal, computeFlowTotal, formatWaktuTotal, parseStatedTotal } from '../../core/waktu';
import type { Flow } from '../../schemas/generated/sop.types';

export interface TotalRow {
  text: string;
  source: 'computed' | 'stated';
  /** The computed total, also when the stated one is printed. */
  computed: string;
}

export function totalRow(flow: Flow, lang: Lang): TotalRow {
  const computed = formatWaktuTotal(computeFlowTotal(flow), lang);
  const statedRaw = flow.statedTotal?.raw.trim();
  if (statedRaw) {
    const stated = parseStatedTotal(statedRaw);
    if (stated === null || !compareStatedTotal(stated, computeFlowTotal(flow)).matches) {
      return { text: statedRaw, source: 'stated', computed };
    }
  }
  return { text: computed, source: 'computed', computed };
}

/**
 * The total row as printed. Nothing the signer did not sign is added: the
 * row is the total the SOP states, when it states one (its own words), and
 * the computed total only when the reader asks for it (`computed`).
 */
export function printedTotal(flow: Flow, lang: Lang, options: { computed?: boolean } = {}): TotalRow | null {
  const stated = flow.statedTotal?.raw.trim();
  if (stated) return { text: stated, source: 'stated', computed: formatWaktuTotal(computeFlowTotal(flow), lang) };
  if (options.computed) return totalRow(flow, lang);
  return null;
}
