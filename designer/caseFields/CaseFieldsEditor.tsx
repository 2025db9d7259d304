import { useId, useState } from 'react';
import { command } from '../../core/document';
import type { CaseField } from '../../schemas/generated/sop.types';
import { flowName } from '../../core/model/flowName';
import { useI18n, useT } from '../../ui/i18n';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import { stepLabel } from '../editor/describeLocation';
import { SelectField, TextField } from '../properties/fields';
import { cleanTypedText, SOP_LIMITS } from '../../core/validation/limits';
import { plainTextOf } from '../../core/text/richText';

const TYPES: readonly CaseField['type'][] = ['text', 'longText', 'number', 'date', 'choice', 'nik', 'phone', 'file'];

/** The case data the runtime's forms collect: label, type, required, the step that collects it. */
export function CaseFieldsEditor() {
  const t = useT();
  const store = useEditorStore();
  const { doc, ui } = useEditorSnapshot();
  const fields = doc.caseFields ?? [];
  const selectedId = ui.selection.kind === 'caseField' ? ui.selection.id : fields[0]?.id;
  const selected = fields.find((f) => f.id === selectedId);
  const [label, setLabel] = useState('');
  const newId = useId();
  const add = () => {
    if (!label.trim()) return;
    const outcome = store.run(command('caseField.add', { field: { label: label.trim(), type: 'text', required: false } }));
    if (outcome.ok) setLabel('');
  };
  return (
    <section className="properties" aria-labelledby="case-fields-heading">
      <h3 id="case-fields-heading" className="properties__heading">
        {t('designer.caseFields.heading')}
      </h3>
      <p className="field__hint">{t('designer.caseFields.intro')}</p>
      {fields.length > 0 && (
        <ol className="lane-list" aria-label={t('designer.caseFields.list')}>
          {fields.map((field, index) => (
            <li key={field.id} className={`lane-list__item ${field.id === selectedId ? 'lane-list__item--selected' : ''}`}>
              <button type="button" className="link-button" aria-pressed={field.id === selectedId} onClick={() => store.select({ kind: 'caseField', id: field.id })}>
                {field.label}
              </button>
              <span className="muted">
                {t(`designer.fieldType.${field.type}`)}
                {field.required ? ` · ${t('designer.caseFields.required')}` : ''}
              </span>
              <span className="list-editor__buttons">
                <button type="button" className="button button--small button--quiet" disabled={index === 0} aria-label={t('designer.list.up', { item: field.label })} onClick={() => store.run(command('caseField.reorder', { fieldId: field.id, toIndex: index - 1 }), { select: false })}>
                  ↑
                </button>
                <button type="button" className="button button--small button--quiet" disabled={index === fields.length - 1} aria-label={t('designer.list.down', { item: field.label })} onClick={() => store.run(command('caseField.reorder', { fieldId: field.id, toIndex: index + 1 }), { select: false })}>
                  ↓
                </button>
                <button type="button" className="button button--small button--quiet" aria-label={t('designer.list.remove', { item: field.label })} onClick={() => store.run(command('caseField.remove', { fieldId: field.id }), { select: false })}>
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="field">
        <label htmlFor={newId}>{t('designer.caseFields.newLabel')}</label>
        <div className="list-editor__item">
          <input
            id={newId}
            value={label}
            maxLength={SOP_LIMITS.shortText}
            placeholder={t('designer.caseFields.newPlaceholder')}
            onChange={(event) => setLabel(cleanTypedText(event.target.value))}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button button--small" disabled={!label.trim()} onClick={add}>
            {t('designer.caseFields.add')}
          </button>
        </div>
      </div>
      {selected && <CaseFieldForm key={selected.id} field={selected} />}
    </section>
  );
}

function CaseFieldForm({ field }: { field: CaseField }) {
  const { t, lang } = useI18n();
  const store = useEditorStore();
  const { doc } = useEditorSnapshot();
  const requiredId = useId();
  const update = (changes: Parameters<typeof command<'caseField.update'>>[1]['changes']) =>
    store.run(command('caseField.update', { fieldId: field.id, changes }), { select: false });
  const steps = doc.flows.flatMap((flow, f) => flow.steps.map((step, i) => ({ value: step.id, label: `${doc.flows.length > 1 ? `${flowName(flow, f)[lang]} · ` : ''}${stepLabel(step, i, t)}: ${plainTextOf(step.text).slice(0, 40)}` })));
  return (
    <fieldset className="field case-field-form">
      <legend>{field.label}</legend>
      <TextField label={t('designer.caseFields.label')} value={field.label} focusKey="label" onChange={(label) => update({ label })} />
      <SelectField label={t('designer.caseFields.type')} value={field.type} focusKey="type" options={TYPES.map((type) => ({ value: type, label: t(`designer.fieldType.${type}`) }))} onChange={(type) => update({ type })} />
      <label className="choice" htmlFor={requiredId}>
        <input id={requiredId} type="checkbox" checked={field.required} onChange={(event) => update({ required: event.target.checked })} />
        {t('designer.caseFields.requiredLong')}
      </label>
      <SelectField
        label={t('designer.caseFields.step')}
        value={field.step ?? ''}
        focusKey="step"
        options={[{ value: '', label: t('designer.caseFields.anyStep') }, ...steps]}
        onChange={(step) => update({ step: step === '' ? null : step })}
      />
      {field.type === 'choice' && (
        <TextField
          label={t('designer.caseFields.options')}
          value={(field.options ?? []).join('\n')}
          multiline
          maxLength={SOP_LIMITS.longText}
          rows={3}
          focusKey="options"
          hint={t('designer.caseFields.optionsHint')}
          onChange={(text) => update({ options: text === '' ? null : text.split('\n') })}
        />
      )}
      <TextField label={t('designer.caseFields.help')} value={field.help ?? ''} focusKey="help" onChange={(help) => update({ help: help === '' ? null : help })} />
    </fieldset>
  );
}
