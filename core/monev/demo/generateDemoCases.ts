/**
 * Realistic demo case histories for an SOP, so the monev dashboards have
 * something to show before an office has real cases, and the benchmark has
 * 100,000 of them.
 *
 * Every history is made the way a real one is: commands with explicit times
 * go through the engine's `decide`, and the case is the fold of the events it
 * answers (never hand-built events), so each is a valid case of the SOP.
 * Deterministic for a seed (mulberry32): the same options give the same cases
 * on every machine.
 *
 * What makes it look real:
 * - cases start in office hours on working days; more on Mondays, fewer on
 *   Fridays, and the months differ (a seasonal pattern, jittered by the seed);
 * - each step takes a working time drawn around its Waktu (log-normal: most
 *   within the standard, a long tail), one or two steps per SOP are
 *   chronically slow (so a "worst step" exists), a hand-over between offices
 *   sometimes queues, and steps without a Waktu take a plausible time; time
 *   runs on the working calendar (core/sla addWorkingMinutes);
 * - decisions mostly take their "yes" branch; some cases are rejected (a
 *   "no" branch, a rejecting end, or, for an SOP without one, a cancellation
 *   saying why); some are returned to an earlier step or to the applicant with
 *   a reason and resumed later (or never: cancelled after 30 working days);
 *   a few are cancelled; asked rows are sometimes skipped; sign-off chains
 *   are signed slot by slot by the positions' people;
 * - every command is given by a person of the office that owns the step's
 *   lane (defaultDemoOffices, or the offices given);
 * - commands after `now` are not given: those cases stay open (or returned).
 */
import type { CaseField, Edge, Flow, SopDocument, Step } from '../../../schemas/generated/sop.types';
import {
  applyEvent,
  canSkip,
  caseCodeOf,
  decide,
  fieldsCollectedAt,
  findFlow,
  formatCaseNumber,
  indexFlow,
  isBirthDateField,
  returnTargets,
  visitAction,
  type AttachmentRef,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type CommandBy,
  type FieldValues,
  type StepSubmission,
  type Visit,
} from '../../engine';
import {
  DEFAULT_WORKING_CALENDAR,
  addMonths,
  addWorkingMinutes,
  isWorkingDay,
  localDateOf,
  nextWorkingMoment,
  stepDueFromWaktu,
  workingIntervalsOn,
  workingMinutesBetween,
  type WorkingCalendarConfig,
} from '../../sla';
import { addDaysToDate, type LocalDate } from '../../sla/zonedTime';
import type { PersonRef } from '../../people/person';
import { plainTextOf } from '../../text/richText';
import { parseWaktu } from '../../waktu/parse';
import { defaultDemoOffices, personName, regionOf, type DemoClerk, type DemoOffice } from './demoOffices';
import {
  ADDRESSES,
  APPLICANT_GONE_REASON,
  CANCEL_REASONS,
  MISSING_REQUIREMENT_REASONS,
  REJECTION_CANCEL_REASONS,
  RESUME_NOTES,
  RETURN_TO_APPLICANT_REASONS,
  RETURN_TO_STEP_REASONS,
  SKIP_NOTES,
  WAIVER_REASONS,
  WORK_NOTES,
} from './demoTexts';
import { deriveSeed, seededRandom, uuidV7At, type Random } from './random';

export type { DemoClerk, DemoOffice } from './demoOffices';
export { defaultDemoOffices } from './demoOffices';

export interface DemoCaseOptions {
  /** Same seed, same cases (default 1). */
  seed?: number;
  /** First possible start, ms (default: `months` before `now`). */
  from?: number;
  /** Length of the period cases start in (default 6). */
  months?: number;
  /** Mean number of cases started on an ordinary working day (default 8); ignored when `total` is given. */
  casesPerWorkingDay?: number;
  /**
   * This many cases, spread over the period by weekday and month; a few fewer when `now` (or `from`) cuts a
   * day short, since starts drawn after it (or before it) are left out.
   */
  total?: number;
  /** The office's working calendar (default: core/sla's Indonesian government week). */
  calendar?: WorkingCalendarConfig;
  /** Who works the cases (default: defaultDemoOffices(sop, seed)). */
  offices?: DemoOffice[];
  /** The present, ms: nothing happens after it, so cases still running then stay open (default: the period's end). */
  now?: number;
  /** Flow to run (default: the SOP's first). */
  flowId?: string;
  /**
   * Only the cases at these positions (in start order, from 0): for generating in parallel, each worker a range.
   * They are exactly the cases a whole run makes there, case numbers included.
   */
  range?: { first: number; count: number };
}

