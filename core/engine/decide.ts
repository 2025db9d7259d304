/**
 * `(sop, state, command) -> events`: decides whether a command is allowed and
 * which events record it. Never mutates its inputs; the new state is the old
 * state folded with the events (see fold.ts).
 */
import type { CaseField, Edge, SopDocument, Step } from '../../schemas/generated/sop.types';
import {
  DEFAULT_WORKING_CALENDAR,
  addWorkingMinutes,
  caseDueFromFlow,
  stepDueFromWaktu,
  workingMinutesBetween,
  type WorkingCalendarConfig,
} from '../sla';
import { checkPersonRef } from '../people/person';
import { parseWaktu } from '../waktu/parse';
import { checkFieldValue, fieldsCollectedAt, normalizeFieldValue, type FieldValues } from './fields';
import { applyEvent } from './fold';
import { reject, type LocalizedText, type Rejection } from './messages';
import { joinIsReady, regionOfFork } from './parallel';
import {
  actorLabel,
  findFlow,
  indexFlow,
  pinSop,
  requiredRequirements,
  signOffChainOf,
  sopContentHash,
  stepHasWork,
  workActorsOf,
  type FlowIndex,
} from './sopIndex';
import type {
  BranchesWithdrawnEvent,
  CaseCommand,
  CaseEvent,
  CaseOutcome,
  CaseState,
  DecideResult,
  JoinWait,
  SignOffSlot,
  StartCaseCommand,
  StepActivatedEvent,
  StepSubmission,
  Visit,
} from './types';

export interface DecideOptions {
  /** Working calendar for due times; Indonesian government hours in WIB by default. */
  calendar?: WorkingCalendarConfig;
}

/** Connectors chained into a cycle would pass through forever; no real SOP has more than a few in a row. */
const MAX_PASS_THROUGH = 100;

type Emit = (event: DistributiveOmit<CaseEvent, 'id' | 'caseId' | 'commandId' | 'revision' | 'at' | 'by'>) => void;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

class Rejected extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message.en);
  }
}

function fail(...args: Parameters<typeof reject>): never {
  throw new Rejected(reject(...args));
}

export function decide(sop: SopDocument, state: CaseState | undefined, command: CaseCommand, options: DecideOptions = {}): DecideResult {
  try {
    return decideOrThrow(sop, state, command, options.calendar ?? DEFAULT_WORKING_CALENDAR);
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, rejection: error.rejection };
    throw error;
  }
}

