import { command, type StepKind } from '../../core/document';
import type { Flow, Step, StepActor } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { stepLabel } from '../editor/describeLocation';
import { useEditorStore } from '../editor/EditorContext';
import { ActorsEditor } from './ActorsEditor';
import { MarkupTextField } from './MarkupTextField';
import { SelectField, TextField } from './fields';
import { OutgoingEdges } from './OutgoingEdges';
import { RequirementsEditor } from './RequirementsEditor';
import { ReviewNotesList } from './ReviewNotesList';
import { SignOffsEditor } from './SignOffsEditor';
import { ConditionField, OutcomeField, StepFlagsFields, WaktuField } from './StepFlowFields';
import { useStepUpdate } from './useStepUpdate';
import { SOP_LIMITS } from '../../core/validation/limits';

const KINDS: readonly StepKind[] = ['start', 'process', 'decision', 'end', 'connector'];

/** Everything about one step, each field edited through `step.update` (or the command of its own). */
export function StepProperties({ flow, step }: { flow: Flow; step: Step }) {
  const t = useT();
  const store = useEditorStore();
  const index = flow.steps.indexOf(step);
  const update = useStepUpdate(flow, step);

  return (
    <section className="properties" aria-labelledby="step-properties-heading">
      <h3 id="step-properties-heading" className="properties__heading">
        {stepLabel(step, index, t)} · {t(`designer.kind.${step.kind}`)}
      </h3>
      <ReviewNotesList flow={flow} step={step} />
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
      <OutcomeField flow={flow} step={step} />
      <MarkupTextField label={t('designer.step.text')} value={step.text} multiline rows={3} maxLength={SOP_LIMITS.longText} focusKey="text" syntaxHint onChange={(text) => update({ text })} />
      <ActorsEditor flow={flow} step={step} onChange={(actors: StepActor[]) => update({ actors })} />
      {step.kind !== 'connector' && <SignOffsEditor flow={flow} step={step} />}
      <RequirementsEditor step={step} onChange={(requirements) => update({ requirements: requirements.length > 0 ? requirements : null })} />
      <WaktuField flow={flow} step={step} />
      <MarkupTextField label={t('designer.step.output')} value={step.output} multiline maxLength={SOP_LIMITS.longText} focusKey="output" onChange={(v) => update({ output: v === '' ? null : v })} />
      <MarkupTextField label={t('designer.step.remarks')} value={step.remarks} multiline maxLength={SOP_LIMITS.longText} focusKey="remarks" onChange={(v) => update({ remarks: v === '' ? null : v })} />
      <ConditionField flow={flow} step={step} />
      <StepFlagsFields flow={flow} step={step} />
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