export interface DemoCase {
  caseId: string;
  events: CaseEvent[];
  /** The fold of `events`, as the engine left it. */
  state: CaseState;
}

/** The cases, in start order; lazily, so 100,000 of them never sit in memory at once. */
export function* generateDemoCases(sop: SopDocument, options: DemoCaseOptions = {}): Generator<DemoCase> {
  const plan = planDemo(sop, options);
  const first = options.range?.first ?? 0;
  const end = options.range ? first + options.range.count : Infinity;
  let index = 0;
  for (const day of plan.days) {
    if (index >= end) return;
    const dayRandom = seededRandom(deriveSeed(plan.seed, 1, day.ordinal));
    const starts = startTimes(plan.calendar, day.date, day.count, dayRandom).filter((ms) => ms >= plan.from && ms < plan.now);
    for (const startMs of starts) {
      if (index >= end) return;
      const random = seededRandom(deriveSeed(plan.seed, 2, index));
      // Cases before the range are only opened: their case numbers count, nothing else is worked out.
      if (index < first) openCase(plan, startMs, random);
      else yield simulateCase(plan, startMs, random);
      index++;
    }
  }
}

// ---------------------------------------------------------------- the plan

interface StepProfile {
  step: Step;
  /** Working minutes the Waktu allows, measured once from a reference start; undefined without a usable Waktu. */
  standard?: number;
  measure: 'work' | 'limit' | 'wait';
  slow: boolean;
  /** The lane whose people answer for the step's work. */
  lane?: string;
  citizen: boolean;
  requiredIds: string[];
  optionalIds: string[];
  /** For decisions: the branches a clerk takes when all is well, and the rejecting ones. */
  yes: Edge[];
  no: Edge[];
}

interface DemoPlan {
  sop: SopDocument;
  flow: Flow;
  seed: number;
  calendar: WorkingCalendarConfig;
  from: number;
  now: number;
  days: { date: LocalDate; ordinal: number; count: number }[];
  profiles: Map<string, StepProfile>;
  startStep: Step;
  offices: DemoOffice[];
  /** Per lane, the offices serving it. */
  officesByLane: Map<string, DemoOffice[]>;
  areas: { name: string; weight: number }[];
  /** Clerks as events carry them (without the demo-only lanes and position). */
  people: Map<DemoClerk, PersonRef>;
  region: ReturnType<typeof regionOf>;
  caseCode: string;
  /** Whether some branch leads to a rejecting end; without one, rejections are cancellations with a reason. */
  hasRejectingEnd: boolean;
  sequences: Map<string, number>;
  deviceCodes: Map<string, string>;
  /** Per office, the people who may act in a lane (and position): built on first use. */
  pools: Map<DemoOffice, Map<string, PersonRef[]>>;
}

const WEEKDAY_FACTOR = [0, 1.3, 1.1, 1, 0.95, 0.7, 0];
/** January and July are busy (insurance renewals, the school year); December and Ramadan months are quiet. */
const MONTH_FACTOR = [1.2, 1.05, 0.95, 0.85, 0.95, 1.05, 1.25, 1.1, 1, 0.95, 1, 0.8];