function decideOrThrow(sop: SopDocument, state: CaseState | undefined, command: CaseCommand, calendar: WorkingCalendarConfig): DecideResult {
  if (!command || typeof command.id !== 'string' || command.id === '' || typeof command.caseId !== 'string' || command.caseId === '') {
    fail('command.invalid', 'Perintah tidak lengkap: id dan id kasus wajib ada.', 'Incomplete command: an id and a case id are required.');
  }
  const atMs = Date.parse(command.at);
  if (typeof command.at !== 'string' || Number.isNaN(atMs)) {
    fail('command.invalid', `Waktu perintah "${String(command.at)}" tidak sah.`, `The command time "${String(command.at)}" is not valid.`);
  }
  // A repeated command is answered before anything else: a retry after a lost reply must not fail.
  if (state && state.commandIds.includes(command.id)) return { ok: true, events: [], duplicate: true };
  checkCommandBy(command);

  if (command.type === 'case.start') {
    if (state) {
      fail('case.exists', `Kasus ${command.caseId} sudah dimulai.`, `Case ${command.caseId} has already been started.`);
    }
    return { ok: true, events: start(sop, command, atMs, calendar), duplicate: false };
  }
  if (!state) fail('case.missing', `Kasus ${command.caseId} tidak ditemukan.`, `Case ${command.caseId} does not exist.`);
  if (state.id !== command.caseId) {
    fail('command.invalid', 'Perintah ini untuk kasus lain.', 'This command is for another case.');
  }
  if (sop.id !== state.sop.sopId || sop.revision.number !== state.sop.revision || sopContentHash(sop) !== state.sop.contentHash) {
    fail(
      'sop.mismatch',
      `Kasus ini berjalan pada SOP ${state.sop.sopId} revisi ${state.sop.revision}; dokumen yang diberikan berbeda.`,
      `This case runs on SOP ${state.sop.sopId} revision ${state.sop.revision}; the document given is a different one.`,
    );
  }
  if (command.expectedRevision !== state.revision) {
    fail(
      'revision.stale',
      `Kasus ini sudah diubah di tempat lain (revisi ${state.revision}, Anda melihat revisi ${command.expectedRevision}). Muat ulang kasus lalu periksa kembali sebelum melanjutkan.`,
      `This case was changed elsewhere (revision ${state.revision}, you saw revision ${command.expectedRevision}). Reload the case and check it before going on.`,
    );
  }
  if (state.status === 'finished' || state.status === 'cancelled') {
    const what = state.status === 'finished' ? { id: 'sudah selesai', en: 'is finished' } : { id: 'sudah dibatalkan', en: 'is cancelled' };
    fail('case.closed', `Kasus ini ${what.id}; tidak ada langkah yang dapat diubah.`, `This case ${what.en}; no step can be changed.`);
  }
  if (state.status === 'returned' && command.type !== 'case.resume' && command.type !== 'case.cancel') {
    fail(
      'case.closed',
      'Kasus ini sedang dikembalikan kepada pemohon; lanjutkan kasus setelah pemohon melengkapi kekurangannya.',
      'This case is returned to the applicant; resume it once the applicant has supplied what was missing.',
    );
  }

  const flow = findFlow(sop, state.sop.flowId);
  if (!flow) fail('sop.noFlow', `Alur ${state.sop.flowId} tidak ada di SOP.`, `Flow ${state.sop.flowId} is not in the SOP.`);
  const index = indexFlow(flow);
  const builder = new EventBuilder(state, command, atMs, sop, index, calendar);

  switch (command.type) {
    case 'step.complete': {
      const { visit, step } = builder.activeVisit(command.stepId);
      if (step.kind === 'decision') {
        fail('step.isDecision', `Langkah ${stepName(step)} adalah keputusan: pilih salah satu cabangnya.`, `Step ${stepName(step)} is a decision: choose one of its branches.`);
      }
      builder.requireWorkPhase(visit, step);
      builder.requireWorkActor(visit, step);
      const submission = builder.checkSubmission(step, command);
      builder.emit({ type: 'step.completed', visitId: visit.id, stepId: step.id, submission });
      builder.afterProgress(visit.id);
      break;
    }
    case 'branch.choose': {
      const { visit, step } = builder.activeVisit(command.stepId);
      if (step.kind !== 'decision') {
        fail('step.notDecision', `Langkah ${stepName(step)} bukan keputusan; selesaikan langkah itu.`, `Step ${stepName(step)} is not a decision; complete it instead.`);
      }
      builder.requireWorkPhase(visit, step);
      builder.requireWorkActor(visit, step);
      const edge = (index.outgoing.get(step.id) ?? []).find((e) => e.id === command.edgeId);
      if (!edge) {
        const labels = (index.outgoing.get(step.id) ?? []).map((e) => `"${e.label ?? e.id}"`).join(', ');
        fail(
          'branch.unknown',
          `Cabang ${command.edgeId} tidak ada pada langkah ${stepName(step)}. Pilihan: ${labels}.`,
          `Branch ${command.edgeId} does not exist at step ${stepName(step)}. Choices: ${labels}.`,
        );
      }
      const submission = builder.checkSubmission(step, command);
      builder.emit({
        type: 'step.completed',
        visitId: visit.id,
        stepId: step.id,
        submission,
        branch: {
          edgeId: edge.id,
          label: edge.label ?? '',
          ...(edge.to !== undefined ? { toStepId: edge.to } : {}),
          ...(edge.leaves ? { leaves: edge.leaves.target } : {}),
        },
      });
      builder.afterProgress(visit.id);
      break;
    }
    case 'step.signOff': {
      const { visit, step } = builder.activeVisit(command.stepId);
      if (visit.chain.length === 0) {
        fail('step.noSignOff', `Langkah ${stepName(step)} tidak memerlukan paraf atau tanda tangan.`, `Step ${stepName(step)} needs no sign-off.`);
      }
      if (visit.phase === 'work') {
        fail(
          'signOff.outOfOrder',
          `Langkah ${stepName(step)} belum dikerjakan; paraf/tanda tangan menyusul setelahnya.`,
          `Step ${stepName(step)} has not been worked on yet; sign-off comes after it.`,
        );
      }
      const slotIndex = visit.signatures.length;
      const slot = visit.chain[slotIndex]!;
      checkSignOffTurn(sop, step, slot, command.actorId, command.position);
      // A chain-only step: the first signer also records the step's requirements and fields.
      const firstWork = !visit.hasWork && visit.workDoneAt === undefined;
      const submission = firstWork ? builder.checkSubmission(step, command) : noteOnly(command);
      builder.emit({
        type: 'step.signed',
        visitId: visit.id,
        stepId: step.id,
        slot: slotIndex,
        actorId: command.actorId,
        role: slot.role,
        ...(slot.position !== undefined ? { position: slot.position } : {}),
        ...(slot.action ? { action: slot.action } : {}),
        submission,
      });
      builder.afterProgress(visit.id);
      break;
    }
    case 'step.skip': {
      const { visit, step } = builder.activeVisit(command.stepId);
      if (!visit.asked) {
        fail('step.notAsked', `Langkah ${stepName(step)} tidak bersyarat: langkah ini selalu dikerjakan.`, `Step ${stepName(step)} has no condition to ask: it always applies.`);
      }
      if (step.kind === 'decision') {
        fail('step.isDecision', `Langkah ${stepName(step)} adalah keputusan: pilih salah satu cabangnya.`, `Step ${stepName(step)} is a decision: choose one of its branches.`);
      }
      if (visit.workDoneAt !== undefined || visit.signatures.length > 0) {
        fail(
          'step.started',
          `Langkah ${stepName(step)} sudah mulai dikerjakan, jadi tidak dapat dilewati lagi.`,
          `Step ${stepName(step)} has already been worked on, so it can no longer be skipped.`,
        );
      }
      builder.requireSkipActor(visit, step);
      const note = command.note?.trim();
      builder.emit({ type: 'step.skipped', visitId: visit.id, stepId: step.id, ...(note ? { note } : {}) });
      builder.afterProgress(visit.id);
      break;
    }
    case 'case.return': {
      const { visit, step } = builder.activeVisit(command.stepId);
      const reason = (command.reason ?? '').trim();
      if (reason === '') {
        fail('return.noReason', 'Tuliskan alasan pengembalian.', 'Give a reason for the return.');
      }
      const missing = [...new Set(command.missing ?? [])];
      const unknown = missing.filter((id) => !index.requirements.has(id));
      if (unknown.length > 0) {
        fail('requirement.unknown', `Persyaratan tidak dikenal: ${unknown.join(', ')}.`, `Unknown requirements: ${unknown.join(', ')}.`);
      }
      if ('applicant' in command.to) {
        const active = builder.state.visits.filter((v) => v.status === 'active').map((v) => v.id);
        builder.emit({ type: 'case.returned', fromVisitIds: active, to: { applicant: true }, reason, missing });
      } else {
        const targetId = command.to.stepId;
        const target = index.steps.get(targetId);
        const visitedBefore = builder.state.visits.some((v) => v.stepId === targetId && v.status === 'done');
        if (!target || targetId === step.id || !visitedBefore) {
          fail(
            'return.notEarlier',
            `Kasus hanya dapat dikembalikan ke langkah yang sudah dilalui sebelumnya; ${target ? stepName(target) : targetId} belum pernah diselesaikan.`,
            `A case can only go back to a step it has already passed; ${target ? stepName(target) : targetId} was never completed.`,
          );
        }
        builder.emit({ type: 'case.returned', fromVisitIds: [visit.id], to: { stepId: targetId }, reason, missing });
        builder.waitEnded(visit.id);
        builder.returnTo(targetId, visit);
        builder.finishIfIdle();
      }
      break;
    }
    case 'case.resume': {
      if (state.status !== 'returned') {
        fail('case.notReturned', 'Kasus ini tidak sedang dikembalikan kepada pemohon.', 'This case is not returned to the applicant.');
      }
      const lastReturn = [...state.returns].reverse().find((r) => 'applicant' in r.to);
      const note = command.note?.trim();
      builder.emit({ type: 'case.resumed', ...(note ? { note } : {}) });
      if (lastReturn && lastReturn.fromStepIds.length > 0) {
        // Each step comes back inside the parallel regions it was sent back from, so its joins still wait for it.
        const sentBack = state.visits.filter((v) => v.status === 'returned' && v.endedAt === lastReturn.at && lastReturn.fromStepIds.includes(v.stepId));
        for (const stepId of lastReturn.fromStepIds) {
          if (builder.state.visits.some((v) => v.stepId === stepId && v.status === 'active')) continue;
          builder.activate(stepId, 'resume', undefined, undefined, sentBack.find((v) => v.stepId === stepId)?.scope ?? []);
        }
      } else {
        builder.activate(startStepOf(index)!.id, 'resume');
      }
      builder.finishIfIdle();
      break;
    }
    case 'case.cancel': {
      const reason = (command.reason ?? '').trim();
      if (reason === '') fail('cancel.noReason', 'Tuliskan alasan pembatalan.', 'Give a reason for cancelling.');
      builder.emit({ type: 'case.cancelled', reason });
      break;
    }
    default:
      fail('command.invalid', 'Jenis perintah tidak dikenal.', 'Unknown command type.');
  }
  return { ok: true, events: builder.events, duplicate: false };
}

