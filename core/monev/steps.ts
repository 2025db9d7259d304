/**
 * What the measures need to know of each step of the SOP revision being
 * evaluated: its row, its name, its lane and its Waktu, read the way the
 * engine reads them (decide.ts `activate`), so "has a standard" here means
 * exactly "the engine gave its visits a due time".
 */
import type { ParsedWaktu, SopDocument, Step } from '../../schemas/generated/sop.types';
import { findFlow, signOffChainOf, workActorsOf } from '../engine/sopIndex';
import type { WaktuMeasure } from '../engine/types';
import { plainTextOf } from '../text/richText';
import { parseWaktu } from '../waktu/parse';

export interface MonevStepInfo {
  stepId: string;
  /** 1-based row of the step in the SOP table. */
  row: number;
  /** The number printed in the row ("5"), when the SOP gives one. */
  number?: string;
  /** The step's activity, as plain text. */
  name: string;
  /** The lane (actor id): the first performer, else the first signer. */
  actor?: string;
  /** The Waktu as written. */
  waktu: string;
  measure: WaktuMeasure;
  /** The Waktu states a time the engine dates visits by; false: "no standard" (never 0%). */
  hasStandard: boolean;
  /** A conditional row the clerk is asked about (`condition.asked`), which may be skipped. */
  asked: boolean;
}

function statesTime(parsed: ParsedWaktu): boolean {
  switch (parsed.kind) {
    case 'amount':
    case 'window':
      return true;
    case 'alternatives':
      return parsed.options.some(statesTime);
    default:
      return false;
  }
}

export function monevStepInfo(step: Step, row: number): MonevStepInfo {
  const passThrough = step.kind === 'connector';
  const actor = workActorsOf(step)[0] ?? signOffChainOf(step)[0]?.actors[0];
  const number = step.number?.replace(/\.$/, '');
  return {
    stepId: step.id,
    row,
    ...(number ? { number } : {}),
    name: plainTextOf(step.text),
    ...(actor ? { actor } : {}),
    waktu: step.waktu?.raw ?? '',
    measure: step.waktu?.measure ?? 'work',
    hasStandard: !passThrough && statesTime(parseWaktu(step.waktu?.raw ?? '')),
    asked: !passThrough && typeof step.condition === 'object' && step.condition !== null && step.condition.asked === true,
  };
}

/** The steps of one flow (the first when `flowId` is absent), in row order. */
export function monevStepsOf(sop: SopDocument, flowId?: string): MonevStepInfo[] {
  const flow = findFlow(sop, flowId);
  return flow ? flow.steps.map((step, i) => monevStepInfo(step, i + 1)) : [];
}