function planDemo(sop: SopDocument, options: DemoCaseOptions): DemoPlan {
  const seed = (options.seed ?? 1) >>> 0;
  const calendar = options.calendar ?? DEFAULT_WORKING_CALENDAR;
  const months = options.months ?? 6;
  const nowGiven = options.now;
  const from = options.from ?? addMonths(calendar, nowGiven ?? Date.now(), -months);
  const end = addMonths(calendar, from, months);
  const now = nowGiven ?? end;
  const flow = findFlow(sop, options.flowId);
  if (!flow || flow.steps.length === 0) throw new Error(`SOP ${sop.id} has no flow to generate cases for`);
  const index = indexFlow(flow);
  const startStep = flow.steps.find((s) => s.kind === 'start') ?? flow.steps[0]!;
  const random = seededRandom(deriveSeed(seed, 0));
  const offices = options.offices ?? defaultDemoOffices(sop, seed);
  const citizenLanes = new Set((sop.actors ?? []).filter((a) => a.kind === 'citizen').map((a) => a.id));

  // Steps: standards, lanes, branches, and which one or two are chronically slow.
  const reference = nextWorkingMoment(calendar, from);
  const profiles = new Map<string, StepProfile>();
  for (const step of flow.steps) {
    const lane = step.actors.find((a) => a.role === 'performs')?.actor ?? step.actors[0]?.actor;
    const due = step.kind === 'connector' ? null : stepDueFromWaktu(calendar, reference, step.waktu, parseWaktu(step.waktu?.raw ?? ''));
    const dueMs = due?.dueAt ?? due?.waitUntil;
    const standard = dueMs !== undefined && !due?.window ? workingMinutesBetween(calendar, reference, dueMs) : undefined;
    const requirements = step.requirements ?? [];
    profiles.set(step.id, {
      step,
      ...(standard !== undefined && standard > 0 ? { standard } : {}),
      measure: due?.measure ?? 'work',
      slow: false,
      ...(lane !== undefined ? { lane } : {}),
      citizen: lane !== undefined && citizenLanes.has(lane),
      requiredIds: requirements.filter((r) => r.mustCheck === true).map((r) => r.id),
      optionalIds: requirements.filter((r) => r.mustCheck !== true).map((r) => r.id),
      ...classifyBranches(step, index.outgoing.get(step.id) ?? [], index.steps, index.stepOrder),
    });
  }
  const candidates = [...profiles.values()].filter((p) => (p.step.kind === 'process' || p.step.kind === 'decision') && !p.citizen && p.measure !== 'wait');
  if (candidates.length > 0) {
    const worst = [...candidates].sort((a, b) => (b.step.requirements?.length ?? 0) - (a.step.requirements?.length ?? 0))[0]!;
    worst.slow = true;
    if (candidates.length >= 5) random.pick(candidates.filter((p) => p !== worst)).slow = true;
  }

  const officesByLane = new Map<string, DemoOffice[]>();
  for (const office of offices) {
    for (const lane of office.lanes) officesByLane.set(lane, [...(officesByLane.get(lane) ?? []), office]);
  }
  const areaWeights = new Map<string, number>();
  for (const office of offices) if (office.area) areaWeights.set(office.area, (areaWeights.get(office.area) ?? 0) + (office.weight ?? 1));
  const people = new Map<DemoClerk, PersonRef>();
  for (const office of offices) {
    for (const clerk of office.clerks) {
      people.set(clerk, { id: clerk.id, name: clerk.name, ...(clerk.nip ? { nip: clerk.nip } : {}), office: clerk.office ?? office.name });
    }
  }

  // Days: weight by weekday and month (each month jittered by the seed), then the number of cases per day.
  const days: { date: LocalDate; ordinal: number; weight: number; count: number }[] = [];
  const last = localDateOf(Math.min(end, now) - 1, calendar.timeZone);
  const monthJitter = new Map<string, number>();
  let ordinal = 0;
  for (let date = localDateOf(from, calendar.timeZone); compareDates(date, last) <= 0; date = addDaysToDate(date, 1), ordinal++) {
    if (!isWorkingDay(calendar, date)) continue;
    const monthKey = `${date.year}-${date.month}`;
    if (!monthJitter.has(monthKey)) monthJitter.set(monthKey, 0.88 + 0.24 * seededRandom(deriveSeed(seed, 3, date.year * 12 + date.month)).next());
    const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
    const weight = (WEEKDAY_FACTOR[weekday] || 0.8) * MONTH_FACTOR[date.month - 1]! * monthJitter.get(monthKey)!;
    days.push({ date, ordinal, weight, count: 0 });
  }
  const totalWeight = days.reduce((sum, d) => sum + d.weight, 0);
  if (options.total !== undefined) {
    // Largest remainder over the running sum: exactly `total` cases, in proportion to each day's weight.
    let running = 0;
    let given = 0;
    for (const day of days) {
      running += day.weight;
      const upTo = Math.round((options.total * running) / totalWeight);
      day.count = upTo - given;
      given = upTo;
    }
  } else {
    const mean = options.casesPerWorkingDay ?? 8;
    const meanWeight = days.length > 0 ? totalWeight / days.length : 1;
    for (const day of days) {
      const expected = (mean * day.weight) / meanWeight;
      const r = seededRandom(deriveSeed(seed, 4, day.ordinal));
      day.count = Math.max(0, Math.floor(expected * (0.8 + 0.4 * r.next()) + r.next()));
    }
  }

  return {
    sop,
    flow,
    seed,
    calendar,
    from,
    now,
    days: days.map(({ date, ordinal: o, count }) => ({ date, ordinal: o, count })),
    profiles,
    startStep,
    offices,
    officesByLane,
    areas: [...areaWeights].map(([name, weight]) => ({ name, weight })),
    people,
    region: regionOf(sop),
    caseCode: caseCodeOf(sop),
    hasRejectingEnd: flow.steps.some((s) => s.kind === 'end' && (s.outcome === 'ditolak' || s.outcome === 'dibatalkan')),
    sequences: new Map(),
    deviceCodes: new Map(),
    pools: new Map(),
  };
}

