/**
 * Reads whatever the user pasted into the steps clipboard shape: our own
 * payload (copied in SOP Studio, maybe from another SOP), an HTML table, or
 * tab-separated text from Excel or Word. Everything becomes plain text: HTML
 * is read for its table cells only, and no text is ever interpreted as markup.
 */
import type { Actor, Edge, SopDocument, Step } from '../../../schemas/generated/sop.types';
import { validateSop, type Diagnostic } from '../../validation';
import type { LocalizedText } from '../types';
import { htmlTableToRows } from './htmlTable';
import { CLIPBOARD_TYPE, CLIPBOARD_VERSION, decodeBase64, PAYLOAD_ATTRIBUTE, type StepsClipboard } from './payload';
import { tableToClipboard, type TableReading } from './tableRows';
import { parseTsv } from './tsv';

/** What the UI read from the clipboard event; give what is there. */
export interface ClipboardInput {
  /** text/plain */
  text?: string;
  /** text/html */
  html?: string;
  /** Rows the UI already extracted (for example with DOMParser); used before `html`. */
  rows?: string[][];
}

export type ClipboardFormat = 'sop-studio' | 'rows' | 'html' | 'tsv';

export type ParsedClipboard =
  | ({ ok: true; format: ClipboardFormat; content: StepsClipboard } & Partial<Omit<TableReading, 'content'>>)
  | { ok: false; reason: LocalizedText; diagnostics?: Diagnostic[] };

export interface ParseClipboardOptions {
  /** The actors of the document pasted into: their labels are never split ("Desa / Kelurahan"). */
  knownActors?: readonly Actor[];
}

/** Larger pastes are refused rather than parsed: 2 MB of text is far beyond any SOP. */
export const MAX_CLIPBOARD_CHARS = 2_000_000;
const MAX_ROWS = 5000;
const MAX_CELL_CHARS = 20000;

export function parseClipboard(input: string | ClipboardInput, options: ParseClipboardOptions = {}): ParsedClipboard {
  const given: ClipboardInput = typeof input === 'string' ? (/<table[\s>]/i.test(input) ? { html: input } : { text: input }) : input;
  const size = (given.text?.length ?? 0) + (given.html?.length ?? 0);
  if (size > MAX_CLIPBOARD_CHARS) {
    return failure({ id: 'Isi papan klip terlalu besar untuk ditempel.', en: 'The clipboard content is too large to paste.' });
  }
  const text = given.text ?? '';
  if (text.trimStart().startsWith('{') && text.includes(CLIPBOARD_TYPE)) return readPayload(text);
  const embedded = given.html === undefined ? undefined : embeddedPayload(given.html);
  if (embedded !== undefined) return readPayload(embedded);
  if (given.rows) return fromRows('rows', given.rows, options);
  if (given.html !== undefined && /<table[\s>]/i.test(given.html)) {
    const rows = htmlTableToRows(given.html);
    if (rows.length > 0) return fromRows('html', rows, options);
  }
  if (text.trim() !== '') return fromRows('tsv', parseTsv(text), options);
  return failure({ id: 'Papan klip tidak berisi langkah atau tabel.', en: 'The clipboard holds no steps and no table.' });
}

/** The payload `stepsToHtml` puts on its table, when the HTML came from SOP Studio. */
function embeddedPayload(html: string): string | undefined {
  const match = new RegExp(`${PAYLOAD_ATTRIBUTE}\\s*=\\s*["']([A-Za-z0-9+/=]+)["']`).exec(html);
  return match ? decodeBase64(match[1]!) : undefined;
}

function fromRows(format: ClipboardFormat, raw: readonly string[][], options: ParseClipboardOptions): ParsedClipboard {
  if (raw.length > MAX_ROWS) {
    return failure({ id: `Tabel terlalu panjang (lebih dari ${MAX_ROWS} baris).`, en: `The table is too long (more than ${MAX_ROWS} rows).` });
  }
  const rows = raw.map((row) => row.map(plainCell));
  const reading = tableToClipboard(rows, options.knownActors ? { knownActors: options.knownActors } : {});
  if (reading.content.steps.length === 0) {
    return failure({ id: 'Tidak ada baris langkah untuk ditempel.', en: 'There are no step rows to paste.' });
  }
  return { ok: true, format, ...reading };
}

