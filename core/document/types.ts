import type { LocalizedText } from '../validation/diagnostic';

export type { LocalizedText };

/** The kinds of things a command can touch, for selection and messages. */
export type ElementKind =
  | 'document'
  | 'identity'
  | 'headerBlock'
  | 'column'
  | 'actor'
  | 'flow'
  | 'lane'
  | 'step'
  | 'edge'
  | 'section'
  | 'caseField';

/** One thing in the document. `flowId` is set for lanes, steps, edges and sections. */
export interface ElementRef {
  kind: ElementKind;
  id?: string;
  flowId?: string;
}

export interface Change extends ElementRef {
  change: 'added' | 'removed' | 'updated';
}

/**
 * The answer of a rule ("may this happen?"). A refusal has a stable `code`
 * (for tests and telemetry) and a reason in both UI languages.
 */
export type RuleAnswer = { ok: true } | Refusal;

export interface Refusal {
  ok: false;
  code: string;
  reason: LocalizedText;
  data?: Record<string, unknown>;
}

export const ALLOWED: RuleAnswer = { ok: true };

export function refuse(code: string, reason: LocalizedText, data?: Record<string, unknown>): Refusal {
  return { ok: false, code, reason, ...(data ? { data } : {}) };
}
