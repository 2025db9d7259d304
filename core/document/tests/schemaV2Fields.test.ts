/**
 * Commands and schema v2's kind-dependent fields: an end always carries an
 * outcome, only start/process steps split, only process/decision/end steps
 * join; a typed condition keeps (or is given) whether the runtime asks it;
 * arrows keep what is illegible or inferred about them.
 */
import { describe, expect, it } from 'vitest';
import { validateSop } from '../../validation';
import { command } from '../commands/registry';
import { mainFlow, newErrors, run, sample } from './support';

const bwi = () => sample('bwi-spm-online');

describe('commands keep the fields each kind of step may carry', () => {
  it('a step added as an end, a flow added with its end, and a kind changed to end get outcome "selesai"', () => {
    const added = run(bwi(), command('step.add', { flowId: 'main', beforeStepId: 's10', kind: 'end', text: 'Ditolak' })).doc;
    const end = mainFlow(added).steps.find((s) => s.text === 'Ditolak')!;
    expect(end.outcome).toBe('selesai');
    expect(Object.keys(end).slice(0, 4)).toEqual(['id', 'kind', 'outcome', 'text']);

    const withFlow = run(bwi(), command('flow.add', { title: 'Alur kedua' })).doc;
    expect(withFlow.flows.at(-1)!.steps.at(-1)).toMatchObject({ kind: 'end', outcome: 'selesai' });

    const changed = run(bwi(), command('step.changeKind', { flowId: 'main', stepId: 's9', kind: 'end' })).doc;
    expect(mainFlow(changed).steps[8]).toMatchObject({ kind: 'end', outcome: 'selesai' });
    expect(validateSop(changed).diagnostics.filter((d) => d.ruleId.startsWith('schema.'))).toEqual([]);
  });

  it('an end turned into another kind loses its outcome; a kept end keeps the outcome it had', () => {
    const rejecting = run(bwi(), command('step.changeKind', { flowId: 'main', stepId: 's10', kind: 'process' })).doc;
    expect(mainFlow(rejecting).steps[9]!.outcome).toBeUndefined();
    const split = { ...bwi(), flows: [{ ...mainFlow(bwi()), steps: mainFlow(bwi()).steps.map((s) => (s.id === 's2' ? { ...s, split: 'parallel' as const } : s.id === 's10' ? { ...s, outcome: 'ditolak' as const } : s)) }] };
    const decided = run(split, command('step.update', { flowId: 'main', stepId: 's2', changes: { kind: 'decision' } })).doc;
    expect(mainFlow(decided).steps[1]!.split).toBeUndefined();
    expect(mainFlow(decided).steps[9]!.outcome).toBe('ditolak');
  });

  it('a typed condition keeps whether it is asked; a new one is asked unless a decision leads to the row', () => {
    const typed = run(bwi(), command('step.update', { flowId: 'main', stepId: 's8', changes: { condition: 'Apabila disetujui' } })).doc;
    expect(mainFlow(typed).steps[7]!.condition).toEqual({ text: 'Apabila disetujui', asked: false });
    const fresh = run(bwi(), command('step.update', { flowId: 'main', stepId: 's2', changes: { condition: 'Jika pemohon hadir' } })).doc;
    expect(mainFlow(fresh).steps[1]!.condition).toEqual({ text: 'Jika pemohon hadir', asked: true });
    const explicit = run(bwi(), command('step.update', { flowId: 'main', stepId: 's2', changes: { condition: { text: 'Jika perlu', asked: false } } })).doc;
    expect(mainFlow(explicit).steps[1]!.condition).toEqual({ text: 'Jika perlu', asked: false });
    const removed = run(typed, command('step.update', { flowId: 'main', stepId: 's8', changes: { condition: null } })).doc;
    expect(mainFlow(removed).steps[7]!.condition).toBeUndefined();
  });

  it('a reconnected arrow keeps an illegible label; an inferred target stops being inferred once pointed elsewhere', () => {
    const doc = bwi();
    const flow = mainFlow(doc);
    const marked = { ...doc, flows: [{ ...flow, edges: flow.edges.map((e) => (e.id === 'e7' ? { ...e, labelUnknown: true as const, inferred: ['label' as const, 'target' as const] } : e)) }] };
    const moved = run(marked, command('edge.reconnect', { flowId: 'main', edgeId: 'e7', to: 's3' })).doc;
    expect(mainFlow(moved).edges.find((e) => e.id === 'e7')).toMatchObject({ to: 's3', labelUnknown: true, inferred: ['label'] });
    expect(newErrors(marked, moved)).toEqual([]);
  });

  it('document.replace with a document of schema v1 puts in its migrated form', async () => {
    const { readFileSync } = await import('node:fs');
    const v1 = JSON.parse(readFileSync(new URL('../../migrations/fixtures/bwi-spm-online.v1.sop.json', import.meta.url), 'utf8')) as never;
    const replaced = run(bwi(), command('document.replace', { document: v1 })).doc;
    expect(replaced).toEqual(bwi());
  });
});