/** Control characters (other than tab and line break) are not text; overlong cells are cut to the schema's limit. */
function plainCell(cell: string): string {
  return String(cell)
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .slice(0, MAX_CELL_CHARS);
}

/**
 * Our own payload, checked as strictly as a saved document: the steps and
 * arrows are put in a throwaway document and run through the schema, so a
 * hand-edited or hostile payload cannot smuggle anything into the SOP.
 */
function readPayload(text: string): ParsedClipboard {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return failure({ id: 'Data salinan SOP Studio rusak (bukan JSON yang sah).', en: 'The SOP Studio clipboard data is damaged (not valid JSON).' });
  }
  const payload = value as Partial<StepsClipboard>;
  if (payload?.type !== CLIPBOARD_TYPE || typeof payload.version !== 'number') {
    return failure({ id: 'Isi papan klip bukan salinan langkah SOP Studio.', en: 'The clipboard does not hold SOP Studio steps.' });
  }
  if (payload.version > CLIPBOARD_VERSION) {
    return failure({
      id: 'Langkah ini disalin dari versi SOP Studio yang lebih baru; perbarui aplikasi untuk menempelnya.',
      en: 'These steps were copied from a newer SOP Studio; update the application to paste them.',
    });
  }
  if (!Array.isArray(payload.actors) || !Array.isArray(payload.steps) || !Array.isArray(payload.edges) || payload.steps.length === 0) {
    return failure({ id: 'Salinan langkah tidak lengkap.', en: 'The copied steps are incomplete.' });
  }
  const actorsOk = payload.actors.every((a) => typeof a === 'object' && a !== null && typeof (a as { lane?: unknown }).lane === 'boolean');
  const checked = actorsOk ? checkSteps(payload as StepsClipboard) : undefined;
  if (!checked || checked.problems.length > 0) {
    return { ok: false, reason: { id: 'Salinan langkah tidak sesuai skema SOP.', en: 'The copied steps do not fit the SOP schema.' }, diagnostics: checked?.problems ?? [] };
  }
  const content: StepsClipboard = { ...(payload as StepsClipboard), version: CLIPBOARD_VERSION, steps: checked.steps, edges: checked.edges };
  const stepIds = new Set(content.steps.map((s) => s.id));
  const actorIds = new Set(content.actors.map((a) => a.id));
  const consistent =
    stepIds.size === content.steps.length &&
    content.edges.every((e) => stepIds.has(e.from) && (e.to === undefined || stepIds.has(e.to))) &&
    content.steps.every((s) => s.actors.every((a) => actorIds.has(a.actor)));
  if (!consistent) return failure({ id: 'Salinan langkah saling merujuk dengan salah.', en: 'The copied steps refer to each other incorrectly.' });
  return { ok: true, format: 'sop-studio', content: { ...content, origin: content.origin === 'table' ? 'table' : 'sop-studio' } };
}

/**
 * The payload's steps and arrows in the current schema, or why they do not
 * fit it. A version 1 payload is a schema v1 document's steps: wrapped in a
 * v1 document, it is migrated like one (an end gets its outcome, a condition
 * its `asked`).
 */
function checkSteps(content: StepsClipboard): { problems: Diagnostic[]; steps: Step[]; edges: Edge[] } {
  const v1 = (content.version as number) < 2;
  const probe = {
    schemaVersion: v1 ? 1 : 2,
    id: 'clipboard',
    identity: v1 ? { government: '', office: '', unit: '', title: '', number: '', dates: {} } : {},
    actors: content.actors.map(({ lane: _lane, ...actor }) => actor),
    flows: [{ id: 'clipboard', lanes: [], steps: content.steps, edges: content.edges }],
    revision: { number: 0, status: 'draft' },
  };
  const result = validateSop(probe);
  const problems = result.diagnostics.filter((d) => d.ruleId.startsWith('schema.'));
  const flow = result.document?.flows[0];
  return { problems, steps: flow?.steps ?? content.steps, edges: flow?.edges ?? content.edges };
}

function failure(reason: LocalizedText): ParsedClipboard {
  return { ok: false, reason };
}
