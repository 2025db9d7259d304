/**
 * Random mixed edits on the samples: undoing all of them gives back the exact
 * original, redoing all gives back the exact final document, and every
 * intermediate state is restored on the way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SopDocument, Step } from '../../../schemas/generated/sop.types';
import { buildClipboard } from '../clipboard/payload';
import { command, type Command } from '../commands/registry';
import { createHistory } from '../history';
import { samplesWithFlows } from './support';

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('2-3 Jam', '15menit', '1 hari kerja', '', '-', '<script>alert(1)</script>', 'Kasi / Kabid', 'Setiap Tanggal 1 - 15'),
);
const pick = fc.nat({ max: 1000 });
const kind = fc.constantFrom<Step['kind']>('start', 'process', 'decision', 'end', 'connector');

/** An edit described by choices, resolved against whatever the document is when it runs. */
const intent = fc.oneof(
  fc.record({ op: fc.constant('step.add' as const), at: pick, kind, text, before: fc.boolean() }),
  fc.record({ op: fc.constant('step.update' as const), at: pick, text, waktu: text, reqs: fc.array(text, { maxLength: 3 }) }),
  fc.record({ op: fc.constant('step.changeKind' as const), at: pick, kind }),
  fc.record({ op: fc.constant('step.moveToLane' as const), at: pick, lane: pick }),
  fc.record({ op: fc.constant('step.moveToRow' as const), at: pick, to: pick }),
  fc.record({ op: fc.constant('step.remove' as const), at: pick }),
  fc.record({ op: fc.constant('steps.remove' as const), at: pick }),
  fc.record({ op: fc.constant('steps.paste' as const), at: pick, from: pick }),
  fc.record({ op: fc.constant('steps.renumber' as const) }),
  fc.record({ op: fc.constant('edge.add' as const), at: pick, to: pick }),
  fc.record({ op: fc.constant('edge.reconnect' as const), at: pick, to: pick }),
  fc.record({ op: fc.constant('edge.setLabel' as const), at: pick, text }),
  fc.record({ op: fc.constant('edge.remove' as const), at: pick }),
  fc.record({ op: fc.constant('lane.add' as const), text }),
  fc.record({ op: fc.constant('lane.rename' as const), at: pick, text }),
  fc.record({ op: fc.constant('lane.reorder' as const), at: pick, to: pick }),
  fc.record({ op: fc.constant('lane.remove' as const), at: pick, to: pick }),
  fc.record({ op: fc.constant('identity.update' as const), text }),
  fc.record({ op: fc.constant('headerBlock.setItems' as const), items: fc.option(fc.array(text, { maxLength: 3 })) }),
  fc.record({ op: fc.constant('section.add' as const), at: pick, text }),
  fc.record({ op: fc.constant('section.remove' as const), at: pick }),
  fc.record({ op: fc.constant('caseField.add' as const), text, at: pick }),
  fc.record({ op: fc.constant('caseField.reorder' as const), at: pick, to: pick }),
  fc.record({ op: fc.constant('flow.add' as const), text }),
  fc.record({ op: fc.constant('flow.remove' as const), at: pick }),
  fc.record({ op: fc.constant('statedTotal.set' as const), text }),
  fc.record({ op: fc.constant('document.replace' as const), text }),
);
type Intent = typeof intent extends fc.Arbitrary<infer T> ? T : never;

function at<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

