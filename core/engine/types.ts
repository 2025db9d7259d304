/**
 * The case engine's data: commands a clerk issues, the events they produce,
 * and the case state, which is nothing but the fold of the events.
 *
 * Times are ISO 8601 strings in UTC (JSON-friendly, sortable); the working
 * calendar turns them into local office time when due times are computed.
 */
import type { PersonRef } from '../people/person';
import type { AttachmentRef, FieldValues } from './fields';

/** Which SOP a case runs on: the exact published revision, pinned by content hash. */
export interface SopPin {
  sopId: string;
  revision: number;
  /** SHA-256 of the SOP document's canonical JSON. */
  contentHash: string;
  flowId: string;
  title: string;
}

export type CaseStatus = 'open' | 'finished' | 'returned' | 'cancelled';

/**
 * How a finished case ended, from the end step it reached (schema v2 `Step.outcome`):
 * selesai (granted, done), ditolak (rejected), dirujuk (referred elsewhere), dibatalkan (cancelled).
 */
export type CaseOutcome = 'selesai' | 'ditolak' | 'dirujuk' | 'dibatalkan';

/** What a step's Waktu measures (schema v2 `Waktu.measure`); absent on a visit means work. */
export type WaktuMeasure = 'work' | 'limit' | 'wait';

/**
 * Who issued a command: the person (a local profile, later a server account)
 * and the actor (lane) they acted as. `user` is the bare name that events
 * written before people existed may carry; new events use `person`.
 */
export interface CommandBy {
  actorId?: string;
  person?: PersonRef;
  user?: string;
}

export interface Waiver {
  requirementId: string;
  reason: string;
}

/** What a clerk records when finishing work on a step (or signing it). */
export interface StepSubmission {
  /** Ids of the requirements ticked as present/checked. */
  ticked?: string[];
  /** Required requirements left unticked on purpose, each with a reason. */
  waivers?: Waiver[];
  /** Values of the case fields collected at this step. */
  fields?: FieldValues;
  output?: string;
  note?: string;
  /** Files captured at this step (photos/scans), by requirement or field. */
  attachments?: (AttachmentRef & { requirementId?: string; fieldId?: string })[];
}

interface CommandBase {
  /** Client-generated id (UUIDv7); a repeated id is a no-op. */
  id: string;
  caseId: string;
  /** When the clerk issued it. */
  at: string;
  by?: CommandBy;
}

interface CaseCommandBase extends CommandBase {
  /** The case revision the clerk saw; a different current revision rejects the command. */
  expectedRevision: number;
}

export interface StartCaseCommand extends CommandBase {
  type: 'case.start';
  /** Flow to run; the SOP's first flow when absent. */
  flowId?: string;
  /** Applicant data: the case fields with no collecting step. */
  fields?: FieldValues;
  /** Accept a draft SOP (trial runs only). */
  allowDraft?: boolean;
  /** The case number the device (or server) gave this case; see caseNumber.ts. */
  caseNumber?: string;
}

export interface CompleteStepCommand extends CaseCommandBase, StepSubmission {
  type: 'step.complete';
  stepId: string;
}

export interface ChooseBranchCommand extends CaseCommandBase, StepSubmission {
  type: 'branch.choose';
  stepId: string;
  edgeId: string;
}

export interface SignOffCommand extends CaseCommandBase, StepSubmission {
  type: 'step.signOff';
  stepId: string;
  /** The signer; must be the next in the chain (or their stated alternative). */
  actorId: string;
  /**
   * The position signing inside the lane's organisation (schema v2 `Step.signOffs`):
   * required when the next slot is a position's sign-off, and must be that position.
   */
  position?: string;
}

/** The clerk answers "no" to an asked condition (`Step.condition.asked`): the row does not apply. */
export interface SkipStepCommand extends CaseCommandBase {
  type: 'step.skip';
  stepId: string;
  note?: string;
}

export interface ReturnCommand extends CaseCommandBase {
  type: 'case.return';
  /** The active step being sent back. */
  stepId: string;
  /** An earlier step of this case, or the applicant. */
  to: { stepId: string } | { applicant: true };
  reason: string;
  /** Ids of the requirements found missing. */
  missing?: string[];
}

export interface ResumeCommand extends CaseCommandBase {
  type: 'case.resume';
  note?: string;
}

export interface CancelCommand extends CaseCommandBase {
  type: 'case.cancel';
  reason: string;
}

export type CaseCommand =
  | StartCaseCommand
  | CompleteStepCommand
  | ChooseBranchCommand
  | SignOffCommand
  | SkipStepCommand
  | ReturnCommand
  | ResumeCommand
  | CancelCommand;

export type CaseCommandType = CaseCommand['type'];

/**
 * One slot of a sign-off chain: the actor who signs, or either of several (alternatives).
 * A slot from `Step.signOffs` also names the position inside that lane's organisation
 * (Kasi, Kabid, Sekdin) and whether it initials (paraf) or signs (tandaTangan).
 */
