import type { ParsedWaktu } from '../../../schemas/generated/sop.types';
import { jsonEqual } from '../../model/deepEqual';
import { compareStatedTotal, computeFlowTotal, formatWaktuTotal, parseStatedTotal, parseWaktu } from '../../waktu';
import { pointerOf } from '../diagnostic';
import type { RuleContext } from '../ruleContext';
import { quote, stepName } from './naming';

export function checkWaktu(ctx: RuleContext): void {
  // Most SOPs repeat a handful of Waktu strings ("5 menit", "30 menit"); parse each once.
  const cache = new Map<string, ParsedWaktu>();
  const parse = (raw: string): ParsedWaktu => {
    let parsed = cache.get(raw);
    if (parsed === undefined) {
      parsed = parseWaktu(raw);
      cache.set(raw, parsed);
    }
    return parsed;
  };

  ctx.doc.flows.forEach((flow, f) => {
    flow.steps.forEach((step, s) => {
      if (!step.waktu) return;
      const parsed = parse(step.waktu.raw);
      if (parsed.kind === 'unparsed') {
        ctx.report('waktu.unparsed', pointerOf('flows', f, 'steps', s, 'waktu', 'raw'), {
          id: `Langkah ${stepName(step)}: waktu ${quote(step.waktu.raw)} tidak dapat dibaca; disimpan apa adanya dan tidak dijumlahkan.`,
          en: `Step ${stepName(step)}: Waktu ${quote(step.waktu.raw)} cannot be read; it is kept as written and not summed.`,
        }, { raw: step.waktu.raw });
      } else if (step.waktu.parsed !== undefined && !jsonEqual(step.waktu.parsed, parsed)) {
        ctx.report('waktu.parsed-stale', pointerOf('flows', f, 'steps', s, 'waktu', 'parsed'), {
          id: `Langkah ${stepName(step)}: nilai waktu tersimpan tidak sesuai dengan teks ${quote(step.waktu.raw)}.`,
          en: `Step ${stepName(step)}: the stored Waktu value does not match its text ${quote(step.waktu.raw)}.`,
        }, { stored: step.waktu.parsed, expected: parsed });
      }
    });

    if (!flow.statedTotal || flow.steps.length === 0) return;
    const at = pointerOf('flows', f, 'statedTotal', 'raw');
    const stated = parseStatedTotal(flow.statedTotal.raw);
    if (stated === null) {
      ctx.report('total.unreadable', at, {
        id: `Jumlah waktu tertulis ${quote(flow.statedTotal.raw)} tidak dapat dibaca.`,
        en: `The stated total ${quote(flow.statedTotal.raw)} cannot be read.`,
      }, { stated: flow.statedTotal.raw });
      return;
    }
    const computed = computeFlowTotal(flow, parse);
    if (compareStatedTotal(stated, computed).matches) return;
    const computedId = formatWaktuTotal(computed, 'id');
    const computedEn = formatWaktuTotal(computed, 'en');
    ctx.report('total.mismatch', at, {
      id: `Jumlah waktu tertulis ${quote(flow.statedTotal.raw)}, tetapi jumlah dari langkah-langkahnya ${computedId}.`,
      en: `The stated total is ${quote(flow.statedTotal.raw)}, but the steps add up to ${computedEn}.`,
    }, { stated: flow.statedTotal.raw, computed });
  });
}