function resolve(doc: SopDocument, i: Intent): Command | undefined {
  const flow = at(doc.flows, 'at' in i ? i.at : 0);
  if (!flow) return undefined;
  const flowId = flow.id;
  const step = at(flow.steps, 'at' in i ? i.at : 0);
  const edge = at(flow.edges, 'at' in i ? i.at : 0);
  switch (i.op) {
    case 'step.add':
      return step && command('step.add', { flowId, ...(i.before ? { beforeStepId: step.id } : { afterStepId: step.id }), kind: i.kind, text: i.text });
    case 'step.update':
      return step && command('step.update', { flowId, stepId: step.id, changes: { text: i.text, waktuRaw: i.waktu, requirements: i.reqs.map((t) => ({ text: t })) } });
    case 'step.changeKind':
      return step && command('step.changeKind', { flowId, stepId: step.id, kind: i.kind });
    case 'step.moveToLane':
      return step && flow.lanes.length > 0 ? command('step.moveToLane', { flowId, stepId: step.id, toActorId: at(flow.lanes, i.lane)! }) : undefined;
    case 'step.moveToRow':
      return step && command('step.moveToRow', { flowId, stepId: step.id, toIndex: i.to % flow.steps.length });
    case 'step.remove':
      return step && command('step.remove', { flowId, stepId: step.id });
    case 'steps.remove':
      return step && command('steps.remove', { flowId, stepIds: flow.steps.slice(i.at % flow.steps.length, (i.at % flow.steps.length) + 2).map((s) => s.id) });
    case 'steps.paste': {
      const source = at(samplesWithFlows, i.from)!;
      const sourceFlow = source.flows[0]!;
      const content = buildClipboard(source, sourceFlow.id, sourceFlow.steps.slice(1, 3).map((s) => s.id));
      return step && content && command('steps.paste', { flowId, afterStepId: step.id, content });
    }
    case 'steps.renumber':
      return command('steps.renumber', { flowId });
    case 'edge.add':
      return step && command('edge.add', { flowId, from: step.id, to: at(flow.steps, i.to)!.id });
    case 'edge.reconnect':
      return edge && command('edge.reconnect', { flowId, edgeId: edge.id, to: at(flow.steps, i.to)!.id });
    case 'edge.setLabel':
      return edge && command('edge.setLabel', { flowId, edgeId: edge.id, label: i.text });
    case 'edge.remove':
      return edge && command('edge.remove', { flowId, edgeId: edge.id });
    case 'lane.add':
      return command('lane.add', { flowId, actor: { label: i.text } });
    case 'lane.rename':
      return flow.lanes.length > 0 ? command('lane.rename', { actorId: at(flow.lanes, i.at)!, label: i.text }) : undefined;
    case 'lane.reorder':
      return flow.lanes.length > 0 ? command('lane.reorder', { flowId, actorId: at(flow.lanes, i.at)!, toIndex: i.to % flow.lanes.length }) : undefined;
    case 'lane.remove':
      return flow.lanes.length > 0 ? command('lane.remove', { flowId, actorId: at(flow.lanes, i.at)!, moveStepsTo: at(flow.lanes, i.to)! }) : undefined;
    case 'identity.update':
      return command('identity.update', { changes: { title: i.text, dates: { revisi: { raw: i.text } } } });
    case 'headerBlock.setItems':
      return command('headerBlock.setItems', { block: 'keterkaitan', items: i.items });
    case 'section.add':
      return step && command('section.add', { flowId, beforeStepId: step.id, title: i.text });
    case 'section.remove': {
      const section = at(flow.sections ?? [], i.at);
      return section && command('section.remove', { flowId, sectionId: section.id });
    }
    case 'caseField.add':
      return command('caseField.add', { field: { label: i.text || 'Isian', type: 'text', required: false, ...(step ? { step: step.id } : {}) } });
    case 'caseField.reorder': {
      const field = at(doc.caseFields ?? [], i.at);
      return field && command('caseField.reorder', { fieldId: field.id, toIndex: i.to % doc.caseFields!.length });
    }
    case 'flow.add':
      return command('flow.add', { title: i.text, lanes: flow.lanes.slice(0, 1) });
    case 'flow.remove':
      return command('flow.remove', { flowId });
    case 'statedTotal.set':
      return command('statedTotal.set', { flowId, raw: i.text || null });
    case 'document.replace':
      return command('document.replace', { document: JSON.parse(JSON.stringify({ ...doc, identity: { ...doc.identity, unit: i.text } })) });
  }
}

describe('random command sequences', () => {
  it('undo all restores the original, redo all restores the final document, step by step', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samplesWithFlows), fc.array(intent, { minLength: 1, maxLength: 25 }), (original, intents) => {
        const history = createHistory(original, { maxDepth: 1000 });
        const states: SopDocument[] = [original];
        for (const i of intents) {
          const cmd = resolve(history.doc, i);
          if (!cmd) continue;
          const outcome = history.execute(cmd, { coalesce: false });
          if (outcome.ok && outcome.patch.length > 0) states.push(history.doc);
        }
        const final = history.doc;
        for (let k = states.length - 2; k >= 0; k--) {
          expect(history.undo()?.ok).toBe(true);
          expect(history.doc).toEqual(states[k]);
        }
        expect(history.undo()).toBeUndefined();
        expect(JSON.stringify(history.doc)).toBe(JSON.stringify(original));
        expect(history.getState().dirty).toBe(false);
        for (let k = 1; k < states.length; k++) expect(history.redo()?.ok).toBe(true);
        expect(history.doc).toEqual(final);
        expect(JSON.stringify(history.doc)).toBe(JSON.stringify(final));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same final document whether edits are coalesced into few undo steps or not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samplesWithFlows), fc.array(intent, { minLength: 1, maxLength: 15 }), (original, intents) => {
        const history = createHistory(original, { now: () => 0, coalesceWindowMs: 10 });
        history.beginTransaction();
        for (const i of intents) {
          const cmd = resolve(history.doc, i);
          if (cmd) history.execute(cmd);
        }
        history.commitTransaction();
        const final = history.doc;
        if (history.getState().canUndo) {
          expect(history.undo()?.ok).toBe(true);
          expect(history.getState().canUndo).toBe(false);
        }
        expect(history.doc).toEqual(original);
        history.redo();
        expect(history.doc).toEqual(final);
      }),
      { numRuns: 100 },
    );
  });
});
