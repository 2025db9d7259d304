import { STEP_OUTCOMES, WAKTU_MEASURES, type WaktuMeasure } from '../../core/document';
import { edgesIn } from '../../core/document/immutable';
import type { Flow, Step } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { CheckboxField, SelectField, TextField } from './fields';
import { useStepUpdate } from './useStepUpdate';
import { WaktuPreview } from './WaktuPreview';
import { useId } from 'react';
import { SOP_LIMITS } from '../../core/validation/limits';
import { MarkupTextField } from './MarkupTextField';

/** How a case that stops at this end finishes (required on an end, so there is no empty choice). */
export function OutcomeField({ flow, step }: { flow: Flow; step: Step }) {
  const t = useT();
  const update = useStepUpdate(flow, step);
  if (step.kind !== 'end') return null;
  return (
    <SelectField
      label={t('designer.step.outcome')}
      value={step.outcome ?? 'selesai'}
      focusKey="outcome"
      hint={t('designer.step.outcomeHint')}
      options={STEP_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`designer.outcome.${outcome}`) }))}
      onChange={(outcome) => update({ outcome })}
    />
  );
}

/** The Waktu text, what kind of time it is, and how it is understood. */
export function WaktuField({ flow, step }: { flow: Flow; step: Step }) {
  const t = useT();
  const update = useStepUpdate(flow, step);
  const previewId = useId();
  const raw = step.waktu?.raw ?? '';
  return (
    <div className="properties__row properties__row--waktu">
      <TextField
        label={t('designer.step.waktu')}
        value={raw}
        focusKey="waktu"
        placeholder={t('designer.step.waktuPlaceholder')}
        onChange={(v) => update({ waktuRaw: v === '' ? null : v })}
        hint={<WaktuPreview raw={raw} id={previewId} />}
      />
      <SelectField<WaktuMeasure>
        label={t('designer.step.waktuMeasure')}
        value={step.waktu?.measure ?? 'work'}
        focusKey="waktu/measure"
        disabled={step.waktu === undefined}
        options={WAKTU_MEASURES.map((measure) => ({ value: measure, label: t(`designer.measure.${measure}`) }))}
        onChange={(waktuMeasure) => update({ waktuMeasure })}
      />
    </div>
  );
}

/** A conditional row: the condition as written, and whether the clerk is asked it when the case runs. */
export function ConditionField({ flow, step }: { flow: Flow; step: Step }) {
  const t = useT();
  const update = useStepUpdate(flow, step);
  const condition = step.condition;
  return (
    <div className="field-group">
      <MarkupTextField
        label={t('designer.step.condition')}
        value={condition?.text}
        multiline
        maxLength={SOP_LIMITS.longText}
        focusKey="condition"
        hint={t('designer.step.conditionHint')}
        onChange={(v) => update({ condition: v === '' ? null : v })}
      />
      {condition && (
        <CheckboxField
          label={t('designer.step.conditionAsked')}
          checked={condition.asked}
          focusKey="condition/asked"
          hint={t('designer.step.conditionAskedHint')}
          onChange={(asked) => update({ condition: { text: condition.text, asked } })}
        />
      )}
    </div>
  );
}

/**
 * Parallel split and join, sub-row and continued text: each shown only where
 * it applies (a split from a start or process, a join where two or more
 * arrows arrive), or where the step already carries it, so it can be cleared.
 */
export function StepFlagsFields({ flow, step }: { flow: Flow; step: Step }) {
  const t = useT();
  const update = useStepUpdate(flow, step);
  const canSplit = step.kind === 'start' || step.kind === 'process';
  const canJoin = (step.kind === 'process' || step.kind === 'decision' || step.kind === 'end') && (edgesIn(flow, step.id).length >= 2 || step.join !== undefined);
  return (
    <fieldset className="field">
      <legend>{t('designer.step.flowAndRows')}</legend>
      {canSplit && <CheckboxField label={t('designer.step.split')} checked={step.split === 'parallel'} focusKey="split" onChange={(on) => update({ split: on ? 'parallel' : null })} />}
      {canJoin && <CheckboxField label={t('designer.step.join')} checked={step.join === 'all'} focusKey="join" onChange={(on) => update({ join: on ? 'all' : null })} />}
      <CheckboxField label={t('designer.step.subRow')} checked={step.subRow === true} focusKey="subRow" onChange={(subRow) => update({ subRow })} />
      <CheckboxField label={t('designer.step.textContinues')} checked={step.textContinues === true} focusKey="textContinues" onChange={(textContinues) => update({ textContinues })} />
    </fieldset>
  );
}