export interface SignOffSlot {
  actors: string[];
  role: 'approves' | 'signs';
  position?: string;
  action?: 'paraf' | 'tandaTangan';
}

interface EventBase {
  /** `${commandId}:${index}`: deterministic, so the same command always makes the same events. */
  id: string;
  caseId: string;
  commandId: string;
  /** The case revision this event's command produced (all events of one command share it). */
  revision: number;
  at: string;
  by?: CommandBy;
  /** When the server received the command (set by the server; `at` stays the clerk's time). */
  recordedAt?: string;
}

export interface CaseStartedEvent extends EventBase {
  type: 'case.started';
  sop: SopPin;
  /** The number people use for this case ("SPM-2026-7KQX-0042"). */
  caseNumber?: string;
  fields: FieldValues;
  /** Overall due time from the SOP's longest path, when any step states a time. */
  caseDueAt?: string;
}

export interface StepActivatedEvent extends EventBase {
  type: 'step.activated';
  visitId: string;
  stepId: string;
  /** 1 for the first visit of this step, 2 for the next… */
  visitNo: number;
  /** join: a `join: "all"` step released once every path of its parallel region arrived (see parallel.ts). */
  via: 'start' | 'edge' | 'return' | 'resume' | 'join';
  fromVisitId?: string;
  edgeId?: string;
  /** For via join: the visits whose paths arrived at the join, in arrival order. */
  joined?: string[];
  /**
   * The parallel regions this visit runs inside, outermost first: the ids of the split
   * visits that forked them. Absent outside any region. See parallel.ts.
   */
  scope?: string[];
  /** The row's condition is asked (`condition.asked`): the clerk may answer that it does not apply (step.skip). */
  asked?: true;
  /** The step's Waktu measure when it is not work; a wait has no due time, only `waitUntil`. */
  measure?: 'limit' | 'wait';
  /** For a waiting step: when the wait is expected to be over. Never overdue: waiting is not the office's time. */
  waitUntil?: string;
  /** For an end step: how the case finishes when this visit is completed. */
  outcome?: CaseOutcome;
  /** Actors who do the work (performs); empty when only a sign-off chain acts. */
  workActors: string[];
  /** False when the step is nothing but a sign-off chain: its first signature does the work. */
  hasWork: boolean;
  chain: SignOffSlot[];
  dueAt?: string;
  /** For a calendar-window Waktu: when the window opens and closes, and whether it was open. */
  window?: { open: boolean; opensAt: string; closesAt: string };
  /** Connector steps pass straight through. */
  passThrough?: boolean;
}

export interface StepCompletedEvent extends EventBase {
  type: 'step.completed';
  visitId: string;
  stepId: string;
  submission: StepSubmission;
  /** The branch taken, for decisions. */
  branch?: { edgeId: string; label: string; toStepId?: string; leaves?: string };
  /** Set for connector steps, which pass through without a clerk. */
  auto?: boolean;
}

export interface StepSignedEvent extends EventBase {
  type: 'step.signed';
  visitId: string;
  stepId: string;
  slot: number;
  actorId: string;
  role: 'approves' | 'signs';
  /** For a position's sign-off: the position, and paraf or tandaTangan. */
  position?: string;
  action?: 'paraf' | 'tandaTangan';
  submission: StepSubmission;
}

/** An asked row that does not apply: the visit ends without its work and the case moves on. */
export interface StepSkippedEvent extends EventBase {
  type: 'step.skipped';
  visitId: string;
  stepId: string;
  note?: string;
}

/**
 * A path of a parallel region reached a `join: "all"` step and waits there for the
 * other paths of the same region activation (`forkId`). See parallel.ts.
 */
export interface JoinArrivedEvent extends EventBase {
  type: 'join.arrived';
  stepId: string;
  forkId: string;
  /** The arriving token's regions, outermost first; `forkId` is the last. */
  scope: string[];
  fromVisitIds: string[];
  edgeId?: string;
}

/** Every path of the region that could still arrive has arrived: the waiting paths go on as one. */
export interface JoinReleasedEvent extends EventBase {
  type: 'join.released';
  stepId: string;
  forkId: string;
  /** Released because nothing else could move (a cycle of joins waiting on each other), not because all arrived. */
  forced?: true;
}

/**
 * Active steps taken out of the case without being done: the path they were on
 * left its parallel region another way, or a rejecting end finished the case.
 */
export interface BranchesWithdrawnEvent extends EventBase {
  type: 'branches.withdrawn';
  visitIds: string[];
  /** Region activations whose waiting joins are dropped. */
  forkIds: string[];
  reason: { kind: 'regionLeft'; visitId: string; stepId: string } | { kind: 'caseEnded'; visitId: string; outcome: CaseOutcome };
}

/** The case waited (a step whose Waktu is a wait): its overall due time moves later by the working time waited. */
export interface CaseDueMovedEvent extends EventBase {
  type: 'case.dueMoved';
  visitId: string;
  caseDueAt: string;
  /** Working minutes added. */
  waitedMinutes: number;
}

