/**
 * Every command a clerk could give a case right now, with valid payloads:
 * the property tests walk random paths through these.
 */
import type { SopDocument } from '../../../schemas/generated/sop.types';
import { fieldsCollectedAt } from '../fields';
import { activeVisits, canSkip, returnTargets, visitAction } from '../queries';
import { requiredRequirements } from '../sopIndex';
import type { CaseState, StepSubmission } from '../types';
import type { CommandInput } from './caseDriver';

function submissionFor(sop: SopDocument, stepId: string, waiveFirst: boolean): StepSubmission {
  const step = sop.flows.flatMap((f) => f.steps).find((s) => s.id === stepId)!;
  const required = requiredRequirements(step).map((r) => r.id);
  const fields = Object.fromEntries(fieldsCollectedAt(sop.caseFields, stepId).map((f) => [f.id, `nilai ${f.id}`]));
  if (waiveFirst && required.length > 0) {
    return { ticked: required.slice(1), waivers: [{ requirementId: required[0]!, reason: 'Menyusul' }], fields };
  }
  return { ticked: required, fields };
}

export function allowedCommands(sop: SopDocument, state: CaseState): CommandInput[] {
  if (state.status === 'finished' || state.status === 'cancelled') return [];
  if (state.status === 'returned') {
    return [{ type: 'case.resume', note: 'Pemohon kembali' }, { type: 'case.cancel', reason: 'Tidak kembali' }];
  }
  const out: CommandInput[] = [];
  for (const visit of activeVisits(state)) {
    const action = visitAction(sop, state, visit);
    if (!action) continue;
    const actorId = action.kind === 'signOff' ? undefined : visit.workActors[0];
    const by = actorId ? { actorId } : undefined;
    if (action.kind === 'complete') {
      out.push({ type: 'step.complete', stepId: visit.stepId, ...submissionFor(sop, visit.stepId, false), ...(by ? { by } : {}) });
      out.push({ type: 'step.complete', stepId: visit.stepId, ...submissionFor(sop, visit.stepId, true), output: 'Hasil' });
    } else if (action.kind === 'choose') {
      for (const edge of action.branches) {
        out.push({ type: 'branch.choose', stepId: visit.stepId, edgeId: edge.id, ...submissionFor(sop, visit.stepId, false), ...(by ? { by } : {}) });
      }
    } else {
      const firstWork = !visit.hasWork && visit.workDoneAt === undefined;
      const position = action.slot.position !== undefined ? { position: action.slot.position } : {};
      for (const actor of action.slot.actors) {
        out.push({ type: 'step.signOff', stepId: visit.stepId, actorId: actor, ...position, ...(firstWork ? submissionFor(sop, visit.stepId, false) : { note: 'paraf' }) });
      }
    }
    if (canSkip(sop, state, visit)) out.push({ type: 'step.skip', stepId: visit.stepId, note: 'Tidak berlaku', ...(by ? { by } : {}) });
    for (const target of returnTargets(sop, state, visit)) {
      out.push({ type: 'case.return', stepId: visit.stepId, to: { stepId: target.id }, reason: 'Kurang lengkap', missing: [] });
    }
    out.push({ type: 'case.return', stepId: visit.stepId, to: { applicant: true }, reason: 'Berkas kurang' });
  }
  out.push({ type: 'case.cancel', reason: 'Dibatalkan pemohon' });
  return out;
}
