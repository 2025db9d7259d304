import { useId } from 'react';
import { actorLabel, findFlow, indexFlow, pendingJoins, stepName, visitCurrentActors, type CaseState, type Visit } from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { UserText } from '../../ui/UserText';

/**
 * The joins of a case's parallel branches that are still waiting: which step
 * waits, for which active steps (and their lanes), and which have arrived.
 * Nobody acts on a waiting join, so it is a notice, not a form.
 */
export function JoinWaiting({ sop, state }: { sop: SopDocument; state: CaseState }) {
  const pending = pendingJoins(sop, state);
  if (pending.length === 0) return null;
  return (
    <>
      {pending.map((join) => (
        <JoinCard key={`${join.wait.stepId}|${join.wait.forkId}`} sop={sop} state={state} join={join} />
      ))}
    </>
  );
}

function JoinCard({ sop, state, join }: { sop: SopDocument; state: CaseState; join: ReturnType<typeof pendingJoins>[number] }) {
  const { t } = useI18n();
  const headingId = useId();
  const flow = findFlow(sop, state.sop.flowId);
  const index = flow ? indexFlow(flow) : undefined;
  const numberOf = (stepId: string) => {
    const step = index?.steps.get(stepId);
    return step ? stepName(step) : stepId;
  };
  const describe = (visit: Visit, actors: string[]) =>
    t('caseFlow.join.step', { number: numberOf(visit.stepId), actors: actors.map((a) => actorLabel(sop, a)).join(', ') || '—' });
  const awaited = [
    ...join.awaitedVisits.map((v) => describe(v, visitCurrentActors(v))),
    ...join.awaitedJoins.map((w) => t('caseFlow.join.otherJoin', { number: numberOf(w.stepId) })),
  ];
  const arrived = join.arrived.map((v) => describe(v, v.workDoneBy?.actorId ? [v.workDoneBy.actorId] : v.workActors));
  return (
    <section className="rt-join" aria-labelledby={headingId} data-join={join.step.id}>
      <h3 id={headingId}>{t('caseFlow.join.heading', { number: stepName(join.step) })}</h3>
      {awaited.length > 0 && (
        <p className="rt-join__waiting">
          <UserText>{t('caseFlow.join.waitingFor', { steps: awaited.join('; ') })}</UserText>
        </p>
      )}
      {arrived.length > 0 && (
        <p className="rt-muted">
          <UserText>{t('caseFlow.join.arrived', { steps: arrived.join('; ') })}</UserText>
        </p>
      )}
    </section>
  );
}