const compareDates = (a: LocalDate, b: LocalDate) => a.year - b.year || a.month - b.month || a.day - b.day;

const NEGATIVE_LABEL = /\b(tidak|belum|kurang|tolak|ditolak|gagal|salah|bukan|no|not)\b/i;

/** A decision's branches: "no" reads as one, loops back up the page, or ends in a rejection; the rest are "yes". */
function classifyBranches(step: Step, edges: readonly Edge[], steps: Map<string, Step>, order: Map<string, number>): { yes: Edge[]; no: Edge[] } {
  if (step.kind !== 'decision') return { yes: [], no: [] };
  const here = order.get(step.id) ?? 0;
  const isNo = (edge: Edge) => {
    if (NEGATIVE_LABEL.test(edge.label ?? '')) return true;
    const target = edge.to !== undefined ? steps.get(edge.to) : undefined;
    if (target && (order.get(target.id) ?? 0) <= here) return true;
    return target?.kind === 'end' && (target.outcome === 'ditolak' || target.outcome === 'dibatalkan');
  };
  const no = edges.filter(isNo);
  const yes = edges.filter((e) => !no.includes(e));
  if (yes.length > 0) return { yes, no };
  // Every branch reads as a "no": the one going furthest down the page is the way on.
  const forward = [...edges].sort((a, b) => (order.get(b.to ?? '') ?? -1) - (order.get(a.to ?? '') ?? -1));
  return { yes: forward.slice(0, 1), no: forward.slice(1) };
}

/** Start instants for one working day: in office hours, more in the morning, on whole minutes, sorted. */
function startTimes(calendar: WorkingCalendarConfig, date: LocalDate, count: number, random: Random): number[] {
  if (count <= 0) return [];
  const spans = workingIntervalsOn(calendar, date);
  if (spans.length === 0) return [];
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    // The morning span draws more people; nobody starts in the last quarter hour before a break or closing.
    const [s, e] = random.weighted(spans, ([a, b]) => (b - a) * (a === spans[0]![0] ? 1.6 : 1));
    const minutes = Math.max(1, Math.floor((e - s) / 60_000) - 15);
    out.push(s + random.int(0, minutes - 1) * 60_000);
  }
  return out.sort((a, b) => a - b);
}

// ---------------------------------------------------------------- one case

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A command as the simulation writes it; `send` adds the id, case, time and expected revision. */
type CaseInput = DistributiveOmit<CaseCommand, 'id' | 'caseId' | 'at' | 'expectedRevision'>;

interface VisitPlan {
  key: string;
  visitId: string;
  at: number;
  action: 'work' | 'sign' | 'skip' | 'returnApplicant' | 'returnStep' | 'cancel' | 'rejectByCancel';
}

const MAX_COMMANDS = 400;
const WORKING_DAY = 450;

/** The case's id, its offices and its number: the first draws of its random stream, in this order. */
function openCase(plan: DemoPlan, startMs: number, random: Random) {
  const caseId = uuidV7At(startMs, random);
  const lanes = assignOffices(plan, random);
  const intakeLane = plan.profiles.get(plan.startStep.id)?.lane;
  const intakeOffice = intakeLane !== undefined ? lanes.get(intakeLane) : undefined;
  const caseNumber = nextCaseNumber(plan, intakeOffice?.name ?? plan.sop.identity.office ?? plan.sop.id, startMs);
  return { caseId, lanes, intakeLane, intakeOffice, caseNumber };
}