function noteOnly(submission: StepSubmission): StepSubmission {
  const note = submission.note?.trim();
  return note ? { note } : {};
}

/** Whose turn a sign-off slot is, in both languages: "paraf Kasi" for a position, the lane(s) otherwise. */
function slotTurn(sop: SopDocument, slot: SignOffSlot): LocalizedText {
  if (slot.position !== undefined) {
    return slot.action === 'tandaTangan'
      ? { id: `tanda tangan ${slot.position}`, en: `the signature of ${slot.position}` }
      : { id: `paraf ${slot.position}`, en: `the paraf (initials) of ${slot.position}` };
  }
  const lanes = slot.actors.map((a) => actorLabel(sop, a)).join(' / ');
  return { id: lanes, en: lanes };
}

/** The next slot of the chain must be the one signed: the lane, and for a position's sign-off that position. */
function checkSignOffTurn(sop: SopDocument, step: Step, slot: SignOffSlot, actorId: string, position: string | undefined): void {
  const expected = slotTurn(sop, slot);
  if (slot.position === undefined) {
    if (position !== undefined) {
      fail(
        'signOff.outOfOrder',
        `Urutan paraf/tanda tangan: sekarang giliran ${expected.id}, bukan paraf jabatan ${position}.`,
        `Sign-off order: ${expected.en} comes now, not a sign-off by the position ${position}.`,
      );
    }
    if (!slot.actors.includes(actorId)) {
      fail(
        'signOff.outOfOrder',
        `Urutan paraf/tanda tangan: sekarang giliran ${expected.id}, bukan ${actorLabel(sop, actorId)}.`,
        `Sign-off order: it is ${expected.en}'s turn now, not ${actorLabel(sop, actorId)}'s.`,
      );
    }
    return;
  }
  if (position !== slot.position) {
    const given = position === undefined ? { id: 'tanpa jabatan', en: 'one without a position' } : { id: position, en: position };
    fail(
      'signOff.outOfOrder',
      `Urutan paraf/tanda tangan langkah ${stepName(step)}: sekarang giliran ${expected.id}, bukan ${given.id}.`,
      `Sign-off order at step ${stepName(step)}: ${expected.en} comes now, not ${given.en}.`,
    );
  }
  if (slot.actors.length > 0 && !slot.actors.includes(actorId)) {
    const lanes = slot.actors.map((a) => actorLabel(sop, a)).join(' / ');
    fail(
      'step.wrongActor',
      `${expected.id} dibubuhkan di lajur ${lanes}, bukan ${actorLabel(sop, actorId)}.`,
      `${expected.en} is given in the lane ${lanes}, not ${actorLabel(sop, actorId)}.`,
    );
  }
}

