/**
 * `events -> state`: the case state is the left fold of its events. Pure and
 * total over well-formed event streams; every event carries what the fold
 * needs, so a case can be rebuilt without its SOP.
 */
import type { CaseEvent, CaseState, JoinWait, Visit } from './types';

function updateVisit(state: CaseState, visitId: string, change: (visit: Visit) => Visit): Visit[] {
  return state.visits.map((v) => (v.id === visitId ? change(v) : v));
}

/** Joins are kept absent when none wait, so states of cases without parallel regions stay as they always were. */
function withJoins(state: CaseState, joins: JoinWait[]): CaseState {
  if (joins.length > 0) return { ...state, joins };
  const { joins: _dropped, ...rest } = state;
  return rest;
}

function withCommand(state: CaseState, event: CaseEvent): CaseState {
  const last = state.commandIds[state.commandIds.length - 1];
  return {
    ...state,
    revision: event.revision,
    updatedAt: event.at,
    commandIds: last === event.commandId ? state.commandIds : [...state.commandIds, event.commandId],
  };
}

export function applyEvent(state: CaseState | undefined, event: CaseEvent): CaseState {
  if (event.type === 'case.started') {
    return {
      id: event.caseId,
      ...(event.caseNumber ? { number: event.caseNumber } : {}),
      sop: event.sop,
      status: 'open',
      revision: event.revision,
      startedAt: event.at,
      updatedAt: event.at,
      ...(event.by ? { startedBy: event.by } : {}),
      ...(event.caseDueAt ? { caseDueAt: event.caseDueAt } : {}),
      fields: { ...event.fields },
      visits: [],
      returns: [],
      commandIds: [event.commandId],
      leftTo: [],
    };
  }
  if (!state) throw new Error(`Event ${event.id} (${event.type}) comes before the case was started`);
  const s = withCommand(state, event);
  switch (event.type) {
    case 'step.activated': {
      const visit: Visit = {
        id: event.visitId,
        stepId: event.stepId,
        visitNo: event.visitNo,
        seq: s.visits.length,
        status: 'active',
        phase: event.hasWork ? 'work' : 'signing',
        via: event.via,
        workActors: event.workActors,
        hasWork: event.hasWork,
        chain: event.chain,
        signatures: [],
        activatedAt: event.at,
        ...(event.fromVisitId ? { fromVisitId: event.fromVisitId } : {}),
        ...(event.edgeId ? { edgeId: event.edgeId } : {}),
        ...(event.dueAt ? { dueAt: event.dueAt } : {}),
        ...(event.window ? { window: event.window } : {}),
        ...(event.joined ? { joined: event.joined } : {}),
        ...(event.scope && event.scope.length > 0 ? { scope: event.scope } : {}),
        ...(event.asked ? { asked: true as const } : {}),
        ...(event.measure ? { measure: event.measure } : {}),
        ...(event.waitUntil ? { waitUntil: event.waitUntil } : {}),
        ...(event.outcome ? { outcome: event.outcome } : {}),
      };
      return { ...s, status: 'open', visits: [...s.visits, visit] };
    }
    case 'step.completed': {
      const fields = { ...s.fields, ...(event.submission.fields ?? {}) };
      return {
        ...s,
        fields,
        visits: updateVisit(s, event.visitId, (v) => {
          const done = v.chain.length === 0;
          return {
            ...v,
            phase: done ? 'done' : 'signing',
            status: done ? 'done' : v.status,
            workDoneAt: event.at,
            ...(event.by ? { workDoneBy: event.by } : {}),
            submission: event.submission,
            ...(event.branch ? { branch: event.branch } : {}),
            ...(event.auto ? { auto: true } : {}),
            ...(done ? { endedAt: event.at } : {}),
          };
        }),
      };
    }
    case 'step.signed': {
      return {
        ...s,
        fields: { ...s.fields, ...(event.submission.fields ?? {}) },
        visits: updateVisit(s, event.visitId, (v) => {
          const signatures = [
            ...v.signatures,
            {
              slot: event.slot,
              actorId: event.actorId,
              role: event.role,
              ...(event.position !== undefined ? { position: event.position } : {}),
              ...(event.action ? { action: event.action } : {}),
              at: event.at,
              ...(event.by ? { by: event.by } : {}),
              ...(event.submission.note ? { note: event.submission.note } : {}),
            },
          ];
          const done = signatures.length >= v.chain.length;
          // A chain-only step: its first signature carries the work.
          const firstWork = !v.hasWork && v.workDoneAt === undefined;
          return {
            ...v,
            signatures,
            phase: done ? 'done' : 'signing',
            status: done ? 'done' : v.status,
            ...(firstWork ? { workDoneAt: event.at, submission: event.submission, ...(event.by ? { workDoneBy: event.by } : {}) } : {}),
            ...(done ? { endedAt: event.at } : {}),
          };
        }),
      };
    }
    case 'step.skipped':
      return {
        ...s,
        visits: updateVisit(s, event.visitId, (v) => ({
          ...v,
          status: 'done',
          phase: 'done',
          skipped: true,
          workDoneAt: event.at,
          ...(event.by ? { workDoneBy: event.by } : {}),
          submission: event.note ? { note: event.note } : {},
          endedAt: event.at,
        })),
      };
    case 'join.arrived': {
      const joins = s.joins ?? [];
      const arrivals = event.fromVisitIds.map((visitId) => ({ visitId, ...(event.edgeId ? { edgeId: event.edgeId } : {}), at: event.at }));
      const existing = joins.find((j) => j.stepId === event.stepId && j.forkId === event.forkId);
      return withJoins(
        s,
        existing
          ? joins.map((j) => (j === existing ? { ...j, arrivals: [...j.arrivals, ...arrivals] } : j))
          : [...joins, { stepId: event.stepId, forkId: event.forkId, scope: event.scope, arrivals }],
      );
    }
    case 'join.released':
      return withJoins(s, (s.joins ?? []).filter((j) => !(j.stepId === event.stepId && j.forkId === event.forkId)));
    case 'branches.withdrawn': {
      const withdrawn = new Set(event.visitIds);
      const forks = new Set(event.forkIds);
      return withJoins(
        {
          ...s,
          visits: s.visits.map((v) => (withdrawn.has(v.id) && v.status === 'active' ? { ...v, status: 'withdrawn', endedAt: event.at, withdrawn: event.reason } : v)),
        },
        (s.joins ?? []).filter((j) => !forks.has(j.forkId)),
      );
    }
    case 'case.dueMoved':
      return { ...s, caseDueAt: event.caseDueAt, waitedUntil: event.at };
    case 'path.left':
      return {
        ...s,
        leftTo: [...s.leftTo, event.target],
        visits: updateVisit(s, event.visitId, (v) => ({ ...v, leftTo: event.target })),
      };
    case 'case.returned': {
      const from = new Set(event.fromVisitIds);
      return {
        ...s,
        status: 'applicant' in event.to ? 'returned' : s.status,
        visits: s.visits.map((v) => (from.has(v.id) ? { ...v, status: 'returned', endedAt: event.at } : v)),
        returns: [
          ...s.returns,
          {
            at: event.at,
            ...(event.by ? { by: event.by } : {}),
            fromStepIds: s.visits.filter((v) => from.has(v.id)).map((v) => v.stepId),
            to: event.to,
            reason: event.reason,
            missing: event.missing,
          },
        ],
      };
    }
    case 'case.resumed':
      return { ...s, status: 'open' };
    case 'case.cancelled':
      return {
        ...withJoins(s, []),
        status: 'cancelled',
        closedAt: event.at,
        cancelReason: event.reason,
        visits: s.visits.map((v) => (v.status === 'active' ? { ...v, status: 'cancelled', endedAt: event.at } : v)),
      };
    case 'case.finished':
      return { ...withJoins(s, []), status: 'finished', closedAt: event.at, ...(event.outcome ? { outcome: event.outcome } : {}) };
  }
}

/** Rebuilds a case from its events (in revision order). */
export function foldEvents(events: readonly CaseEvent[]): CaseState | undefined {
  let state: CaseState | undefined;
  for (const event of events) state = applyEvent(state, event);
  return state;
}
