import { useCallback, useEffect, useMemo, useRef } from 'react';
import { reportFormInProgress } from '../../ui/pwa/formsInProgress';
import type { DraftFile, DraftRow, DraftValues } from '../storage/db';
import { draftHasContent } from './draftContent';

export interface StepInputReport {
  /** The clerk changed a step's form: it holds input unless everything was cleared again. */
  changed(visitId: string, values: DraftValues, files: readonly DraftFile[]): void;
  /** The step's work was committed: its form is no longer in progress. */
  finished(visitId: string): void;
}

/**
 * Tells the update prompt whether this case page holds a step form with the
 * clerk's input, so that it can say the input is kept across a reload. A draft
 * saved before the page opened (a reload mid-step) counts until the clerk
 * changes or finishes that step here.
 */
export function useStepInputInProgress(caseId: string, drafts: readonly DraftRow[], openVisitIds: readonly string[]): StepInputReport {
  const owner = `runtime-case:${caseId}`;
  const inputByVisit = useRef(new Map<string, boolean>());
  // Step drafts are written on every keystroke (write-ahead copy, then IndexedDB): a reload keeps them.
  const report = useCallback(() => reportFormInProgress(owner, [...inputByVisit.current.values()].some(Boolean) ? 'kept' : 'none'), [owner]);
  const openKey = openVisitIds.join('|');

  useEffect(() => {
    const open = new Set(openKey.split('|'));
    for (const draft of drafts) {
      if (open.has(draft.visitId) && !inputByVisit.current.has(draft.visitId)) inputByVisit.current.set(draft.visitId, draftHasContent(draft.values, draft.files));
    }
    report();
  }, [drafts, openKey, report]);

  useEffect(() => () => reportFormInProgress(owner, 'none'), [owner]);

  return useMemo(
    () => ({
      changed(visitId, values, files) {
        inputByVisit.current.set(visitId, draftHasContent(values, files));
        report();
      },
      finished(visitId) {
        inputByVisit.current.set(visitId, false);
        report();
      },
    }),
    [report],
  );
}
