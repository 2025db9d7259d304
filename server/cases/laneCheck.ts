/**
 * Whether a user may issue a command as the lane it needs. The engine checks
 * that the acting actor belongs to the step; it cannot know which actors a
 * person may act as. Here the user's positions (docs/sync-protocol.md
 * "Offices, users, lanes") decide: a position naming an actor of the step (or
 * of the sign-off slot, or of the SOP's start for a new case).
 */
import type { CaseCommand, CaseState, LocalizedText } from '../../core/engine';
import type { LaneRef } from '../../core/sync/protocol';
import type { SopDocument } from '../../schemas/generated/sop.types';

export interface LaneRefusal {
  code: 'lane.forbidden' | 'lane.noStart';
  message: LocalizedText;
}

const forbidden = (actors: readonly string[]): LaneRefusal => ({
  code: 'lane.forbidden',
  message: {
    id: `Anda tidak memegang lajur untuk perintah ini (${actors.join(', ') || 'lajur SOP ini'}).`,
    en: `You do not hold a lane for this command (${actors.join(', ') || "this SOP's lanes"}).`,
  },
});

/** Actors of the SOP's start step (of the flow the command names, or the first). */
export function startActorsOf(sop: SopDocument, flowId: string | undefined): string[] | undefined {
  const flow = flowId === undefined ? sop.flows[0] : sop.flows.find((f) => f.id === flowId);
  const start = flow && (flow.steps.find((s) => s.kind === 'start') ?? flow.steps[0]);
  return start ? (start.actors ?? []).map((a) => a.actor) : undefined;
}

/** The actors that may issue the command on this state; undefined when the engine will refuse it anyway. */
function actorsFor(sop: SopDocument, state: CaseState | undefined, command: CaseCommand): string[] | undefined {
  const active = (stepId: string) => state?.visits.find((v) => v.stepId === stepId && v.status === 'active');
  switch (command.type) {
    case 'case.start':
      return startActorsOf(sop, command.flowId);
    case 'step.signOff':
      return [command.actorId];
    case 'step.complete':
    case 'branch.choose':
    case 'step.skip': {
      const visit = active(command.stepId);
      if (!visit) return undefined;
      return visit.hasWork ? visit.workActors : visit.chain.flatMap((slot) => slot.actors);
    }
    case 'case.return': {
      const visit = active(command.stepId);
      if (!visit) return undefined;
      return [...visit.workActors, ...visit.chain.flatMap((slot) => slot.actors)];
    }
    case 'case.resume':
    case 'case.cancel':
      // No step names the actor: any lane the case has reached.
      return [...new Set(state?.visits.flatMap((v) => [...v.workActors, ...v.chain.flatMap((slot) => slot.actors)]) ?? [])];
  }
}

export function laneRefusal(sop: SopDocument, state: CaseState | undefined, command: CaseCommand, positions: readonly LaneRef[], officeLanes: readonly LaneRef[]): LaneRefusal | undefined {
  const held = positions.filter((p) => p.sopId === sop.id).map((p) => p.actorId);
  const claimed = command.by?.actorId;
  if (claimed !== undefined && !held.includes(claimed)) return forbidden([claimed]);
  const actors = actorsFor(sop, state, command);
  if (command.type === 'case.start') {
    const starts = actors ?? [];
    if (!officeLanes.some((l) => l.sopId === sop.id && starts.includes(l.actorId))) {
      return {
        code: 'lane.noStart',
        message: { id: 'Kantor Anda tidak memegang lajur yang memulai SOP ini.', en: 'Your office does not hold the lane that starts this SOP.' },
      };
    }
  }
  if (held.length === 0) return forbidden(actors ?? []);
  if (actors === undefined || actors.length === 0) return undefined;
  const actingAs = claimed !== undefined ? [claimed] : held;
  return actingAs.some((a) => actors.includes(a)) ? undefined : forbidden(actors);
}
