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
  | ReturnCommand
  | ResumeCommand
  | CancelCommand;

export type CaseCommandType = CaseCommand['type'];

/** One slot of a sign-off chain: the actor who signs, or either of several (alternatives). */
export interface SignOffSlot {
  actors: string[];
  role: 'approves' | 'signs';
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
  via: 'start' | 'edge' | 'return' | 'resume';
  fromVisitId?: string;
  edgeId?: string;
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
  submission: StepSubmission;
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
}

export type CaseEvent =
  | CaseStartedEvent
  | StepActivatedEvent
  | StepCompletedEvent
  | StepSignedEvent
  | PathLeftEvent
  | CaseReturnedEvent
  | CaseResumedEvent
  | CaseCancelledEvent
  | CaseFinishedEvent;

export type CaseEventType = CaseEvent['type'];

export type VisitStatus = 'active' | 'done' | 'returned' | 'cancelled';

export interface Signature {
  slot: number;
  actorId: string;
  role: 'approves' | 'signs';
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
  /** When the visit ended (done, returned or cancelled). */
  endedAt?: string;
  leftTo?: string;
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
}

export type DecideResult =
  | { ok: true; events: CaseEvent[]; duplicate: boolean }
  | { ok: false; rejection: import('./messages').Rejection };
