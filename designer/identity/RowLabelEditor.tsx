import { useId, useState } from 'react';
import { command } from '../../core/document';
import type { IdentityLabelKey, IdentityRowSpec } from '../../core/identity/identityRows';
import { cleanTypedText, SOP_LIMITS } from '../../core/validation/limits';
import { useT } from '../../ui/i18n';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import { useRowLabels } from './rowLabels';

export interface RowLabelEditorProps {
  spec: IdentityRowSpec & { label: IdentityLabelKey };
  /** The label the row prints now (for the names of the controls). */
  label: string;
}

/**
 * The SOP's own label for a row ("Judul SOP" for Nama SOP), folded away until
 * asked for, and open while an override exists. The standard label is the
 * placeholder: an empty field means the standard label.
 */
export function RowLabelEditor({ spec, label }: RowLabelEditorProps) {
  const t = useT();
  const store = useEditorStore();
  const { doc } = useEditorSnapshot();
  const { defaultLabelOf } = useRowLabels();
  const inputId = useId();
  const hintId = useId();
  const labelKey = spec.label;
  const standard = defaultLabelOf(spec);
  const override = doc.identity.labels?.[labelKey];
  // Open at first when the SOP has its own label; afterwards the drafter opens and closes it (clearing the field must not fold it away).
  const [open, setOpen] = useState(override !== undefined);
  const bodyId = useId();
  const set = (text: string | null) => store.run(command('identityLabel.set', { label: labelKey, text }), { select: false });
  return (
    <div className="identity-row__label">
      <button type="button" className="link-button identity-row__label-toggle" aria-expanded={open} aria-controls={bodyId} aria-label={t('identityForm.label.editFor', { label })} onClick={() => setOpen(!open)}>
        {t('identityForm.label.edit')}
      </button>
      <div id={bodyId} className="identity-row__label-body" hidden={!open}>
        <input
          id={inputId}
          aria-label={t('identityForm.label.field', { label: standard })}
          aria-describedby={hintId}
          value={override ?? ''}
          placeholder={standard}
          maxLength={SOP_LIMITS.shortText}
          onChange={(event) => set(cleanTypedText(event.target.value))}
          onBlur={() => store.seal()}
        />
        <button type="button" className="button button--small" disabled={override === undefined} aria-label={t('identityForm.label.resetFor', { label: standard })} onClick={() => set(null)}>
          {t('identityForm.label.reset')}
        </button>
        <p id={hintId} className="field__hint">
          {t('identityForm.label.hint', { label: standard })}
        </p>
      </div>
    </div>
  );
}