export interface PathLeftEvent extends EventBase {
  type: 'path.left';
  visitId: string;
  stepId: string;
  edgeId: string;
  /** The agency or SOP the case continues at. */
  target: string;
}

export interface CaseReturnedEvent extends EventBase {
  type: 'case.returned';
  fromVisitIds: string[];
  to: { stepId: string } | { applicant: true };
  reason: string;
  missing: string[];
}

export interface CaseResumedEvent extends EventBase {
  type: 'case.resumed';
  note?: string;
}

export interface CaseCancelledEvent extends EventBase {
  type: 'case.cancelled';
  reason: string;
}

export interface CaseFinishedEvent extends EventBase {
  type: 'case.finished';
  /** Absent in events written before schema v2: such a case finished as selesai. */
  outcome?: CaseOutcome;
  /** The end step that decided the outcome, when one did. */
  endStepId?: string;
}

export type CaseEvent =
  | CaseStartedEvent
  | StepActivatedEvent
  | StepCompletedEvent
  | StepSignedEvent
  | StepSkippedEvent
  | JoinArrivedEvent
  | JoinReleasedEvent
  | BranchesWithdrawnEvent
  | CaseDueMovedEvent
  | PathLeftEvent
  | CaseReturnedEvent
  | CaseResumedEvent
  | CaseCancelledEvent
  | CaseFinishedEvent;

export type CaseEventType = CaseEvent['type'];

/** withdrawn: taken out without being done (its parallel region was left, or a rejecting end finished the case). */
export type VisitStatus = 'active' | 'done' | 'returned' | 'cancelled' | 'withdrawn';

export interface Signature {
  slot: number;
  actorId: string;
  role: 'approves' | 'signs';
  position?: string;
  action?: 'paraf' | 'tandaTangan';
  at: string;
  by?: CommandBy;
  note?: string;
}

/** One visit of a step: a step reached again (a loop, a return) is a new visit. */
export interface Visit {
  id: string;
  stepId: string;
  visitNo: number;
  /** Position among all visits of the case, from 0. */
  seq: number;
  status: VisitStatus;
  /** work: waiting for the work (or branch choice); signing: waiting for the next signature; done. */
  phase: 'work' | 'signing' | 'done';
  via: StepActivatedEvent['via'];
  fromVisitId?: string;
  edgeId?: string;
  workActors: string[];
  hasWork: boolean;
  chain: SignOffSlot[];
  signatures: Signature[];
  activatedAt: string;
  dueAt?: string;
  window?: StepActivatedEvent['window'];
  workDoneAt?: string;
  workDoneBy?: CommandBy;
  submission?: StepSubmission;
  branch?: StepCompletedEvent['branch'];
  auto?: boolean;
  /** When the visit ended (done, returned, cancelled or withdrawn). */
  endedAt?: string;
  leftTo?: string;
  joined?: string[];
  scope?: string[];
  asked?: true;
  /** The clerk answered that the asked row does not apply (by whom: workDoneBy). */
  skipped?: true;
  /** Why the visit was withdrawn. */
  withdrawn?: BranchesWithdrawnEvent['reason'];
  measure?: 'limit' | 'wait';
  waitUntil?: string;
  outcome?: CaseOutcome;
}

/** Paths of a parallel region waiting at a `join: "all"` step for the rest of that region activation. */
export interface JoinWait {
  stepId: string;
  forkId: string;
  scope: string[];
  arrivals: { visitId: string; edgeId?: string; at: string }[];
}

export interface ReturnRecord {
  at: string;
  by?: CommandBy;
  fromStepIds: string[];
  to: { stepId: string } | { applicant: true };
  reason: string;
  missing: string[];
}

export interface CaseState {
  id: string;
  /** The readable case number, when the case was given one (cases from before numbers were not). */
  number?: string;
  sop: SopPin;
  status: CaseStatus;
  /** Number of commands applied; the next command must expect this. */
  revision: number;
  startedAt: string;
  updatedAt: string;
  /** When the case finished or was cancelled. */
  closedAt?: string;
  startedBy?: CommandBy;
  caseDueAt?: string;
  /** Every case field value collected so far (applicant data and step fields). */
  fields: FieldValues;
  visits: Visit[];
  /** Every return, in order (to an earlier step or to the applicant). */
  returns: ReturnRecord[];
  cancelReason?: string;
  /** Ids of every command applied, so a repeated command does nothing. */
  commandIds: string[];
  /** Where paths left the SOP (another agency), in order. */
  leftTo: string[];
  /** How the case finished (schema v2); absent while open, and for cases finished before v2 (selesai). */
  outcome?: CaseOutcome;
  /** Paths waiting at joins; absent when none. */
  joins?: JoinWait[];
  /** End of the last wait already added to the case's due time, so overlapping waits count once. */
  waitedUntil?: string;
}

export type DecideResult =
  | { ok: true; events: CaseEvent[]; duplicate: boolean }
  | { ok: false; rejection: import('./messages').Rejection };
