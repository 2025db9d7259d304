/**
 * Copy, cut and paste of steps through the system clipboard. A copy puts
 * three forms on it: our own payload (steps with their actors and arrows, so
 * they paste into another SOP intact), tab-separated rows and an HTML table
 * (so they paste into Excel or Word). A paste reads our payload first, else
 * an HTML table, else tab-separated text (parseClipboard decides).
 */
import { command, copySteps, parseClipboard, stepsToTsv } from '../../core/document';
import { insertionPoint } from './editorActions';
import type { EditorStore } from './editorStore';

export const STEPS_MIME = 'application/x-sop-studio-steps+json';

/** Kept for browsers that drop custom clipboard types: the last copy, matched by its text form. */
let lastCopy: { tsv: string; payload: string } | null = null;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function tsvToHtml(tsv: string): string {
  const rows = tsv.split('\n').map((line) => line.split('\t'));
  return `<table>${rows.map((cells) => `<tr>${cells.map((c) => `<td>${escapeHtml(c.replace(/^"|"$/g, ''))}</td>`).join('')}</tr>`).join('')}</table>`;
}

/** Puts the selected steps on the clipboard; false when nothing is selected. */
export function copySelection(store: EditorStore, data: DataTransfer): boolean {
  const flow = store.flow;
  const ids = store.selectedStepIds;
  if (!flow || ids.length === 0) return false;
  const payload = copySteps(store.doc, flow.id, ids);
  if (!payload) return false;
  const tsv = stepsToTsv(store.doc, flow.id, ids);
  data.setData(STEPS_MIME, payload);
  data.setData('text/plain', tsv);
  data.setData('text/html', tsvToHtml(tsv));
  lastCopy = { tsv, payload };
  return true;
}

/** Pastes steps (ours, or rows from a spreadsheet) after the selected step, or at the end. */
export function pasteInto(store: EditorStore, data: { text: string; html: string; payload: string }): boolean {
  const flow = store.flow;
  if (!flow) return false;
  const payload = data.payload || (lastCopy && data.text === lastCopy.tsv ? lastCopy.payload : '');
  const parsed = payload
    ? parseClipboard({ text: payload })
    : parseClipboard({ text: data.text, ...(data.html ? { html: data.html } : {}) }, { knownActors: store.doc.actors });
  if (!parsed.ok) {
    store.notify(parsed.reason, 'error');
    return true;
  }
  store.run(command('steps.paste', { flowId: flow.id, content: parsed.content, ...insertionPoint(store) }));
  return true;
}
