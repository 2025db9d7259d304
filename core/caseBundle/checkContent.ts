/**
 * What a case bundle must hold before any of it is stored, checked without
 * trusting the sender's software: the SOP against the SOP schema and rules,
 * every event and attachment against its shape, every case field value
 * against the SOP's field rules (NIK, phone, dates, choices), every person
 * against the person rules, and the events replaying through the engine to
 * exactly the snapshot. A signature says who sent a bundle; these checks say
 * that what they sent is a case this runtime could itself have recorded.
 *
 * Pure: no DOM, no storage. The first problem found is returned, located by
 * the part of the bundle and a JSON pointer into it.
 */
import type { CaseField, SopDocument } from '../../schemas/generated/sop.types';
import { canonicalJson } from '../engine/sha256';
import { checkFieldValue, type FieldValue } from '../engine/fields';
import { foldEvents } from '../engine/fold';
import type { LocalizedText } from '../engine/messages';
import type { CaseEvent, CaseState, StepSubmission } from '../engine/types';
import { checkPersonRef } from '../people/person';
import type { Diagnostic } from '../validation/diagnostic';
import { validateSop } from '../validation/validateSop';

export type BundlePart = 'format' | 'signer' | 'sop' | 'events' | 'snapshot' | 'attachments';

export interface BundleProblem {
  part: BundlePart;
  /** JSON pointer inside the bundle ('/events/3/by/person/name'). */
  pointer: string;
  message: LocalizedText;
}

export interface BundleAttachmentShape {
  id: string;
  caseId: string;
  eventId: string;
  visitId?: string;
  requirementId?: string;
  fieldId?: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  data: string;
}

export interface BundleContent {
  caseId: string;
  sop: { key: string; contentHash: string; doc: SopDocument };
  events: CaseEvent[];
  snapshot: CaseState;
  attachments: BundleAttachmentShape[];
}

class Found extends Error {
  constructor(readonly problem: BundleProblem) {
    super(problem.message.en);
  }
}

