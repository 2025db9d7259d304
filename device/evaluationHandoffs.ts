/**
 * The hand-over from an SOP evaluation (monev, in the runtime) to the
 * designer: the runtime writes one row here and opens
 * `designer/?evaluasi=<id>`; the designer reads the row, opens a revision
 * draft of the evaluated SOP with the evaluator's notes on its steps, and
 * marks the row opened. Like the catalogue, this table is how the two apps
 * talk without importing each other.
 */
import { DEVICE_SCHEMA_VERSION, type DeviceDb, type EvaluationHandoffRow } from './db';
import { DeviceStorageError, toDeviceError } from './errors';
import type { LocalizedText } from '../core/engine';

export type { EvaluationHandoffRow };
// The links live apart (no Dexie behind them), so the start page and the runtime's router can use them cheaply.
export { designerUrlForEvaluation, requestedEvaluationId, EVALUATION_PARAM } from './evaluationLinks';

/** Bounds, so one bad row cannot fill the SOP with text the schema would refuse. */
export const HANDOFF_LIMITS = {
  id: 200,
  title: 2000,
  /** A note becomes a step's review note, whose text is a LongText. */
  noteText: 20000,
  notes: 2000,
  generalNotes: 200,
  person: 200,
  url: 2000,
} as const;

const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

const isText = (value: unknown, max: number, required = true): boolean =>
  value === undefined ? !required : typeof value === 'string' && value.length <= max && (!required || value.trim() !== '');

/**
 * What is wrong with a hand-off row, in both languages, or an empty list.
 * The runtime checks before it writes (putEvaluationHandoff refuses), and the
 * designer checks what it reads (a row written by another version or by hand).
 */
export function checkEvaluationHandoff(value: unknown): LocalizedText[] {
  const problems: LocalizedText[] = [];
  const problem = (field: string, id: string, en: string) => problems.push({ id: `${field}: ${id}`, en: `${field}: ${en}` });
  if (typeof value !== 'object' || value === null) return [{ id: 'Data serah-terima evaluasi bukan objek.', en: 'The evaluation hand-off is not an object.' }];
  const row = value as Partial<Record<keyof EvaluationHandoffRow, unknown>>;
  if (!isText(row.id, HANDOFF_LIMITS.id)) problem('id', `wajib, paling banyak ${HANDOFF_LIMITS.id} karakter.`, `required, at most ${HANDOFF_LIMITS.id} characters.`);
  if (!isText(row.sopId, HANDOFF_LIMITS.id)) problem('sopId', 'wajib diisi.', 'is required.');
  if (typeof row.revision !== 'number' || !Number.isInteger(row.revision) || row.revision < 1) {
    problem('revision', 'harus nomor revisi terbit (1 atau lebih).', 'must be a published revision number (1 or more).');
  }
  if (!isText(row.title, HANDOFF_LIMITS.title)) problem('title', `wajib, paling banyak ${HANDOFF_LIMITS.title} karakter.`, `required, at most ${HANDOFF_LIMITS.title} characters.`);
  const period = row.period as { from?: unknown; to?: unknown } | undefined;
  if (!period || typeof period !== 'object' || typeof period.from !== 'string' || typeof period.to !== 'string' || !DATE.test(period.from) || !DATE.test(period.to)) {
    problem('period', 'harus { from, to } dengan tanggal TTTT-BB-HH.', 'must be { from, to } with YYYY-MM-DD dates.');
  } else if (period.from > period.to) {
    problem('period', 'tanggal awal sesudah tanggal akhir.', 'the start date is after the end date.');
  }
  if (typeof row.evaluatedAt !== 'string' || Number.isNaN(Date.parse(row.evaluatedAt))) problem('evaluatedAt', 'harus waktu ISO.', 'must be an ISO time.');
  if (typeof row.createdAt !== 'string' || Number.isNaN(Date.parse(row.createdAt))) problem('createdAt', 'harus waktu ISO.', 'must be an ISO time.');
  if (row.evaluator !== undefined) {
    const e = row.evaluator as { name?: unknown; nip?: unknown; office?: unknown };
    if (typeof e !== 'object' || e === null || !isText(e.name, HANDOFF_LIMITS.person) || !isText(e.nip, HANDOFF_LIMITS.person, false) || !isText(e.office, HANDOFF_LIMITS.person, false)) {
      problem('evaluator', `harus { name, nip?, office? }, masing-masing paling banyak ${HANDOFF_LIMITS.person} karakter.`, `must be { name, nip?, office? }, each at most ${HANDOFF_LIMITS.person} characters.`);
    }
  }
  if (row.runtimeUrl !== undefined && !isText(row.runtimeUrl, HANDOFF_LIMITS.url)) problem('runtimeUrl', `paling banyak ${HANDOFF_LIMITS.url} karakter.`, `at most ${HANDOFF_LIMITS.url} characters.`);
  if (!Array.isArray(row.notes) || row.notes.length > HANDOFF_LIMITS.notes) {
    problem('notes', `harus daftar (paling banyak ${HANDOFF_LIMITS.notes}).`, `must be a list (at most ${HANDOFF_LIMITS.notes}).`);
  } else {
    row.notes.forEach((note: unknown, index) => {
      const n = note as { stepId?: unknown; text?: unknown } | null;
      if (!n || typeof n !== 'object' || !isText(n.stepId, HANDOFF_LIMITS.id) || !isText(n.text, HANDOFF_LIMITS.noteText)) {
        problem(`notes[${index}]`, `harus { stepId, text } dengan teks tidak kosong (paling banyak ${HANDOFF_LIMITS.noteText} karakter).`, `must be { stepId, text } with a non-empty text (at most ${HANDOFF_LIMITS.noteText} characters).`);
      }
    });
  }
  if (row.generalNotes !== undefined) {
    if (!Array.isArray(row.generalNotes) || row.generalNotes.length > HANDOFF_LIMITS.generalNotes || !row.generalNotes.every((t) => isText(t, HANDOFF_LIMITS.noteText))) {
      problem('generalNotes', `harus daftar teks tidak kosong (paling banyak ${HANDOFF_LIMITS.generalNotes}).`, `must be a list of non-empty texts (at most ${HANDOFF_LIMITS.generalNotes}).`);
    }
  }
  if (row.openedAt !== undefined && (typeof row.openedAt !== 'string' || Number.isNaN(Date.parse(row.openedAt)))) problem('openedAt', 'harus waktu ISO.', 'must be an ISO time.');
  return problems;
}

