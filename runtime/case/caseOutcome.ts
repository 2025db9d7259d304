import { caseOutcome, type CaseOutcome, type CaseState } from '../../core/engine';
import type { MessageKey } from '../../core/i18n';

/**
 * How the screens name a case's state: its outcome once it has ended (a
 * rejected case reads "Ditolak", never "Selesai"), its status while it runs.
 * The key and a CSS modifier that colours a rejection like a refusal.
 */
export function caseStatusDisplay(state: Pick<CaseState, 'status' | 'outcome'>): { key: MessageKey; modifier: string; outcome?: CaseOutcome } {
  const outcome = caseOutcome(state);
  if (state.status === 'finished' && outcome) return { key: `caseFlow.outcome.${outcome}`, modifier: outcome === 'selesai' ? 'finished' : outcome, outcome };
  return { key: `runtime.case.status.${state.status}`, modifier: state.status };
}
