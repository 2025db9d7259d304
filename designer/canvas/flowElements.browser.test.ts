import { describe, expect, it } from 'vitest';
import { command, runCommand, type Command } from '../../core/document';
import { createTranslator } from '../../core/i18n';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { miniDoc } from '../stories/storySupport';
import { createFlowElementsMemo, elementNames, toFlowElements } from './flowElements';
import { layoutInputs, sameLayoutInputs } from './layoutInputs';
import { computeCanvasGeometry } from './tableGeometry';

const t = createTranslator('id');
const none = new Set<string>();

function run(doc: SopDocument, cmd: Command): SopDocument {
  const outcome = runCommand(doc, cmd);
  if (!outcome.ok) throw new Error(outcome.reason.en);
  return outcome.doc;
}

function elements(doc: SopDocument, memo = createFlowElementsMemo(), geometry = computeCanvasGeometry(doc, doc.flows[0]!)) {
  return toFlowElements(geometry, doc.flows[0]!, elementNames(t), none, none, new Map(), memo, t);
}

describe('canvas elements keep their identity across edits (what lets React Flow skip them)', () => {
  it('a text edit keeps the layout; a change of lane or kind does not', () => {
    const doc = miniDoc();
    const heights = new Map(doc.flows[0]!.steps.map((s) => [s.id, 40]));
    const typed = run(doc, command('step.update', { flowId: 'main', stepId: 's2', changes: { text: 'Petugas memeriksa berkas dan KTP' } }));
    expect(sameLayoutInputs(layoutInputs(doc, doc.flows[0]!, heights), layoutInputs(typed, typed.flows[0]!, new Map(heights)))).toBe(true);
    // The same text, but the row grew: the layout must move what is below it.
    expect(sameLayoutInputs(layoutInputs(doc, doc.flows[0]!, heights), layoutInputs(typed, typed.flows[0]!, new Map([...heights, ['s2', 56]])))).toBe(false);
    const moved = run(doc, command('step.moveToLane', { flowId: 'main', stepId: 's2', toActorId: 'kasi', fromActorId: 'petugas' }));
    expect(sameLayoutInputs(layoutInputs(doc, doc.flows[0]!, heights), layoutInputs(moved, moved.flows[0]!, heights))).toBe(false);
    const kind = run(doc, command('step.changeKind', { flowId: 'main', stepId: 's2', kind: 'decision' }));
    expect(sameLayoutInputs(layoutInputs(doc, doc.flows[0]!, heights), layoutInputs(kind, kind.flows[0]!, heights))).toBe(false);
  });

  it('typing in one step rebuilds only that step’s symbol; every arrow, and the arrow list itself, stay the same objects', () => {
    const doc = miniDoc();
    const memo = createFlowElementsMemo();
    const geometry = computeCanvasGeometry(doc, doc.flows[0]!);
    const before = elements(doc, memo, geometry);
    // Nothing changed: the very same result.
    expect(elements(doc, memo, geometry)).toBe(before);
    const typed = run(doc, command('step.update', { flowId: 'main', stepId: 's2', changes: { text: 'Petugas memeriksa berkas dan KTP' } }));
    const after = elements(typed, memo, geometry);
    expect(after.edges).toBe(before.edges);
    const changed = after.nodes.filter((node, i) => node !== before.nodes[i]).map((node) => node.id);
    expect(changed).toEqual(['s2#0']);
    expect(after.nodes.find((n) => n.id === 's2#0')!.ariaLabel).toBe('Langkah 2, Proses: Petugas memeriksa berkas dan KTP');
  });

  it('when the layout is recomputed, symbols and arrows that did not move are still the old objects', () => {
    const doc = miniDoc();
    const memo = createFlowElementsMemo();
    const before = elements(doc, memo);
    // A much longer text in step 4 makes its row taller: rows 5 and 6 move down, rows 1 to 3 stay.
    const long = run(doc, command('step.update', { flowId: 'main', stepId: 's4', changes: { text: 'Kepala Seksi memaraf surat keterangan. '.repeat(12) } }));
    const after = elements(long, memo);
    const same = (id: string) => after.nodes.find((n) => n.id === id) === before.nodes.find((n) => n.id === id);
    expect(['s1#0', 's2#0', 's3#0'].every(same)).toBe(true);
    expect(same('s6#0')).toBe(false);
    expect(after.edges.find((e) => e.id === 'e1')).toBe(before.edges.find((e) => e.id === 'e1'));
  });

  it('gives every symbol its handles up front, so arrows to symbols off screen are drawn without measuring them', () => {
    const { nodes } = elements(miniDoc());
    for (const node of nodes) {
      const types = (node.handles ?? []).map((h) => h.type);
      expect(types).toEqual(node.data.kind === 'exit' ? ['target'] : ['target', 'source']);
    }
    const exit = nodes.find((n) => n.data.kind === 'exit')!;
    expect(exit.ariaLabel).toBe('Keluar dari SOP ke Dinas Kesehatan');
  });
});
