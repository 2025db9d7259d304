import { useId } from 'react';
import { command, type StepKind } from '../../core/document';
import type { Flow, Step, StepActor } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { stepLabel } from '../editor/describeLocation';
import { useEditorStore } from '../editor/EditorContext';
import { ActorsEditor } from './ActorsEditor';
import { SelectField, TextField } from './fields';
import { OutgoingEdges } from './OutgoingEdges';
import { RequirementsEditor } from './RequirementsEditor';
import { WaktuPreview } from './WaktuPreview';
import { SOP_LIMITS } from '../../core/validation/limits';

const KINDS: readonly StepKind[] = ['start', 'process', 'decision', 'end', 'connector'];

/** Everything about one step, each field edited through `step.update` (or the command of its own). */
export function StepProperties({ flow, step }: { flow: Flow; step: Step }) {
  const t = useT();
  const store = useEditorStore();
  const waktuHint = useId();
  const index = flow.steps.indexOf(step);
  const update = (changes: Parameters<typeof command<'step.update'>>[1]['changes']) =>
    store.run(command('step.update', { flowId: flow.id, stepId: step.id, changes }), { select: false });

  return (
    <section className="properties" aria-labelledby="step-properties-heading">
      <h3 id="step-properties-heading" className="properties__heading">
        {stepLabel(step, index, t)} · {t(`designer.kind.${step.kind}`)}
      </h3>
      <div className="properties__row">
        <TextField label={t('designer.step.number')} value={step.number ?? ''} maxLength={SOP_LIMITS.stepNumber} focusKey="number" onChange={(v) => update({ number: v === '' ? null : v })} />
        <SelectField
          label={t('designer.step.kind')}
          value={step.kind}
          focusKey="kind"
          options={KINDS.map((kind) => ({ value: kind, label: t(`designer.kind.${kind}`) }))}
          onChange={(kind) => store.run(command('step.changeKind', { flowId: flow.id, stepId: step.id, kind }), { select: false })}
        />
      </div>
      <TextField label={t('designer.step.text')} value={step.text} multiline rows={3} maxLength={SOP_LIMITS.longText} focusKey="text" onChange={(v) => update({ text: v })} />
      <ActorsEditor flow={flow} step={step} onChange={(actors: StepActor[]) => update({ actors })} />
      <RequirementsEditor step={step} onChange={(requirements) => update({ requirements: requirements.length > 0 ? requirements : null })} />
      <TextField
        label={t('designer.step.waktu')}
        value={step.waktu?.raw ?? ''}
        focusKey="waktu"
        placeholder={t('designer.step.waktuPlaceholder')}
        onChange={(v) => update({ waktuRaw: v === '' ? null : v })}
        hint={<WaktuPreview raw={step.waktu?.raw ?? ''} id={waktuHint} />}
      />
      <TextField label={t('designer.step.output')} value={step.output ?? ''} multiline maxLength={SOP_LIMITS.longText} focusKey="output" onChange={(v) => update({ output: v === '' ? null : v })} />
      <TextField label={t('designer.step.remarks')} value={step.remarks ?? ''} multiline maxLength={SOP_LIMITS.longText} focusKey="remarks" onChange={(v) => update({ remarks: v === '' ? null : v })} />
      <TextField
        label={t('designer.step.condition')}
        value={step.condition ?? ''}
        multiline
        maxLength={SOP_LIMITS.longText}
        focusKey="condition"
        hint={t('designer.step.conditionHint')}
        onChange={(v) => update({ condition: v === '' ? null : v })}
      />
      {step.kind === 'connector' && (
        <TextField
          label={t('designer.step.symbolText')}
          value={step.symbolText ?? ''}
          focusKey="symbolText"
          onChange={(v) => update({ symbolText: v === '' ? null : v })}
        />
      )}
      <OutgoingEdges flow={flow} step={step} />
      <div className="properties__actions">
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            store.run(command('step.remove', { flowId: flow.id, stepId: step.id }));
            store.select({ kind: 'none' });
          }}
        >
          {t('designer.step.remove')}
        </button>
      </div>
    </section>
  );
}