function simulateCase(plan: DemoPlan, startMs: number, random: Random): DemoCase {
  const { sop, calendar } = plan;
  const { caseId, lanes, intakeLane, intakeOffice, caseNumber } = openCase(plan, startMs, random);
  const applicant = personName(random);
  const nik = demoNik(plan, random, applicant.female);
  let state: CaseState | undefined;
  const events: CaseEvent[] = [];
  const noCount = new Map<string, number>();
  let returns = 0;
  let rejectionAsked = false;
  let lastAt = startMs;

  const send = (input: CaseInput, atMs: number) => {
    const at = Math.max(atMs, lastAt);
    lastAt = at;
    const command = {
      ...input,
      id: uuidV7At(at, random),
      caseId,
      at: new Date(at).toISOString(),
      ...(input.type === 'case.start' ? {} : { expectedRevision: state!.revision }),
    } as CaseCommand;
    const result = decide(sop, state, command, { calendar });
    if (!result.ok) throw new Error(`Demo case ${caseId} of ${sop.id}: ${command.type} refused: ${result.rejection.code}: ${result.rejection.message.en}`);
    for (const event of result.events) {
      state = applyEvent(state, event);
      events.push(event);
    }
  };
  const byLane = (lane: string | undefined, position?: string): CommandBy => {
    const person = personFor(plan, lanes, lane, random, position);
    return { ...(lane !== undefined ? { actorId: lane } : {}), person };
  };

  // The start: the applicant comes to the receiving office, which gives the case its number.
  send(
    {
      type: 'case.start',
      ...(plan.flow.id !== sop.flows[0]?.id ? { flowId: plan.flow.id } : {}),
      fields: fieldValues(plan, fieldsCollectedAt(sop.caseFields, null), random, startMs, applicant.name, nik, intakeOffice),
      caseNumber,
      by: byLane(intakeLane),
    },
    startMs,
  );

  const plans = new Map<string, VisitPlan>();
  let pendingApplicant: { at: number; comesBack: boolean; lane?: string } | undefined;
  for (let n = 0; n < MAX_COMMANDS; n++) {
    const current = state!;
    if (current.status === 'finished' || current.status === 'cancelled') break;
    if (current.status === 'returned') {
      const next = pendingApplicant!;
      if (next.at > plan.now) break;
      pendingApplicant = undefined;
      if (next.comesBack) send({ type: 'case.resume', note: random.pick(RESUME_NOTES), by: byLane(next.lane) }, next.at);
      else send({ type: 'case.cancel', reason: APPLICANT_GONE_REASON, by: byLane(next.lane) }, next.at);
      continue;
    }
    // Plan each active visit once per phase (work, then each signature).
    const live = new Set<string>();
    for (const visit of current.visits) {
      if (visit.status !== 'active') continue;
      const key = `${visit.id}|${visit.phase}|${visit.signatures.length}`;
      live.add(key);
      if (!plans.has(key)) plans.set(key, planVisit(visit, key));
    }
    for (const key of plans.keys()) if (!live.has(key)) plans.delete(key);
    let next: VisitPlan | undefined;
    for (const p of plans.values()) if (!next || p.at < next.at) next = p;
    if (!next || next.at > plan.now) break;
    plans.delete(next.key);
    act(next);
  }
  if (!state) throw new Error(`Demo case ${caseId} did not start`);
  return { caseId, events, state };

  function planVisit(visit: Visit, key: string): VisitPlan {
    const profile = plan.profiles.get(visit.stepId)!;
    const current = state!;
    if (visit.phase === 'signing') {
      const slot = visit.chain[visit.signatures.length];
      const head = slot?.action === 'tandaTangan' || /kadis|kadin|kepala|bupati|sekda/i.test(slot?.position ?? '');
      const ready = Date.parse(visit.signatures.at(-1)?.at ?? visit.workDoneAt ?? visit.activatedAt);
      // A chain-only row's first signature also does its work.
      const extra = !visit.hasWork && visit.signatures.length === 0 ? workMinutes(profile, visit) : 0;
      return { key, visitId: visit.id, at: after(ready, extra + random.logNormal(head ? 150 : 40, 0.9)), action: 'sign' };
    }
    const ready = Date.parse(visit.activatedAt);
    if (canSkip(sop, current, visit) && random.chance(0.3)) return { key, visitId: visit.id, at: after(ready, random.int(5, 30)), action: 'skip' };
    const partly = () => after(ready, 0.5 * workMinutes(profile, visit));
    if (random.chance(0.001)) return { key, visitId: visit.id, at: partly(), action: 'cancel' };
    if (profile.step.kind === 'decision' && !plan.hasRejectingEnd && !rejectionAsked) {
      rejectionAsked = true;
      if (random.chance(0.03)) return { key, visitId: visit.id, at: partly(), action: 'rejectByCancel' };
    }
    if (returns < 2 && !profile.citizen && random.chance(profile.requiredIds.length > 0 ? 0.025 : 0.008)) {
      return { key, visitId: visit.id, at: partly(), action: 'returnApplicant' };
    }
    if (returns < 2 && visit.stepId !== plan.startStep.id && random.chance(0.012) && returnTargetOf(visit)) {
      return { key, visitId: visit.id, at: partly(), action: 'returnStep' };
    }
    return { key, visitId: visit.id, at: after(ready, workMinutes(profile, visit) + queueMinutes(profile, visit)), action: 'work' };
  }

  function act(p: VisitPlan): void {
    const current = state!;
    const visit = current.visits.find((v) => v.id === p.visitId)!;
    const profile = plan.profiles.get(visit.stepId)!;
    const step = profile.step;
    switch (p.action) {
      case 'skip': {
        const lane = visit.workActors[0] ?? visit.chain[0]?.actors[0];
        send({ type: 'step.skip', stepId: step.id, note: random.pick(SKIP_NOTES), by: byLane(lane) }, p.at);
        return;
      }
      case 'cancel':
        send({ type: 'case.cancel', reason: random.pick(CANCEL_REASONS), by: byLane(profile.lane) }, p.at);
        return;
      case 'rejectByCancel':
        send({ type: 'case.cancel', reason: random.pick(REJECTION_CANCEL_REASONS), by: byLane(profile.lane) }, p.at);
        return;
      case 'returnApplicant': {
        returns++;
        const missing = profile.requiredIds.length > 0 && random.chance(0.6) ? [random.pick(profile.requiredIds)] : [];
        const requirement = missing.length > 0 ? plainTextOf(step.requirements!.find((r) => r.id === missing[0])!.text).trim() : undefined;
        const reason = requirement ? random.pick(MISSING_REQUIREMENT_REASONS).replace('{req}', requirement) : random.pick(RETURN_TO_APPLICANT_REASONS);
        send({ type: 'case.return', stepId: step.id, to: { applicant: true }, reason, missing, by: byLane(profile.lane) }, p.at);
        // Most applicants come back within days; some never do.
        const comesBack = random.chance(0.92);
        const wait = comesBack ? Math.min(random.logNormal(2.5 * WORKING_DAY, 0.8), 25 * WORKING_DAY) : 30 * WORKING_DAY;
        pendingApplicant = { at: after(lastAt, wait), comesBack, ...(profile.lane !== undefined ? { lane: profile.lane } : {}) };
        return;
      }
      case 'returnStep': {
        returns++;
        const target = returnTargetOf(visit)!;
        send({ type: 'case.return', stepId: step.id, to: { stepId: target.id }, reason: random.pick(RETURN_TO_STEP_REASONS), by: byLane(profile.lane) }, p.at);
        return;
      }
      case 'sign': {
        const slot = visit.chain[visit.signatures.length]!;
        const lane = slot.actors.length > 1 && random.chance(0.2) ? slot.actors[1]! : (slot.actors[0] ?? profile.lane);
        const firstWork = !visit.hasWork && visit.workDoneAt === undefined;
        send(
          {
            type: 'step.signOff',
            stepId: step.id,
            actorId: lane ?? '',
            ...(slot.position !== undefined ? { position: slot.position } : {}),
            ...(firstWork ? submission(profile, p.at) : random.chance(0.15) ? { note: 'Paraf, sudah diperiksa' } : {}),
            by: byLane(lane, slot.position),
          },
          p.at,
        );
        return;
      }
      case 'work': {
        const action = visitAction(sop, current, visit);
        const lane = visit.workActors[0] ?? profile.lane;
        if (action?.kind === 'choose') {
          const edge = chooseBranch(profile, action.branches);
          send({ type: 'branch.choose', stepId: step.id, edgeId: edge.id, ...submission(profile, p.at), by: byLane(lane) }, p.at);
        } else {
          send({ type: 'step.complete', stepId: step.id, ...submission(profile, p.at), by: byLane(lane) }, p.at);
        }
        return;
      }
    }
  }

  function chooseBranch(profile: StepProfile, branches: readonly Edge[]): Edge {
    const yes = profile.yes.filter((e) => branches.includes(e));
    const no = profile.no.filter((e) => branches.includes(e));
    const times = noCount.get(profile.step.id) ?? 0;
    // Files that failed once come back complete more often: a second "no" is rarer than the first.
    if (no.length > 0 && random.chance((profile.slow ? 0.12 : 0.07) * 0.3 ** times)) {
      noCount.set(profile.step.id, times + 1);
      return random.pick(no);
    }
    if (yes.length === 0) return branches[0]!;
    return yes.length === 1 || random.chance(0.88) ? yes[0]! : random.pick(yes.slice(1));
  }

  /** The step a clerk sends a file back to: the latest earlier office step (not the applicant's own). */
  function returnTargetOf(visit: Visit) {
    const targets = returnTargets(sop, state!, visit).filter((s) => !plan.profiles.get(s.id)?.citizen && s.kind !== 'decision');
    return targets.at(-1);
  }

  function submission(profile: StepProfile, atMs: number): StepSubmission {
    const out: StepSubmission = {};
    const ticked = [...profile.requiredIds, ...profile.optionalIds.filter(() => random.chance(0.8))];
    if (profile.requiredIds.length > 0 && random.chance(0.03)) {
      const waived = random.pick(profile.requiredIds);
      out.waivers = [{ requirementId: waived, reason: random.pick(WAIVER_REASONS) }];
      out.ticked = ticked.filter((id) => id !== waived);
    } else if (ticked.length > 0) out.ticked = ticked;
    const fields = fieldValues(plan, fieldsCollectedAt(sop.caseFields, profile.step.id), random, atMs, applicant.name, nik, undefined);
    if (Object.keys(fields).length > 0) out.fields = fields;
    if (random.chance(0.1)) out.note = random.pick(WORK_NOTES);
    return out;
  }

  /** Working minutes a visit's work takes: around its Waktu, with a long tail; the slow steps mostly over it. */
  function workMinutes(profile: StepProfile, visit: Visit): number {
    const standard = profile.standard ?? defaultMinutes(profile.step);
    let minutes: number;
    if (profile.measure === 'wait') minutes = standard * random.logNormal(0.85, 0.35);
    else if (profile.measure === 'limit') minutes = standard * random.logNormal(0.35, 0.6);
    else if (profile.slow) minutes = standard * random.logNormal(1.8, 0.6) * (random.chance(0.15) ? 2 + 3 * random.next() : 1);
    else minutes = standard * random.logNormal(0.55, 0.45) * (random.chance(0.04) ? 2 + 6 * random.next() : 1);
    // A visit redone after a return is quicker: the file is known.
    if (visit.visitNo > 1) minutes *= 0.7;
    return Math.min(minutes, 60 * WORKING_DAY);
  }

  /** A file handed to another office sometimes waits in its queue before anyone opens it. */
  function queueMinutes(profile: StepProfile, visit: Visit): number {
    if (!visit.fromVisitId || profile.citizen) return 0;
    const fromStep = visit.fromVisitId.slice(0, visit.fromVisitId.lastIndexOf('#'));
    const fromLane = plan.profiles.get(fromStep)?.lane;
    if (fromLane === undefined || fromLane === profile.lane || lanes.get(fromLane) === lanes.get(profile.lane ?? '')) return 0;
    return random.chance(0.25) ? Math.min(random.logNormal(25, 0.9), 3 * WORKING_DAY) : 0;
  }

  /** `minutes` of working time after `ms`, on whole minutes, at least one. */
  function after(ms: number, minutes: number): number {
    return addWorkingMinutes(calendar, ms, Math.max(1, Math.round(minutes)));
  }
}

