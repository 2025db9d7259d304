import { useState } from 'react';
import type { EvaluationForm } from '../../core/monev/forms';
import { useI18n } from '../../ui/i18n';
import { DeviceStorageError } from '../../device';
import { useRuntime } from '../context';
import { MonevFormPage } from './MonevFormPage';

/**
 * A saved form with the designer hand-off plugged in: "Buka draf revisi di
 * Perancang" writes the hand-off and goes to the designer; a refusal (a
 * damaged form, a full disk) is said here and the form stays as it was.
 */
export function MonevFormRoute({ sopId, formId, go = (url) => window.location.assign(url) }: { sopId: string; formId: string; go?: (url: string) => void }) {
  const { t, lang } = useI18n();
  const { device, demo, now } = useRuntime();
  const [error, setError] = useState<string | null>(null);
  const open = async (form: EvaluationForm) => {
    setError(null);
    try {
      const { handOffToDesigner } = await import('./revisionDraftHandoff');
      go(await handOffToDesigner(device, form, { lang, demo, now: new Date(now).toISOString(), pageUrl: window.location.href }));
    } catch (failure) {
      // Device errors carry both languages; anything else says what it can.
      const text = failure instanceof DeviceStorageError ? failure.localized[lang] : failure instanceof Error ? failure.message : String(failure);
      setError(t('monev.handoff.failed', { error: text }));
    }
  };
  return (
    <>
      {error && <p role="alert">{error}</p>}
      <MonevFormPage sopId={sopId} formId={formId} onOpenRevisionDraft={(form) => void open(form)} />
    </>
  );
}
