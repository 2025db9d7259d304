/**
 * The clipboard payload for steps copied in SOP Studio: self-contained (it
 * carries the actors the steps use and the arrows between them), so it pastes
 * into another flow or another SOP. Tables pasted from Excel or Word are read
 * into the same shape (see tableToClipboard), so `steps.paste` has one input.
 */
import type { Actor, Edge, SopDocument, Step } from '../../../schemas/generated/sop.types';
import { findFlow } from '../rules';
import { parseTsv } from './tsv';
import { plainTextOf } from '../../text/richText';

export const CLIPBOARD_TYPE = 'sop-studio/steps';
/**
 * 2: steps and arrows in SOP schema v2. Version 1 payloads (copied in an
 * older SOP Studio, still open in another tab) hold schema v1 steps; pasting
 * migrates them like a v1 document.
 */
export const CLIPBOARD_VERSION = 2;

/** An actor as copied: `lane` says whether it had a lane (else it acted from outside the lanes). */
export interface ClipboardActor extends Actor {
  lane: boolean;
}

export interface StepsClipboard {
  type: typeof CLIPBOARD_TYPE;
  version: typeof CLIPBOARD_VERSION;
  /** Where the steps were copied from; absent for a pasted table. */
  source?: { documentId: string; flowId: string };
  /** 'table': rows from a spreadsheet or a word processor, chained in order. */
  origin: 'sop-studio' | 'table';
  actors: ClipboardActor[];
  /** In row order. */
  steps: Step[];
  /** Only arrows between copied steps, and arrows leaving the SOP. */
  edges: Edge[];
}

/** The payload object for `stepIds` (taken in row order; unknown ids are ignored). */
export function buildClipboard(doc: SopDocument, flowId: string, stepIds: readonly string[]): StepsClipboard | undefined {
  const found = findFlow(doc, flowId);
  if ('ok' in found) return undefined;
  const { flow } = found;
  const wanted = new Set(stepIds);
  const steps = flow.steps.filter((s) => wanted.has(s.id));
  if (steps.length === 0) return undefined;
  const copied = new Set(steps.map((s) => s.id));
  const edges = flow.edges.filter((e) => copied.has(e.from) && (e.leaves !== undefined || copied.has(e.to ?? '')));
  const used = new Set(steps.flatMap((s) => s.actors.map((a) => a.actor)));
  const actors = doc.actors.filter((a) => used.has(a.id)).map((a) => ({ ...a, lane: flow.lanes.includes(a.id) }));
  return { type: CLIPBOARD_TYPE, version: CLIPBOARD_VERSION, source: { documentId: doc.id, flowId }, origin: 'sop-studio', actors, steps, edges };
}

/** The payload as the JSON text to put on the clipboard; undefined when no step was found. */
export function copySteps(doc: SopDocument, flowId: string, stepIds: readonly string[]): string | undefined {
  const payload = buildClipboard(doc, flowId, stepIds);
  return payload && JSON.stringify(payload);
}

/**
 * The same steps as tab-separated rows (No, Kegiatan, Pelaksana, Kelengkapan,
 * Waktu, Output, Keterangan) for pasting into Excel or Word. Cells with tabs,
 * line breaks or quotes are quoted the way Excel expects.
 */
export function stepsToTsv(doc: SopDocument, flowId: string, stepIds: readonly string[]): string {
  const payload = buildClipboard(doc, flowId, stepIds);
  if (!payload) return '';
  const label = new Map(payload.actors.map((a) => [a.id, a.label]));
  const rows = payload.steps.map((step) => [
    step.number ?? '',
    plainTextOf(step.text),
    step.actors.map((a, i) => (i === 0 ? '' : a.alternative ? ' / ' : ', ') + (label.get(a.actor) ?? a.actor)).join(''),
    (step.requirements ?? []).map((r) => plainTextOf(r.text)).join('\n'),
    step.waktu?.raw ?? '',
    plainTextOf(step.output),
    plainTextOf(step.remarks),
  ]);
  return rows.map((cells) => cells.map(tsvCell).join('\t')).join('\n');
}

function tsvCell(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The attribute of `stepsToHtml`'s table that carries the payload (base64 of its UTF-8 JSON). */
export const PAYLOAD_ATTRIBUTE = 'data-sop-studio-steps';

/**
 * The steps as an HTML table for `text/html`: Word and Excel paste it as a
 * table, and SOP Studio reads the full payload back from the table's
 * attribute, so one copy serves both (put `stepsToTsv` in `text/plain`).
 */
export function stepsToHtml(doc: SopDocument, flowId: string, stepIds: readonly string[]): string {
  const payload = buildClipboard(doc, flowId, stepIds);
  if (!payload) return '';
  const rows = parseTsv(stepsToTsv(doc, flowId, stepIds));
  const header = ['No', 'Kegiatan', 'Pelaksana', 'Kelengkapan', 'Waktu', 'Output', 'Keterangan'];
  const cells = (row: readonly string[], tag: string) => row.map((c) => `<${tag}>${escapeHtml(c).replace(/\n/g, '<br>')}</${tag}>`).join('');
  return `<table ${PAYLOAD_ATTRIBUTE}="${encodeBase64(JSON.stringify(payload))}"><tr>${cells(header, 'th')}</tr>${rows.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</table>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function encodeBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeBase64(base64: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
