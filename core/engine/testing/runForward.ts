/**
 * Runs a case forward to its end, for tests that show an SOP "runs as a
 * case": every requirement ticked, every field filled with a value of its
 * type, no returns or cancels; a branch is chosen by `choose` (by default the
 * first one that leads to a step the case has not visited yet, so loops are
 * taken once at most). Asked rows are skipped when `skip` says so.
 */
import type { CaseField, Edge, SopDocument, Step } from '../../../schemas/generated/sop.types';
import { fieldsCollectedAt, type FieldValues } from '../fields';
import type { CaseState } from '../types';
import { allowedCommands } from './allowedCommands';
import { CaseDriver, type CommandInput } from './caseDriver';

export interface RunForwardOptions {
  flowId?: string;
  choose?: (step: Step, branches: readonly Edge[], state: CaseState) => Edge;
  skip?: (stepId: string) => boolean;
  /** Gives up after this many commands (a case that never finishes is a finding). */
  limit?: number;
}

function valueFor(field: CaseField): FieldValues[string] {
  switch (field.type) {
    case 'nik': return '3510015205850002';
    case 'phone': return '081234567890';
    case 'number': return 1;
    case 'date': return '2020-01-02';
    case 'choice': return field.options?.[0] ?? '';
    case 'file': return [{ id: `file-${field.id}`, name: `${field.id}.pdf`, type: 'application/pdf', size: 1024 } as never];
    default: return `Isian ${field.label}`;
  }
}

const valuesFor = (sop: SopDocument, stepId: string | null): FieldValues =>
  Object.fromEntries(fieldsCollectedAt(sop.caseFields, stepId).map((f) => [f.id, valueFor(f)]));

function firstUnvisited(sop: SopDocument) {
  return (_step: Step, branches: readonly Edge[], state: CaseState): Edge =>
    branches.find((e) => e.to !== undefined && !state.visits.some((v) => v.stepId === e.to)) ?? branches.find((e) => e.to === undefined) ?? branches[0]!;
}

export function runForward(sop: SopDocument, options: RunForwardOptions = {}): CaseDriver {
  const driver = new CaseDriver(sop);
  const choose = options.choose ?? firstUnvisited(sop);
  driver.ok({ type: 'case.start', fields: valuesFor(sop, null), ...(options.flowId ? { flowId: options.flowId } : {}), ...(sop.revision.status === 'published' ? {} : { allowDraft: true }) });
  const steps = sop.flows.flatMap((f) => f.steps);
  for (let n = 0; n < (options.limit ?? 500); n++) {
    const state = driver.current;
    if (state.status === 'finished') return driver;
    const commands = allowedCommands(sop, state);
    const skip = commands.find((c) => c.type === 'step.skip' && options.skip?.(c.stepId));
    const complete = commands.find((c) => c.type === 'step.complete' || c.type === 'step.signOff');
    const decisions = commands.filter((c): c is Extract<CommandInput, { type: 'branch.choose' }> => c.type === 'branch.choose');
    let next: CommandInput | undefined = skip ?? complete;
    if (!next && decisions.length > 0) {
      const stepId = decisions[0]!.stepId;
      const step = steps.find((s) => s.id === stepId)!;
      const options = decisions.filter((c) => c.stepId === stepId);
      const edges = sop.flows.flatMap((f) => f.edges).filter((e) => options.some((c) => c.edgeId === e.id));
      const chosen = choose(step, edges, state);
      next = options.find((c) => c.edgeId === chosen.id);
    }
    if (!next) throw new Error(`${sop.id}: nothing to do in a ${state.status} case`);
    if ('fields' in next && next.fields && 'stepId' in next) next = { ...next, fields: valuesFor(sop, next.stepId) };
    driver.ok(next);
  }
  throw new Error(`${sop.id}: the case did not finish within ${options.limit ?? 500} commands`);
}