function defaultMinutes(step: Step): number {
  switch (step.kind) {
    case 'start':
      return 20;
    case 'decision':
      return 30;
    case 'end':
      return 30;
    default:
      return 60;
  }
}

/** For each lane, the office serving it in this case: one area (a kecamatan and its villages) when the offices have areas. */
function assignOffices(plan: DemoPlan, random: Random): Map<string, DemoOffice> {
  const area = plan.areas.length > 0 ? random.weighted(plan.areas, (a) => a.weight).name : undefined;
  const out = new Map<string, DemoOffice>();
  for (const [lane, offices] of plan.officesByLane) {
    const local = area !== undefined ? offices.filter((o) => o.area === area) : [];
    const pool = local.length > 0 ? local : offices;
    out.set(lane, random.weighted(pool, (o) => o.weight ?? 1));
  }
  return out;
}

const NO_OFFICE_PERSON: PersonRef = { id: 'contoh-petugas', name: 'Petugas Contoh' };

function personFor(plan: DemoPlan, lanes: Map<string, DemoOffice>, lane: string | undefined, random: Random, position?: string): PersonRef {
  const office = lane !== undefined ? lanes.get(lane) : undefined;
  if (!office) return NO_OFFICE_PERSON;
  const key = `${lane}|${position ?? ''}`;
  let byLane = plan.pools.get(office);
  if (!byLane) plan.pools.set(office, (byLane = new Map()));
  let pool = byLane.get(key);
  if (!pool) {
    const inLane = office.clerks.filter((c) => !c.lanes || c.lanes.includes(lane!));
    const holders = position !== undefined ? inLane.filter((c) => c.position === position) : inLane.filter((c) => c.position === undefined);
    const clerks = holders.length > 0 ? holders : inLane.length > 0 ? inLane : office.clerks;
    pool = clerks.length > 0 ? clerks.map((c) => plan.people.get(c)!) : [{ ...NO_OFFICE_PERSON, office: office.name }];
    byLane.set(key, pool);
  }
  return random.pick(pool);
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "SPM-2025-7KQX-0042": each receiving office numbers its cases per year, as its device would. */
function nextCaseNumber(plan: DemoPlan, office: string, startMs: number): string {
  let device = plan.deviceCodes.get(office);
  if (!device) {
    const r = seededRandom(deriveSeed(plan.seed, 5, ...[...office].map((c) => c.charCodeAt(0))));
    device = Array.from({ length: 4 }, () => CROCKFORD[r.int(0, 31)]).join('');
    plan.deviceCodes.set(office, device);
  }
  const year = localDateOf(startMs, plan.calendar.timeZone).year;
  const key = `${device}|${year}`;
  const sequence = (plan.sequences.get(key) ?? 0) + 1;
  plan.sequences.set(key, sequence);
  return formatCaseNumber({ code: plan.caseCode, year, device, sequence });
}

/** A NIK of the SOP's regency that passes checkNik: district, birth date (women +40), serial. */
function demoNik(plan: DemoPlan, random: Random, female: boolean): string {
  const district = random.pick(plan.region.districts).code;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = random.int(1, 28);
  return `${plan.region.nikPrefix}${district}${pad(day + (female ? 40 : 0))}${pad(random.int(1, 12))}${pad(random.int(40, 99))}${String(random.int(1, 2999)).padStart(4, '0')}`;
}

function fieldValues(
  plan: DemoPlan,
  fields: readonly CaseField[],
  random: Random,
  atMs: number,
  name: string,
  nik: string,
  office: DemoOffice | undefined,
): FieldValues {
  const out: FieldValues = {};
  for (const field of fields) {
    if (!field.required && (field.type === 'file' || random.chance(0.3))) continue;
    const text = `${field.id} ${field.label}`;
    switch (field.type) {
      case 'nik':
        out[field.id] = nik;
        break;
      case 'phone':
        out[field.id] = `08${random.pick(['12', '13', '21', '52', '57', '77', '95'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
        break;
      case 'number':
        out[field.id] = random.int(1, 6);
        break;
      case 'date': {
        const back = isBirthDateField(field) ? random.int(18 * 365, 75 * 365) : random.int(1, 60);
        out[field.id] = new Date(atMs - back * 86_400_000).toISOString().slice(0, 10);
        break;
      }
      case 'choice':
        if (field.options?.length) out[field.id] = random.pick(field.options);
        break;
      case 'file': {
        const file: AttachmentRef = { id: uuidV7At(atMs, random), name: `${field.id}.jpg`, type: 'image/jpeg', size: random.int(80_000, 900_000) };
        out[field.id] = [file];
        break;
      }
      default:
        if (/nama/i.test(text)) out[field.id] = name;
        else if (/alamat|domisili/i.test(text)) out[field.id] = `${random.pick(ADDRESSES)}, ${office?.name ?? plan.region.name}`;
        else out[field.id] = `Isian contoh ${field.label}`;
    }
  }
  return out;
}
