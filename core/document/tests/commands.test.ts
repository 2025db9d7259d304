import { describe, expect, it } from 'vitest';
import { commandRegistry, runCommand, type CommandId } from '../commands/registry';
import { createHistory } from '../history';
import { applyPatch } from '../patch';
import { commandCases } from './commandTable';
import { newErrors, run, runAll, samplesWithFlows } from './support';
import { deepFreeze } from '../publish';
import { plainTextOf } from '../../text/richText';

const ids = Object.keys(commandRegistry) as CommandId[];

describe('every command', () => {
  it('has a do/undo/redo case in the table', () => {
    expect(Object.keys(commandCases).sort()).toEqual([...ids].sort());
  });

  describe.each(ids)('%s', (id) => {
    const testCase = commandCases[id];
    it.each(samplesWithFlows.map((d) => [d.id, d] as const))('applies, undoes and redoes exactly on %s', (_name, sampleDoc) => {
      const before = deepFreeze(runAll(sampleDoc, testCase.prepare?.(sampleDoc) ?? []));
      const cmd = testCase.build(before, sampleDoc);
      const result = run(before, cmd);
      expect(result.patch.length).toBeGreaterThan(0);
      expect(result.changes.length).toBeGreaterThan(0);

      // The inverse restores the exact document, key order included; the patch replays the edit.
      const undone = applyPatch(result.doc, result.inverse);
      expect(undone).toEqual(before);
      expect(JSON.stringify(undone)).toBe(JSON.stringify(before));
      expect(applyPatch(before, result.patch)).toEqual(result.doc);

      // Through the history, as the UI uses it.
      const history = createHistory(before);
      expect(history.execute(cmd).ok).toBe(true);
      expect(history.getState().dirty).toBe(true);
      expect(history.undo()?.ok).toBe(true);
      expect(history.doc).toEqual(before);
      expect(history.getState().dirty).toBe(false);
      expect(history.redo()?.ok).toBe(true);
      expect(history.doc).toEqual(result.doc);

      if (testCase.keepsValid) expect(newErrors(before, result.doc)).toEqual([]);
    });
  });
});

describe('structural sharing', () => {
  it('keeps the identity of everything a step edit does not touch', () => {
    const doc = samplesWithFlows.find((d) => d.id === 'bwi-spm-online')!;
    const flow = doc.flows[0]!;
    const result = run(doc, { id: 'step.update', params: { flowId: flow.id, stepId: 's3', changes: { text: 'Diubah' } } });
    const next = result.doc.flows[0]!;
    expect(result.doc.identity).toBe(doc.identity);
    expect(result.doc.actors).toBe(doc.actors);
    expect(next.edges).toBe(flow.edges);
    expect(next.steps[0]).toBe(flow.steps[0]);
    expect(next.steps[3]).toBe(flow.steps[3]);
    expect(next.steps[2]).not.toBe(flow.steps[2]);
    // Undo keeps sharing too: only the path to the restored text is new.
    const undone = applyPatch(result.doc, result.inverse).flows[0]!;
    expect(undone.steps[3]).toBe(flow.steps[3]);
    expect(undone.steps[2]!.actors).toBe(flow.steps[2]!.actors);
  });

  it('answers a command that changes nothing with an empty patch and the same document', () => {
    const doc = samplesWithFlows[0]!;
    const flow = doc.flows[0]!;
    const step = flow.steps[1]!;
    const result = run(doc, { id: 'step.update', params: { flowId: flow.id, stepId: step.id, changes: { text: plainTextOf(step.text) } } });
    expect(result.patch).toEqual([]);
    expect(result.doc).toBe(doc);
  });

  it('refuses unknown commands and missing targets without throwing', () => {
    const doc = samplesWithFlows[0]!;
    expect(runCommand(doc, { id: 'nope.nope', params: {} } as never)).toMatchObject({ ok: false, code: 'command.unknown' });
    expect(runCommand(doc, { id: 'step.remove', params: { flowId: 'missing', stepId: 's1' } })).toMatchObject({ ok: false, code: 'flow.not-found' });
    expect(runCommand(doc, { id: 'step.remove', params: { flowId: doc.flows[0]!.id, stepId: 'missing' } })).toMatchObject({ ok: false, code: 'step.not-found' });
  });
});