function fail(part: BundlePart, pointer: string, id: string, en: string): never {
  throw new Found({ part, pointer, message: { id, en } });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isInstant = (v: unknown): boolean => isString(v) && v.length <= 40 && !Number.isNaN(Date.parse(v));

type Rule = 'string' | 'string?' | 'strings' | 'strings?' | 'count' | 'count?' | 'instant' | 'instant?' | 'boolean' | 'object' | 'object?';

function expect(part: BundlePart, pointer: string, record: Record<string, unknown>, rules: Record<string, Rule>): void {
  for (const [key, rule] of Object.entries(rules)) {
    const value = record[key];
    const optional = rule.endsWith('?');
    if (optional && value === undefined) continue;
    const base = rule.replace('?', '');
    const ok =
      base === 'string' ? isString(value) : base === 'strings' ? isStringList(value) : base === 'count' ? isCount(value) : base === 'instant' ? isInstant(value) : base === 'boolean' ? typeof value === 'boolean' : isObject(value);
    if (!ok) {
      const what: Record<string, [string, string]> = {
        string: ['teks', 'text'],
        strings: ['daftar teks', 'a list of texts'],
        count: ['bilangan bulat', 'a whole number'],
        instant: ['waktu ISO', 'an ISO time'],
        boolean: ['ya/tidak', 'true/false'],
        object: ['objek', 'an object'],
      };
      const [id, en] = what[base]!;
      fail(part, `${pointer}/${key}`, `"${key}" harus berupa ${id}.`, `"${key}" must be ${en}.`);
    }
  }
}

const EVENT_RULES: Record<CaseEvent['type'], Record<string, Rule>> = {
  'case.started': { sop: 'object', fields: 'object', caseNumber: 'string?', caseDueAt: 'instant?' },
  'step.activated': { visitId: 'string', stepId: 'string', visitNo: 'count', via: 'string', fromVisitId: 'string?', edgeId: 'string?', workActors: 'strings', hasWork: 'boolean', dueAt: 'instant?', window: 'object?', joined: 'strings?', scope: 'strings?', waitUntil: 'instant?', measure: 'string?', outcome: 'string?' },
  'step.completed': { visitId: 'string', stepId: 'string', submission: 'object', branch: 'object?' },
  'step.signed': { visitId: 'string', stepId: 'string', slot: 'count', actorId: 'string', role: 'string', position: 'string?', action: 'string?', submission: 'object' },
  'step.skipped': { visitId: 'string', stepId: 'string', note: 'string?' },
  'join.arrived': { stepId: 'string', forkId: 'string', scope: 'strings', fromVisitIds: 'strings', edgeId: 'string?' },
  'join.released': { stepId: 'string', forkId: 'string' },
  'branches.withdrawn': { visitIds: 'strings', forkIds: 'strings', reason: 'object' },
  'case.dueMoved': { visitId: 'string', caseDueAt: 'instant', waitedMinutes: 'count' },
  'path.left': { visitId: 'string', stepId: 'string', edgeId: 'string', target: 'string' },
  'case.returned': { fromVisitIds: 'strings', to: 'object', reason: 'string', missing: 'strings' },
  'case.resumed': { note: 'string?' },
  'case.cancelled': { reason: 'string' },
  'case.finished': { outcome: 'string?', endStepId: 'string?' },
};

function checkPerson(part: BundlePart, pointer: string, person: unknown): void {
  if (!isObject(person)) fail(part, pointer, 'Data petugas harus berupa objek.', 'The person must be an object.');
  const problems = checkPersonRef(person as never);
  const [field, problem] = Object.entries(problems)[0] ?? [];
  if (field && problem) fail(part, `${pointer}/${field}`, `Data petugas tidak sah: ${problem.id}`, `The person is invalid: ${problem.en}`);
}

function checkBy(pointer: string, by: unknown): void {
  if (by === undefined) return;
  if (!isObject(by)) fail('events', pointer, '"by" harus berupa objek.', '"by" must be an object.');
  expect('events', pointer, by, { actorId: 'string?', user: 'string?' });
  if (by['person'] !== undefined) checkPerson('events', `${pointer}/person`, by['person']);
}

function checkFieldValues(pointer: string, values: unknown, fields: ReadonlyMap<string, CaseField>): void {
  if (!isObject(values)) fail('events', pointer, 'Isian kasus harus berupa objek.', 'The case fields must be an object.');
  for (const [id, value] of Object.entries(values)) {
    const field = fields.get(id);
    if (!field) fail('events', `${pointer}/${id}`, `Isian "${id}" tidak ada di SOP kasus ini.`, `Field "${id}" is not in this case's SOP.`);
    const valueOk = isString(value) || (typeof value === 'number' && Number.isFinite(value)) || (Array.isArray(value) && value.every((a) => isObject(a) && isString(a['id'])));
    if (!valueOk) fail('events', `${pointer}/${id}`, `Nilai isian "${field.label}" tidak sah.`, `The value of field "${field.label}" is invalid.`);
    const problem = checkFieldValue(field, value as FieldValue);
    if (problem) fail('events', `${pointer}/${id}`, problem.id, problem.en);
  }
}

function checkSubmission(pointer: string, submission: StepSubmission, fields: ReadonlyMap<string, CaseField>): void {
  expect('events', pointer, submission as unknown as Record<string, unknown>, { ticked: 'strings?', output: 'string?', note: 'string?' });
  if (submission.waivers !== undefined) {
    if (!Array.isArray(submission.waivers) || !submission.waivers.every((w) => isObject(w) && isString(w.requirementId) && isString(w.reason))) {
      fail('events', `${pointer}/waivers`, 'Pengecualian persyaratan tidak sah.', 'The requirement waivers are invalid.');
    }
  }
  if (submission.attachments !== undefined) {
    if (!Array.isArray(submission.attachments) || !submission.attachments.every((a) => isObject(a) && isString(a.id) && isString(a.name))) {
      fail('events', `${pointer}/attachments`, 'Daftar lampiran langkah tidak sah.', "The step's attachment list is invalid.");
    }
  }
  if (submission.fields !== undefined) checkFieldValues(`${pointer}/fields`, submission.fields, fields);
}

function checkEvents(content: BundleContent, fields: ReadonlyMap<string, CaseField>): void {
  if (!Array.isArray(content.events) || content.events.length === 0) fail('events', '/events', 'Bundel tidak memuat peristiwa kasus.', 'The bundle holds no case events.');
  const ids = new Set<string>();
  content.events.forEach((event, i) => {
    const pointer = `/events/${i}`;
    if (!isObject(event)) fail('events', pointer, 'Peristiwa harus berupa objek.', 'An event must be an object.');
    const rules = EVENT_RULES[event.type as CaseEvent['type']];
    if (!rules) fail('events', `${pointer}/type`, `Jenis peristiwa "${String(event.type)}" tidak dikenal.`, `Unknown event type "${String(event.type)}".`);
    expect('events', pointer, event as unknown as Record<string, unknown>, { id: 'string', caseId: 'string', commandId: 'string', revision: 'count', at: 'instant', ...rules });
    if (event.caseId !== content.caseId) fail('events', `${pointer}/caseId`, 'Peristiwa ini milik kasus lain.', 'This event belongs to another case.');
    if (ids.has(event.id)) fail('events', `${pointer}/id`, `Peristiwa "${event.id}" muncul dua kali.`, `Event "${event.id}" appears twice.`);
    ids.add(event.id);
    checkBy(`${pointer}/by`, event.by);
    if (event.type === 'case.started') {
      const pin = event.sop;
      if (pin.sopId !== content.sop.doc.id || pin.revision !== content.sop.doc.revision.number || pin.contentHash !== content.sop.contentHash) {
        fail('events', `${pointer}/sop`, 'Kasus dimulai pada SOP lain daripada SOP dalam bundel.', 'The case started on another SOP than the one in the bundle.');
      }
      checkFieldValues(`${pointer}/fields`, event.fields, fields);
    }
    if (event.type === 'step.completed' || event.type === 'step.signed') checkSubmission(`${pointer}/submission`, event.submission, fields);
  });
}

function checkAttachments(content: BundleContent): void {
  if (!Array.isArray(content.attachments)) fail('attachments', '/attachments', 'Daftar lampiran harus berupa larik.', 'The attachments must be a list.');
  const eventIds = new Set(content.events.map((e) => e.id));
  const ids = new Set<string>();
  content.attachments.forEach((a, i) => {
    const pointer = `/attachments/${i}`;
    if (!isObject(a)) fail('attachments', pointer, 'Lampiran harus berupa objek.', 'An attachment must be an object.');
    expect('attachments', pointer, a as unknown as Record<string, unknown>, {
      id: 'string',
      caseId: 'string',
      eventId: 'string',
      visitId: 'string?',
      requirementId: 'string?',
      fieldId: 'string?',
      name: 'string',
      type: 'string',
      size: 'count',
      sha256: 'string',
      data: 'string',
    });
    if (a.caseId !== content.caseId) fail('attachments', `${pointer}/caseId`, 'Lampiran ini milik kasus lain.', 'This attachment belongs to another case.');
    if (!eventIds.has(a.eventId)) fail('attachments', `${pointer}/eventId`, `Lampiran "${a.name}" tidak berasal dari peristiwa kasus ini.`, `Attachment "${a.name}" comes from no event of this case.`);
    if (ids.has(a.id)) fail('attachments', `${pointer}/id`, `Lampiran "${a.name}" muncul dua kali.`, `Attachment "${a.name}" appears twice.`);
    ids.add(a.id);
    if (!/^[0-9a-f]{64}$/.test(a.sha256)) fail('attachments', `${pointer}/sha256`, `Hash lampiran "${a.name}" tidak sah.`, `The hash of attachment "${a.name}" is invalid.`);
  });
}

function orderEvents(events: readonly CaseEvent[]): CaseEvent[] {
  const index = (id: string) => Number(id.slice(id.lastIndexOf(':') + 1)) || 0;
  return [...events].sort((a, b) => a.revision - b.revision || index(a.id) - index(b.id));
}

/** Replays events in revision order; undefined when the engine cannot fold them. */
export function replayEvents(events: readonly CaseEvent[]): CaseState | undefined {
  try {
    return foldEvents(orderEvents(events));
  } catch {
    return undefined;
  }
}

export { orderEvents as orderBundleEvents };

/**
 * The SOP's first schema or rule error (undefined when it did not even pass
 * the schema), null when valid. Bundles from one office mostly carry the same
 * revision, so the answer is kept per content hash: the caller has verified
 * that the hash is the document's.
 */
const sopVerdicts = new Map<string, Diagnostic | undefined | null>();

function sopError(contentHash: string, doc: SopDocument): Diagnostic | undefined | null {
  if (sopVerdicts.has(contentHash)) return sopVerdicts.get(contentHash)!;
  const checked = validateSop(doc);
  const verdict = checked.document ? (checked.diagnostics.find((d) => d.severity === 'error') ?? null) : (checked.diagnostics[0] ?? undefined);
  if (sopVerdicts.size > 50) sopVerdicts.clear();
  sopVerdicts.set(contentHash, verdict);
  return verdict;
}

/** The first problem with a bundle's content, or null when every part holds. `contentHash` must already be verified. */
export function checkBundleContent(content: BundleContent): BundleProblem | null {
  try {
    if (!isString(content.caseId) || content.caseId === '') fail('format', '/caseId', 'Id kasus tidak ada.', 'The case id is missing.');
    if (!isObject(content.sop) || !isString(content.sop.key) || !isString(content.sop.contentHash)) fail('sop', '/sop', 'SOP kasus tidak ada.', "The case's SOP is missing.");
    const error = sopError(content.sop.contentHash, content.sop.doc);
    if (error !== null) {
      fail('sop', `/sop/doc${error?.pointer ?? ''}`, `SOP tidak sah: ${error?.message.id ?? ''}`, `The SOP is invalid: ${error?.message.en ?? ''}`);
    }
    const doc = content.sop.doc;
    if (doc.revision.status !== 'published' || !(doc.revision.number >= 1)) {
      fail('sop', '/sop/doc/revision', 'SOP kasus bukan revisi yang diterbitkan.', "The case's SOP is not a published revision.");
    }
    if (content.sop.key !== `${doc.id}@${doc.revision.number}`) fail('sop', '/sop/key', 'Kunci SOP tidak cocok dengan isinya.', 'The SOP key does not match its content.');
    const fields = new Map((doc.caseFields ?? []).map((f) => [f.id, f]));
    checkEvents(content, fields);
    checkAttachments(content);
    if (!isObject(content.snapshot)) fail('snapshot', '/snapshot', 'Keadaan kasus tidak ada.', 'The case state is missing.');
    const rebuilt = replayEvents(content.events);
    if (!rebuilt) fail('events', '/events', 'Riwayat peristiwa tidak dapat diputar ulang oleh mesin kasus.', 'The case engine cannot replay the event history.');
    if (canonicalJson(rebuilt) !== canonicalJson(content.snapshot)) {
      fail('snapshot', '/snapshot', 'Riwayat peristiwa tidak menghasilkan keadaan kasus yang tercatat.', 'The event history does not rebuild the recorded case state.');
    }
    if (rebuilt.id !== content.caseId) fail('snapshot', '/snapshot/id', 'Keadaan kasus milik kasus lain.', 'The case state belongs to another case.');
    return null;
  } catch (error) {
    if (error instanceof Found) return error.problem;
    return { part: 'format', pointer: '', message: { id: `Isi bundel tidak terbaca (${String(error)}).`, en: `The bundle content cannot be read (${String(error)}).` } };
  }
}

/** "Peristiwa /events/3/fields/nik" — where a problem is, for the message. */
export function bundlePartLabel(part: BundlePart): LocalizedText {
  const labels: Record<BundlePart, LocalizedText> = {
    format: { id: 'Format', en: 'Format' },
    signer: { id: 'Penanda tangan', en: 'Signer' },
    sop: { id: 'SOP', en: 'SOP' },
    events: { id: 'Peristiwa', en: 'Events' },
    snapshot: { id: 'Keadaan kasus', en: 'Case state' },
    attachments: { id: 'Lampiran', en: 'Attachments' },
  };
  return labels[part];
}
