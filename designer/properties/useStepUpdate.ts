import { command, type StepChanges } from '../../core/document';
import type { Flow, Step } from '../../schemas/generated/sop.types';
import { useEditorStore } from '../editor/EditorContext';

/** Runs `step.update` on this step, keeping the selection where it is (the panel stays on the step). */
export function useStepUpdate(flow: Flow, step: Step): (changes: StepChanges) => void {
  const store = useEditorStore();
  return (changes) => store.run(command('step.update', { flowId: flow.id, stepId: step.id, changes }), { select: false });
}
