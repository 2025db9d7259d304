/** Shared helpers for the document-core tests (not a test file itself). */
import type { Flow, SopDocument, Step } from '../../../schemas/generated/sop.types';
import { loadSamples } from '../../../samples/loadSamples.node';
import { validateSop } from '../../validation';
import { deepFreeze } from '../publish';
import { runCommand, type Command, type CommandResult } from '../commands/registry';

/** Every sample with at least one flow, deeply frozen: a command that mutates its input throws. */
export const samplesWithFlows: SopDocument[] = loadSamples()
  .filter((d) => d.flows.length > 0)
  .map((d) => deepFreeze(d));

export function sample(id: string): SopDocument {
  const doc = samplesWithFlows.find((d) => d.id === id);
  if (!doc) throw new Error(`no sample ${id}`);
  return doc;
}

export function run(doc: SopDocument, cmd: Command): CommandResult {
  const outcome = runCommand(doc, cmd);
  if (!outcome.ok) throw new Error(`${cmd.id} refused: ${outcome.code} ${outcome.reason.en}`);
  return outcome;
}

export function runAll(doc: SopDocument, commands: readonly Command[]): SopDocument {
  return commands.reduce((d, c) => run(d, c).doc, doc);
}

/** Error counts by rule id, to check that an edit added no new kind of error. */
export function errorCounts(doc: SopDocument, purpose: 'edit' | 'publish' = 'edit'): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of validateSop(doc, { purpose }).diagnostics) if (d.severity === 'error') counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
  return counts;
}

export function newErrors(before: SopDocument, after: SopDocument): string[] {
  const a = errorCounts(before);
  const b = errorCounts(after);
  return Object.keys(b).filter((k) => b[k]! > (a[k] ?? 0)).map((k) => {
    const details = validateSop(after).diagnostics.filter((d) => d.ruleId === k).map((d) => `${d.pointer}: ${d.message.en}`);
    return `${k} (${details.join(' | ')})`;
  });
}

export function mainFlow(doc: SopDocument): Flow {
  return doc.flows[0]!;
}

/** The first process step with exactly one exit to another step (present in every sample). */
export function firstProcess(flow: Flow): Step {
  const step = flow.steps.find((s) => s.kind === 'process' && flow.edges.filter((e) => e.from === s.id).length === 1);
  if (!step) throw new Error(`flow ${flow.id} has no plain process step`);
  return step;
}

export function stepByNumber(flow: Flow, number: string): Step {
  const step = flow.steps.find((s) => s.number?.replace(/\.$/, '') === number);
  if (!step) throw new Error(`no step ${number}`);
  return step;
}
