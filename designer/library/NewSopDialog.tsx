import { useId, useState } from 'react';
import { useT } from '../../ui/i18n';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { Dialog } from '../ui/Dialog';

export interface NewSopChoice {
  title: string;
  /** The sample to start from; undefined for a blank SOP. */
  sampleId?: string;
}

export interface NewSopDialogProps {
  open: boolean;
  samples: readonly SopDocument[];
  onCancel: () => void;
  onCreate: (choice: NewSopChoice) => void;
}

/** Asks for the new SOP's name and whether to start blank or from a sample. */
export function NewSopDialog({ open, samples, onCancel, onCreate }: NewSopDialogProps) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState<'blank' | 'sample'>('blank');
  const [sampleId, setSampleId] = useState(samples[0]?.id ?? '');
  const [showError, setShowError] = useState(false);
  const ids = { title: useId(), error: useId(), sample: useId() };

  const reset = () => {
    setTitle('');
    setFrom('blank');
    setShowError(false);
  };
  const submit = () => {
    const sample = samples.find((s) => s.id === sampleId);
    const name = title.trim() || (from === 'sample' && sample ? sample.identity.title : '');
    if (!name) {
      setShowError(true);
      return;
    }
    onCreate(from === 'sample' && sample ? { title: name, sampleId: sample.id } : { title: name });
    reset();
  };

  return (
    <Dialog
      open={open}
      title={t('designer.library.new.title')}
      onClose={() => {
        reset();
        onCancel();
      }}
      onSubmit={submit}
      actions={
        <>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              reset();
              onCancel();
            }}
          >
            {t('designer.common.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('designer.library.new.create')}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={ids.title}>{t('designer.library.new.name')}</label>
        <input
          id={ids.title}
          value={title}
          autoFocus
          aria-invalid={showError}
          aria-describedby={showError ? ids.error : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        {showError && (
          <p id={ids.error} className="field__error">
            {t('designer.library.new.nameRequired')}
          </p>
        )}
      </div>
      <fieldset className="field">
        <legend>{t('designer.library.new.from')}</legend>
        <label className="choice">
          <input type="radio" name="new-sop-from" checked={from === 'blank'} onChange={() => setFrom('blank')} />
          {t('designer.library.new.blank')}
        </label>
        <label className="choice">
          <input type="radio" name="new-sop-from" checked={from === 'sample'} onChange={() => setFrom('sample')} />
          {t('designer.library.new.sample')}
        </label>
        {from === 'sample' && (
          <div className="field">
            <label htmlFor={ids.sample}>{t('designer.library.new.sampleLabel')}</label>
            <select id={ids.sample} value={sampleId} onChange={(event) => setSampleId(event.target.value)}>
              {samples.map((sample) => (
                <option key={sample.id} value={sample.id}>
                  {sample.identity.title}
                  {sample.identity.number ? ` (${sample.identity.number})` : ''}
                </option>
              ))}
            </select>
          </div>
        )}
      </fieldset>
    </Dialog>
  );
}