function invalid(problems: LocalizedText[]): DeviceStorageError {
  return new DeviceStorageError('handoff.invalid', {
    id: `Serah-terima evaluasi tidak sah: ${problems.map((p) => p.id).join('; ')}`,
    en: `The evaluation hand-off is invalid: ${problems.map((p) => p.en).join('; ')}`,
  });
}

/** The row as given, without `schemaVersion` (stamped here). */
export type EvaluationHandoffInput = Omit<EvaluationHandoffRow, 'schemaVersion'>;

/**
 * Stores (or replaces: the evaluator may send the same evaluation again after
 * amending it) the hand-off of one evaluation. Refused, with what and where,
 * when the row does not hold.
 */
export async function putEvaluationHandoff(db: DeviceDb, row: EvaluationHandoffInput): Promise<EvaluationHandoffRow> {
  const stamped: EvaluationHandoffRow = { ...row, schemaVersion: DEVICE_SCHEMA_VERSION };
  const problems = checkEvaluationHandoff(stamped);
  if (problems.length > 0) throw invalid(problems);
  try {
    await db.evaluationHandoffs.put(stamped);
    return stamped;
  } catch (error) {
    throw toDeviceError(error);
  }
}

/**
 * The hand-off of evaluation `id`, or undefined when there is none. A row
 * that does not hold (another version, edited by hand) is refused with a
 * bilingual DeviceStorageError rather than half used.
 */
export async function getEvaluationHandoff(db: DeviceDb, id: string): Promise<EvaluationHandoffRow | undefined> {
  let row: EvaluationHandoffRow | undefined;
  try {
    row = await db.evaluationHandoffs.get(id);
  } catch (error) {
    throw toDeviceError(error);
  }
  if (!row) return undefined;
  if (typeof row.schemaVersion === 'number' && row.schemaVersion > DEVICE_SCHEMA_VERSION) {
    throw new DeviceStorageError('handoff.invalid', {
      id: 'Serah-terima evaluasi ini ditulis oleh versi SOP Studio yang lebih baru. Muat ulang aplikasi untuk versi terbaru.',
      en: 'This evaluation hand-off was written by a newer version of SOP Studio. Reload the app to get the latest version.',
    });
  }
  const problems = checkEvaluationHandoff(row);
  if (problems.length > 0) throw invalid(problems);
  return row;
}

/** Records when the designer opened the hand-off (the runtime can show "dibuka di Perancang"). False when there is no such row. */
export async function markEvaluationHandoffOpened(db: DeviceDb, id: string, at: string): Promise<boolean> {
  try {
    return (await db.evaluationHandoffs.update(id, { openedAt: at })) === 1;
  } catch (error) {
    throw toDeviceError(error);
  }
}