export function stepName(step: Step): string {
  return step.number ? `${step.number.replace(/\.$/, '')}` : step.id;
}

/** The person on a command is recorded on every event it makes, so it must be a usable reference. */
function checkCommandBy(command: CaseCommand): void {
  const person = command.by?.person;
  if (person !== undefined) {
    const problems = Object.values(checkPersonRef(person));
    if (problems.length > 0) {
      fail('command.invalid', `Data petugas tidak sah: ${problems.map((p) => p.id).join(' ')}`, `The acting person is invalid: ${problems.map((p) => p.en).join(' ')}`);
    }
  }
  if (command.type === 'case.start' && command.caseNumber !== undefined && !CASE_NUMBER_SHAPE.test(command.caseNumber)) {
    fail('command.invalid', `Nomor kasus "${String(command.caseNumber)}" tidak sah.`, `The case number "${String(command.caseNumber)}" is invalid.`);
  }
}

/** Any number a device or a server may give: upper-case letters, digits and dashes. */
const CASE_NUMBER_SHAPE = /^[A-Z0-9][A-Z0-9-]{2,39}$/;

function startStepOf(index: FlowIndex): Step | undefined {
  return index.flow.steps.find((s) => s.kind === 'start') ?? index.flow.steps[0];
}

function start(sop: SopDocument, command: StartCaseCommand, atMs: number, calendar: WorkingCalendarConfig): CaseEvent[] {
  if (sop.revision.status !== 'published' && !command.allowDraft) {
    const title = sop.identity.title ?? sop.id;
    fail(
      'sop.notPublished',
      `SOP "${title}" belum disahkan (status ${sop.revision.status}); kasus hanya dapat dijalankan pada SOP yang telah disahkan.`,
      `SOP "${title}" is not published (status ${sop.revision.status}); cases run only on published SOPs.`,
    );
  }
  const pin = pinSop(sop, command.flowId);
  if (!pin) fail('sop.noFlow', 'SOP ini tidak memiliki diagram alir untuk dijalankan.', 'This SOP has no flowchart to run.');
  const flow = findFlow(sop, pin.flowId)!;
  const index = indexFlow(flow);
  const startStep = startStepOf(index);
  if (!startStep) fail('sop.noStart', 'Diagram alir SOP ini tidak memiliki langkah.', "This SOP's flowchart has no steps.");

  const applicantFields = fieldsCollectedAt(sop.caseFields, null);
  const fields = checkFields(sop.caseFields ?? [], applicantFields, command.fields ?? {}, {}, command.at);
  const caseDue = caseDueFromFlow(calendar, atMs, flow);
  const seed: CaseState = {
    id: command.caseId,
    sop: pin,
    status: 'open',
    revision: 0,
    startedAt: command.at,
    updatedAt: command.at,
    fields: {},
    visits: [],
    returns: [],
    commandIds: [],
    leftTo: [],
  };
  const builder = new EventBuilder(seed, command, atMs, sop, index, calendar);
  builder.emitStart({
    type: 'case.started',
    sop: pin,
    ...(command.caseNumber ? { caseNumber: command.caseNumber } : {}),
    fields,
    ...(caseDue !== null ? { caseDueAt: new Date(caseDue).toISOString() } : {}),
  });
  builder.activate(startStep.id, 'start');
  builder.finishIfIdle();
  return builder.events;
}

/**
 * The latest calendar day it can be anywhere at the instant `at` (UTC+14), so
 * a birth recorded early in the morning in WIT (UTC+9) is not "tomorrow" by UTC.
 */
