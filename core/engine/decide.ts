/**
 * `(sop, state, command) -> events`: decides whether a command is allowed and
 * which events record it. Never mutates its inputs; the new state is the old
 * state folded with the events (see fold.ts).
 */
import type { CaseField, Edge, SopDocument, Step } from '../../schemas/generated/sop.types';
import { DEFAULT_WORKING_CALENDAR, caseDueFromFlow, dueFromWaktu, type WorkingCalendarConfig } from '../sla';
import { checkPersonRef } from '../people/person';
import { parseWaktu } from '../waktu/parse';
import { checkFieldValue, fieldsCollectedAt, normalizeFieldValue, type FieldValues } from './fields';
import { applyEvent } from './fold';
import { reject, type LocalizedText, type Rejection } from './messages';
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
  CaseCommand,
  CaseEvent,
  CaseState,
  DecideResult,
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
      if (!slot.actors.includes(command.actorId)) {
        const expected = slot.actors.map((a) => actorLabel(sop, a)).join(' / ');
        fail(
          'signOff.outOfOrder',
          `Urutan paraf/tanda tangan: sekarang giliran ${expected}, bukan ${actorLabel(sop, command.actorId)}.`,
          `Sign-off order: it is ${expected}'s turn now, not ${actorLabel(sop, command.actorId)}'s.`,
        );
      }
      // A chain-only step: the first signer also records the step's requirements and fields.
      const firstWork = !visit.hasWork && visit.workDoneAt === undefined;
      const submission = firstWork ? builder.checkSubmission(step, command) : noteOnly(command);
      builder.emit({ type: 'step.signed', visitId: visit.id, stepId: step.id, slot: slotIndex, actorId: command.actorId, role: slot.role, submission });
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
        builder.activate(targetId, 'return', visit.id);
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
      const stepIds = lastReturn && lastReturn.fromStepIds.length > 0 ? lastReturn.fromStepIds : [startStepOf(index)!.id];
      for (const stepId of stepIds) builder.activate(stepId, 'resume');
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
    fail(
      'sop.notPublished',
      `SOP "${sop.identity.title}" belum disahkan (status ${sop.revision.status}); kasus hanya dapat dijalankan pada SOP yang telah disahkan.`,
      `SOP "${sop.identity.title}" is not published (status ${sop.revision.status}); cases run only on published SOPs.`,
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
      const who = next ? next.actors.map((a) => actorLabel(this.sop, a)).join(' / ') : '';
      fail(
        'step.awaitingSignOff',
        `Langkah ${stepName(step)} sudah dikerjakan dan menunggu paraf/tanda tangan ${who}.`,
        `Step ${stepName(step)} is done and waits for ${who}'s sign-off.`,
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

  /** After a visit made progress: when it is done, follow its edges; then finish the case if nothing is left. */
  afterProgress(visitId: string): void {
    const visit = this.state.visits.find((v) => v.id === visitId)!;
    if (visit.status === 'done') this.advance(visit);
    this.finishIfIdle();
  }

  finishIfIdle(): void {
    if (this.state.status === 'open' && !this.state.visits.some((v) => v.status === 'active')) {
      this.emit({ type: 'case.finished' });
    }
  }

  private advance(visit: Visit): void {
    const edges: Edge[] = visit.branch
      ? (this.index.outgoing.get(visit.stepId) ?? []).filter((e) => e.id === visit.branch!.edgeId)
      : (this.index.outgoing.get(visit.stepId) ?? []);
    const step = this.index.steps.get(visit.stepId)!;
    if (step.kind === 'end') return;
    for (const edge of edges) {
      if (edge.leaves) {
        this.emit({ type: 'path.left', visitId: visit.id, stepId: visit.stepId, edgeId: edge.id, target: edge.leaves.target });
      } else if (edge.to !== undefined && this.index.steps.has(edge.to)) {
        // Two paths meeting at a step that is already waiting join there: one visit, not two.
        if (this.state.visits.some((v) => v.stepId === edge.to && v.status === 'active')) continue;
        this.activate(edge.to, 'edge', visit.id, edge.id);
      }
    }
  }

  activate(stepId: string, via: StepActivatedEvent['via'], fromVisitId?: string, edgeId?: string): void {
    const step = this.index.steps.get(stepId)!;
    const visitNo = this.state.visits.filter((v) => v.stepId === stepId).length + 1;
    const visitId = `${stepId}#${visitNo}`;
    const passThrough = step.kind === 'connector';
    const due = passThrough ? null : dueFromWaktu(this.calendar, this.atMs, parseWaktu(step.waktu?.raw ?? ''));
    this.emit({
      type: 'step.activated',
      visitId,
      stepId,
      visitNo,
      via,
      ...(fromVisitId ? { fromVisitId } : {}),
      ...(edgeId ? { edgeId } : {}),
      workActors: workActorsOf(step),
      hasWork: passThrough || stepHasWork(step),
      chain: passThrough ? [] : signOffChainOf(step),
      ...(due ? { dueAt: new Date(due.dueAt).toISOString() } : {}),
      ...(due?.window
        ? { window: { open: due.window.open, opensAt: new Date(due.window.opensAt).toISOString(), closesAt: new Date(due.window.closesAt).toISOString() } }
        : {}),
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
