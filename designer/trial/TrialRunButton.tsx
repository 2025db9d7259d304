import { useState } from 'react';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';

/** Puts the draft in the runtime's sandbox database and returns the URL of a trial case. */
export type StartTrialRun = (draft: SopDocument) => Promise<string>;

export interface TrialRunButtonProps {
  doc: SopDocument;
  /** Defaults to the runtime's sandbox, loaded only when the drafter asks for a trial. */
  startTrialRun?: StartTrialRun;
  /** Where the trial opens; a new tab by default, so the draft stays open here. */
  openUrl?: (url: string) => void;
}

// The runtime (and its Dexie schema) joins the designer's bundle only on demand.
const startInRuntimeSandbox: StartTrialRun = async (draft) => (await import('../../runtime/trial')).openTrialRun(draft);

function openInNewTab(url: string): void {
  window.open(url, '_blank', 'noopener');
}

/**
 * "Uji coba": try the SOP being drafted as a clerk would, without publishing
 * it. Trial cases live in a separate sandbox database, never among real ones.
 */
export function TrialRunButton({ doc, startTrialRun = startInRuntimeSandbox, openUrl = openInNewTab }: TrialRunButtonProps) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'starting' | 'failed'>('idle');
  const hasSteps = doc.flows.some((flow) => flow.steps.length > 0);

  async function start() {
    setState('starting');
    try {
      openUrl(await startTrialRun(doc));
      setState('idle');
    } catch {
      setState('failed');
    }
  }

  return (
    <>
      <button
        type="button"
        className="button"
        onClick={start}
        disabled={!hasSteps || state === 'starting'}
        title={hasSteps ? t('designer.trial.hint') : t('designer.trial.noSteps')}
      >
        {state === 'starting' ? t('designer.trial.starting') : t('designer.trial.button')}
      </button>
      {state === 'failed' && (
        <span role="alert" className="save-status save-status--failed">
          {t('designer.trial.failed')}
        </span>
      )}
    </>
  );
}