function latestLocalDay(at: string): string | undefined {
  const time = Date.parse(at);
  return Number.isNaN(time) ? undefined : new Date(time + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** Checks and normalizes the values given for `collected` fields; other keys are refused. */
function checkFields(
  all: readonly CaseField[],
  collected: readonly CaseField[],
  given: FieldValues,
  existing: FieldValues,
  at: string,
): FieldValues {
  const allowed = new Map(collected.map((f) => [f.id, f]));
  const unknown = Object.keys(given).filter((k) => !allowed.has(k));
  if (unknown.length > 0) {
    const known = new Set(all.map((f) => f.id));
    const details: Record<string, LocalizedText> = {};
    for (const k of unknown) {
      details[k] = known.has(k)
        ? { id: 'Isian ini dikumpulkan pada langkah lain.', en: 'This field is collected at another step.' }
        : { id: 'Isian ini tidak ada di SOP.', en: 'This field is not in the SOP.' };
    }
    fail('field.unknown', `Isian tidak dikenal di sini: ${unknown.join(', ')}.`, `Fields not collected here: ${unknown.join(', ')}.`, details);
  }
  const details: Record<string, LocalizedText> = {};
  const out: FieldValues = {};
  for (const field of collected) {
    const value = Object.hasOwn(given, field.id) ? given[field.id] : existing[field.id];
    const problem = checkFieldValue(field, value, latestLocalDay(at));
    if (problem) details[field.id] = problem;
    else if (Object.hasOwn(given, field.id) && value !== undefined) out[field.id] = normalizeFieldValue(field, value);
  }
  const problems = Object.values(details);
  if (problems.length > 0) {
    fail(
      'field.invalid',
      problems.length === 1 ? problems[0]!.id : `${problems.length} isian belum benar: ${problems.map((p) => p.id).join(' ')}`,
      problems.length === 1 ? problems[0]!.en : `${problems.length} fields need attention: ${problems.map((p) => p.en).join(' ')}`,
      details,
    );
  }
  return out;
}

class EventBuilder {
  readonly events: CaseEvent[] = [];
  state: CaseState;
  private readonly revision: number;
  private passThroughDepth = 0;

  constructor(
    initial: CaseState,
    private readonly command: CaseCommand,
    private readonly atMs: number,
    private readonly sop: SopDocument,
    private readonly index: FlowIndex,
    private readonly calendar: WorkingCalendarConfig,
  ) {
    this.state = initial;
    this.revision = initial.revision + 1;
  }

  private base() {
    return {
      id: `${this.command.id}:${this.events.length}`,
      caseId: this.command.caseId,
      commandId: this.command.id,
      revision: this.revision,
      at: this.command.at,
      ...(this.command.by ? { by: this.command.by } : {}),
    };
  }

  emitStart(event: Omit<Extract<CaseEvent, { type: 'case.started' }>, 'id' | 'caseId' | 'commandId' | 'revision' | 'at' | 'by'>): void {
    const full = { ...this.base(), ...event } as CaseEvent;
    this.events.push(full);
    this.state = applyEvent(undefined, full);
  }

  emit: Emit = (event) => {
    const full = { ...this.base(), ...event } as CaseEvent;
    this.events.push(full);
    this.state = applyEvent(this.state, full);
  };

  activeVisit(stepId: string): { visit: Visit; step: Step } {
    const step = this.index.steps.get(stepId);
    if (!step) fail('step.unknown', `Langkah ${stepId} tidak ada di SOP ini.`, `Step ${stepId} is not in this SOP.`);
    const visit = this.state.visits.find((v) => v.stepId === stepId && v.status === 'active');
    if (!visit) {
      const active = this.state.visits
        .filter((v) => v.status === 'active')
        .map((v) => stepName(this.index.steps.get(v.stepId) ?? ({ id: v.stepId } as Step)));
      fail(
        'step.notActive',
        `Langkah ${stepName(step)} tidak sedang aktif${active.length ? `; langkah aktif: ${active.join(', ')}` : ''}.`,
        `Step ${stepName(step)} is not active${active.length ? `; active: ${active.join(', ')}` : ''}.`,
      );
    }
    return { visit, step };
  }

  requireWorkPhase(visit: Visit, step: Step): void {
    if (visit.phase !== 'work') {
      const next = visit.chain[visit.signatures.length];
      const who = next ? slotTurn(this.sop, next) : { id: '', en: '' };
      fail(
        'step.awaitingSignOff',
        `Langkah ${stepName(step)} sudah dikerjakan dan menunggu paraf/tanda tangan ${who.id}.`,
        next?.position !== undefined ? `Step ${stepName(step)} is done and waits for ${who.en}.` : `Step ${stepName(step)} is done and waits for ${who.en}'s sign-off.`,
      );
    }
  }

  requireWorkActor(visit: Visit, step: Step): void {
    const actorId = this.command.by?.actorId;
    if (actorId === undefined || visit.workActors.length === 0 || visit.workActors.includes(actorId)) return;
    const who = visit.workActors.map((a) => actorLabel(this.sop, a)).join(', ');
    fail(
      'step.wrongActor',
      `Langkah ${stepName(step)} dikerjakan oleh ${who}, bukan ${actorLabel(this.sop, actorId)}.`,
      `Step ${stepName(step)} is done by ${who}, not ${actorLabel(this.sop, actorId)}.`,
    );
  }

  /** A skip is the clerk's answer for the row: the performers answer it, or the first signer of a chain-only row. */
  requireSkipActor(visit: Visit, step: Step): void {
    const actorId = this.command.by?.actorId;
    const answering = visit.workActors.length > 0 ? visit.workActors : (visit.chain[0]?.actors ?? []);
    if (actorId === undefined || answering.length === 0 || answering.includes(actorId)) return;
    const who = answering.map((a) => actorLabel(this.sop, a)).join(', ');
    fail(
      'step.wrongActor',
      `Berlaku tidaknya langkah ${stepName(step)} dijawab oleh ${who}, bukan ${actorLabel(this.sop, actorId)}.`,
      `Whether step ${stepName(step)} applies is answered by ${who}, not ${actorLabel(this.sop, actorId)}.`,
    );
  }

  checkSubmission(step: Step, submission: StepSubmission): StepSubmission {
    const known = new Map((step.requirements ?? []).map((r) => [r.id, r]));
    const ticked = [...new Set(submission.ticked ?? [])];
    const unknown = ticked.filter((id) => !known.has(id));
    const waivers = submission.waivers ?? [];
    const unknownWaived = waivers.filter((w) => !known.has(w.requirementId)).map((w) => w.requirementId);
    if (unknown.length + unknownWaived.length > 0) {
      const ids = [...unknown, ...unknownWaived].join(', ');
      fail('requirement.unknown', `Persyaratan ${ids} bukan milik langkah ${stepName(step)}.`, `Requirements ${ids} do not belong to step ${stepName(step)}.`);
    }
    const details: Record<string, LocalizedText> = {};
    for (const w of waivers) {
      if (typeof w.reason !== 'string' || w.reason.trim() === '') {
        details[w.requirementId] = { id: 'Tuliskan alasan pengecualian.', en: 'Give the reason for the waiver.' };
      }
    }
    if (Object.keys(details).length > 0) {
      fail('waiver.noReason', 'Setiap pengecualian persyaratan memerlukan alasan.', 'Every waived requirement needs a reason.', details);
    }
    const waived = new Set(waivers.map((w) => w.requirementId));
    const tickedSet = new Set(ticked);
    const missing = requiredRequirements(step).filter((r) => !tickedSet.has(r.id) && !waived.has(r.id));
    if (missing.length > 0) {
      for (const r of missing) {
        details[r.id] = { id: 'Wajib dicentang, atau catat pengecualian dengan alasannya.', en: 'Required: tick it, or record a waiver with its reason.' };
      }
      const list = missing.map((r) => `"${r.text}"`).join(', ');
      fail(
        'requirement.unticked',
        `Persyaratan wajib belum dicentang: ${list}. Centang setelah diperiksa, atau catat pengecualian beserta alasannya.`,
        `Required items not ticked: ${list}. Tick them once checked, or record a waiver with its reason.`,
        details,
      );
    }
    const collected = fieldsCollectedAt(this.sop.caseFields, step.id);
    const fields = checkFields(this.sop.caseFields ?? [], collected, submission.fields ?? {}, this.state.fields, this.command.at);
    const out: StepSubmission = {};
    if (ticked.length) out.ticked = ticked;
    if (waivers.length) out.waivers = waivers.map((w) => ({ requirementId: w.requirementId, reason: w.reason.trim() }));
    if (Object.keys(fields).length) out.fields = fields;
    const output = submission.output?.trim();
    if (output) out.output = output;
    const note = submission.note?.trim();
    if (note) out.note = note;
    if (submission.attachments?.length) out.attachments = submission.attachments;
    return out;
  }

  /**
   * After a visit made progress: when it is done, follow its edges (an end step
   * with a rejecting outcome finishes the case at once); then release joins
   * nothing else can reach, and finish the case if nothing is left.
   */
  afterProgress(visitId: string): void {
    const visit = this.state.visits.find((v) => v.id === visitId)!;
    if (visit.status === 'done') {
      this.waitEnded(visit.id);
      const step = this.index.steps.get(visit.stepId)!;
      if (step.kind === 'end') {
        const outcome = visit.outcome ?? 'selesai';
        if (TERMINATING.has(outcome)) {
          this.terminate(visit, outcome);
          return;
        }
      } else {
        this.advance(visit);
      }
    }
    this.finishIfIdle();
  }

  finishIfIdle(): void {
    this.settleJoins();
    if (this.state.status === 'open' && !this.state.visits.some((v) => v.status === 'active') && !this.state.joins?.length) {
      const ends = this.state.visits.filter((v) => v.status === 'done' && v.outcome !== undefined);
      // Ends reached by several paths: a referral (an end marked dirujuk, or a path that left the SOP) is what the
      // applicant must be told, so it outranks selesai whatever order the paths finished in.
      const referred = ends.find((v) => v.outcome === 'dirujuk');
      const outcome: CaseOutcome = referred || this.state.leftTo.length > 0 ? 'dirujuk' : 'selesai';
      const end = referred ?? ends.at(-1);
      this.emit({ type: 'case.finished', outcome, ...(end ? { endStepId: end.stepId } : {}) });
    }
  }

  /** A rejecting end (ditolak, dibatalkan) ends the case for every path: the others are withdrawn, not left hanging. */
  private terminate(end: Visit, outcome: CaseOutcome): void {
    const others = this.state.visits.filter((v) => v.status === 'active').map((v) => v.id);
    const forkIds = [...new Set((this.state.joins ?? []).map((j) => j.forkId))];
    if (others.length > 0 || forkIds.length > 0) {
      this.emit({ type: 'branches.withdrawn', visitIds: others, forkIds, reason: { kind: 'caseEnded', visitId: end.id, outcome } });
    }
    this.emit({ type: 'case.finished', outcome, endStepId: end.stepId });
  }

  /**
   * A waiting step ended: the case's overall due time moves later by the working time it waited,
   * counting time once when waits overlap (see core/sla/README.md).
   */
  waitEnded(visitId: string): void {
    const visit = this.state.visits.find((v) => v.id === visitId);
    if (!visit || visit.measure !== 'wait' || visit.status === 'active' || !this.state.caseDueAt) return;
    const from = Math.max(Date.parse(visit.activatedAt), this.state.waitedUntil ? Date.parse(this.state.waitedUntil) : -Infinity);
    const waitedMinutes = from < this.atMs ? workingMinutesBetween(this.calendar, from, this.atMs) : 0;
    if (waitedMinutes <= 0) return;
    const caseDueAt = new Date(addWorkingMinutes(this.calendar, Date.parse(this.state.caseDueAt), waitedMinutes)).toISOString();
    this.emit({ type: 'case.dueMoved', visitId, caseDueAt, waitedMinutes });
  }

  private advance(visit: Visit): void {
    const edges: Edge[] = visit.branch
      ? (this.index.outgoing.get(visit.stepId) ?? []).filter((e) => e.id === visit.branch!.edgeId)
      : (this.index.outgoing.get(visit.stepId) ?? []);
    const step = this.index.steps.get(visit.stepId)!;
    if (step.kind === 'end') return;
    // A parallel split opens a new activation of its region, named by the split visit: joins count arrivals
    // per activation, so a loop back to the split starts a fresh count.
    const scope = step.split === 'parallel' ? [...(visit.scope ?? []), visit.id] : (visit.scope ?? []);
    for (const edge of edges) {
      if (edge.leaves) {
        this.emit({ type: 'path.left', visitId: visit.id, stepId: visit.stepId, edgeId: edge.id, target: edge.leaves.target });
      } else if (edge.to !== undefined && this.index.steps.has(edge.to)) {
        this.enter(edge.to, scope, visit.id, edge.id);
      }
    }
  }

  /** A path moves along an arrow into a step: it waits there if the step is its region's join, else the step becomes active. */
  private enter(stepId: string, scope: readonly string[], fromVisitId: string, edgeId: string): void {
    const kept = this.keepScope(scope, stepId, true, fromVisitId);
    const step = this.index.steps.get(stepId)!;
    if (step.join === 'all' && kept.length > 0) {
      this.emit({ type: 'join.arrived', stepId, forkId: kept.at(-1)!, scope: kept, fromVisitIds: [fromVisitId], edgeId });
      return;
    }
    // Two paths meeting at a step that is already waiting join there: one visit, not two.
    if (this.state.visits.some((v) => v.stepId === stepId && v.status === 'active')) return;
    this.activate(stepId, 'edge', fromVisitId, edgeId, kept);
  }

  /** A return sends the path back to an earlier step: inside its regions when the step is in them, else out of them. */
  returnTo(stepId: string, from: Visit): void {
    const kept = this.keepScope(from.scope ?? [], stepId, false, from.id);
    if (this.state.visits.some((v) => v.stepId === stepId && v.status === 'active')) return;
    this.activate(stepId, 'return', from.id, undefined, kept);
  }

  /**
   * The regions a path entering `stepId` stays in: innermost first, a region is kept while the step is inside
   * it (or, for a path arriving along an arrow, is its join). A region the path leaves another way (an arrow or
   * a return to a step before the split) is withdrawn as a whole: its other paths stop and its joins stop
   * waiting, so a later pass through the split starts it afresh.
   */
  private keepScope(scope: readonly string[], stepId: string, arriving: boolean, movingVisitId: string): string[] {
    let keep = scope.length;
    while (keep > 0) {
      const region = regionOfFork(this.index, this.state, scope[keep - 1]!);
      if (region && (region.steps.has(stepId) || (arriving && region.joinId === stepId))) break;
      keep--;
    }
    const left = scope.slice(keep);
    if (left.length > 0) this.withdraw(left, { kind: 'regionLeft', visitId: movingVisitId, stepId });
    return scope.slice(0, keep);
  }

  private withdraw(forks: readonly string[], reason: BranchesWithdrawnEvent['reason']): void {
    const inForks = (scope: readonly string[] | undefined) => (scope ?? []).some((f) => forks.includes(f));
    const visitIds = this.state.visits.filter((v) => v.status === 'active' && inForks(v.scope)).map((v) => v.id);
    const forkIds = [...new Set((this.state.joins ?? []).filter((j) => inForks(j.scope)).map((j) => j.forkId))];
    if (visitIds.length > 0 || forkIds.length > 0) this.emit({ type: 'branches.withdrawn', visitIds, forkIds, reason });
  }

  /**
   * Releases every join whose region activation has nothing left that could arrive. Should joins ever wait on
   * each other in a cycle with no step active (a flow no validator lets through), the first one in row order is
   * released anyway (`forced`), so a case never hangs.
   */
  private settleJoins(): void {
    if (this.state.status !== 'open') return;
    for (let guard = 0; guard < MAX_JOIN_RELEASES; guard++) {
      const waits = this.state.joins ?? [];
      if (waits.length === 0) return;
      const ready = waits.find((w) => joinIsReady(this.index, this.state, w));
      if (ready) {
        this.release(ready, false);
        continue;
      }
      if (this.state.visits.some((v) => v.status === 'active')) return;
      const order = (w: JoinWait) => this.index.stepOrder.get(w.stepId) ?? 0;
      this.release([...waits].sort((a, b) => order(a) - order(b))[0]!, true);
    }
    fail('command.invalid', 'Gabungan cabang paralel tidak dapat diselesaikan.', 'The parallel joins could not be settled.');
  }

  private release(wait: JoinWait, forced: boolean): void {
    const region = regionOfFork(this.index, this.state, wait.forkId);
    // At its own region's join the path leaves the region; at another join inside it (a partial join) it stays.
    const scope = region?.joinId === wait.stepId ? wait.scope.slice(0, -1) : wait.scope;
    const fromVisitIds = wait.arrivals.map((a) => a.visitId);
    const last = wait.arrivals.at(-1);
    this.emit({ type: 'join.released', stepId: wait.stepId, forkId: wait.forkId, ...(forced ? { forced: true as const } : {}) });
    // Nested regions sharing one join: the joined path now arrives there for the enclosing region.
    const outer = scope.length > 0 ? regionOfFork(this.index, this.state, scope.at(-1)!) : undefined;
    if (outer?.joinId === wait.stepId) {
      this.emit({ type: 'join.arrived', stepId: wait.stepId, forkId: scope.at(-1)!, scope, fromVisitIds, ...(last?.edgeId ? { edgeId: last.edgeId } : {}) });
      return;
    }
    if (this.state.visits.some((v) => v.stepId === wait.stepId && v.status === 'active')) return;
    this.activate(wait.stepId, 'join', last?.visitId, last?.edgeId, scope, fromVisitIds);
  }

  activate(
    stepId: string,
    via: StepActivatedEvent['via'],
    fromVisitId?: string,
    edgeId?: string,
    scope: readonly string[] = [],
    joined?: string[],
  ): void {
    const step = this.index.steps.get(stepId)!;
    const visitNo = this.state.visits.filter((v) => v.stepId === stepId).length + 1;
    const visitId = `${stepId}#${visitNo}`;
    const passThrough = step.kind === 'connector';
    const due = passThrough ? null : stepDueFromWaktu(this.calendar, this.atMs, step.waktu, parseWaktu(step.waktu?.raw ?? ''));
    const asked = !passThrough && typeof step.condition === 'object' && step.condition !== null && step.condition.asked === true;
    this.emit({
      type: 'step.activated',
      visitId,
      stepId,
      visitNo,
      via,
      ...(fromVisitId ? { fromVisitId } : {}),
      ...(edgeId ? { edgeId } : {}),
      ...(joined ? { joined } : {}),
      ...(scope.length > 0 ? { scope: [...scope] } : {}),
      workActors: workActorsOf(step),
      hasWork: passThrough || stepHasWork(step),
      chain: passThrough ? [] : signOffChainOf(step),
      ...(due?.dueAt !== undefined ? { dueAt: new Date(due.dueAt).toISOString() } : {}),
      ...(due?.window
        ? { window: { open: due.window.open, opensAt: new Date(due.window.opensAt).toISOString(), closesAt: new Date(due.window.closesAt).toISOString() } }
        : {}),
      ...(due && due.measure !== 'work' ? { measure: due.measure } : {}),
      ...(due?.waitUntil !== undefined ? { waitUntil: new Date(due.waitUntil).toISOString() } : {}),
      ...(asked ? { asked: true as const } : {}),
      ...(step.kind === 'end' && step.outcome ? { outcome: step.outcome } : {}),
      ...(passThrough ? { passThrough: true } : {}),
    });
    if (passThrough) {
      if (++this.passThroughDepth > MAX_PASS_THROUGH) {
        fail('command.invalid', 'Konektor halaman membentuk putaran tanpa langkah kerja.', 'Off-page connectors form a loop with no working step.');
      }
      this.emit({ type: 'step.completed', visitId, stepId, submission: {}, auto: true });
      this.advance(this.state.visits.find((v) => v.id === visitId)!);
    }
  }
}

/** Outcomes that end the whole case when one path reaches them, whatever other paths are still doing. */
const TERMINATING: ReadonlySet<CaseOutcome> = new Set(['ditolak', 'dibatalkan']);

/** More releases than any real flow has joins times loops: a guard against a bug turning into a hang. */
const MAX_JOIN_RELEASES = 10_000;
