/**
 * The designer's commands for schema v2's step and arrow fields: end outcome,
 * asked condition, waktu measure, parallel split/join, sign-offs, illegible and
 * inferred arrows, sub-rows. Each edit is one command and one undo step.
 */
import { describe, expect, it } from 'vitest';
import type { SopDocument } from '../../../schemas/generated/sop.types';
import { validateSop } from '../../validation';
import { command, runCommand, type Command } from '../commands/registry';
import { createHistory } from '../history';
import { mainFlow, run, runAll, sample } from './support';

const bwi = () => sample('bwi-spm-online');
const step = (doc: SopDocument, id: string) => mainFlow(doc).steps.find((s) => s.id === id)!;
const edge = (doc: SopDocument, id: string) => mainFlow(doc).edges.find((e) => e.id === id)!;
const update = (stepId: string, changes: Parameters<typeof command<'step.update'>>[1]['changes']) => command('step.update', { flowId: 'main', stepId, changes });
const refusal = (doc: SopDocument, cmd: Command) => {
  const outcome = runCommand(doc, cmd);
  return outcome.ok ? undefined : outcome.code;
};
const ruleIds = (doc: SopDocument) => validateSop(doc).diagnostics.map((d) => d.ruleId);

/** Runs each command as its own undo step, then checks that undoing all of them restores the document exactly. */
function expectUndoRestores(doc: SopDocument, commands: Command[]) {
  const history = createHistory(doc);
  for (const cmd of commands) {
    expect(history.execute(cmd).ok).toBe(true);
    history.seal();
  }
  const edited = history.doc;
  for (const _ of commands) expect(history.undo()?.ok).toBe(true);
  expect(history.doc).toEqual(doc);
  for (const _ of commands) expect(history.redo()?.ok).toBe(true);
  expect(history.doc).toEqual(edited);
}

describe('step.update: end outcome', () => {
  it('sets the outcome of an end step, and refuses one on another kind', () => {
    const doc = run(bwi(), update('s10', { outcome: 'ditolak' })).doc;
    expect(step(doc, 's10').outcome).toBe('ditolak');
    expect(Object.keys(step(doc, 's10')).slice(0, 4)).toEqual(['id', 'number', 'kind', 'outcome']);
    expect(refusal(bwi(), update('s9', { outcome: 'ditolak' }))).toBe('step.outcome-not-end');
    expect(refusal(bwi(), update('s10', { outcome: 'hilang' as never }))).toBe('step.outcome-unknown');
    expectUndoRestores(bwi(), [update('s10', { outcome: 'ditolak' }), update('s10', { outcome: 'dirujuk' })]);
  });

  it('two choices in a row are two undo steps (a select is not typing)', () => {
    const history = createHistory(bwi());
    history.execute(update('s10', { outcome: 'ditolak' }));
    history.execute(update('s10', { outcome: 'dirujuk' }));
    history.undo();
    expect(step(history.doc, 's10').outcome).toBe('ditolak');
  });
});

describe('step.update: asked condition', () => {
  it('the checkbox sets asked and keeps the text; typing later keeps asked', () => {
    let doc = run(bwi(), update('s2', { condition: 'Jika pemohon hadir' })).doc;
    doc = run(doc, update('s2', { condition: { text: 'Jika pemohon hadir', asked: false } })).doc;
    expect(step(doc, 's2').condition).toEqual({ text: 'Jika pemohon hadir', asked: false });
    doc = run(doc, update('s2', { condition: 'Jika pemohon hadir sendiri' })).doc;
    expect(step(doc, 's2').condition).toEqual({ text: 'Jika pemohon hadir sendiri', asked: false });
    expectUndoRestores(bwi(), [update('s2', { condition: 'Jika hadir' }), update('s2', { condition: { text: 'Jika hadir', asked: false } })]);
  });
});

describe('step.update: waktu measure', () => {
  it('sets the measure, keeps it when the text changes, and stores "work" as absent', () => {
    let doc = run(bwi(), update('s3', { waktuMeasure: 'limit' })).doc;
    expect(step(doc, 's3').waktu).toMatchObject({ raw: '10 Menit', measure: 'limit' });
    expect(Object.keys(step(doc, 's3').waktu!)).toEqual(['raw', 'measure', 'parsed']);
    doc = run(doc, update('s3', { waktuRaw: '1 semester' })).doc;
    expect(step(doc, 's3').waktu).toMatchObject({ raw: '1 semester', measure: 'limit', parsed: { kind: 'amount', unit: 'semester' } });
    doc = run(doc, update('s3', { waktuMeasure: 'work' })).doc;
    expect(step(doc, 's3').waktu!.measure).toBeUndefined();
    expect(ruleIds(doc).filter((r) => r.startsWith('schema.'))).toEqual([]);
  });

  it('refuses a measure without a Waktu', () => {
    const noWaktu = run(bwi(), update('s3', { waktuRaw: null })).doc;
    expect(refusal(noWaktu, update('s3', { waktuMeasure: 'wait' }))).toBe('step.waktu-measure-without-waktu');
    expectUndoRestores(bwi(), [update('s3', { waktuMeasure: 'wait' }), update('s3', { waktuMeasure: 'limit' })]);
  });
});

describe('step.update: parallel split and join', () => {
  it('a split process may then get a second arrow; the validation rules speak until the split fans out and joins', () => {
    let doc = run(bwi(), update('s2', { split: 'parallel' })).doc;
    expect(step(doc, 's2').split).toBe('parallel');
    expect(ruleIds(doc)).toContain('split.fan-out');
    expect(refusal(bwi(), command('edge.add', { flowId: 'main', from: 's2', to: 's4' }))).toBe('edge.exit-taken');
    doc = run(doc, command('edge.add', { flowId: 'main', from: 's2', to: 's5' })).doc;
    expect(ruleIds(doc)).not.toContain('split.fan-out');
    doc = run(doc, update('s4', { join: 'all' })).doc;
    expect(step(doc, 's4').join).toBe('all');
    doc = run(doc, update('s2', { split: null })).doc;
    expect(step(doc, 's2').split).toBeUndefined();
    expect(ruleIds(doc)).toContain('join.without-split');
  });

  it('refuses a split on a decision and a join on a start', () => {
    expect(refusal(bwi(), update('s6', { split: 'parallel' }))).toBe('step.split-kind');
    expect(refusal(bwi(), update('s1', { join: 'all' }))).toBe('step.join-kind');
    expectUndoRestores(bwi(), [update('s2', { split: 'parallel' }), update('s4', { join: 'all' })]);
  });
});

describe('step.update: sub-row and continued text', () => {
  it('true sets the flag, false removes it', () => {
    const doc = run(bwi(), update('s3', { subRow: true, textContinues: true })).doc;
    expect(step(doc, 's3')).toMatchObject({ subRow: true, textContinues: true });
    const cleared = run(doc, update('s3', { subRow: false, textContinues: false })).doc;
    expect(cleared).toEqual(bwi());
    expectUndoRestores(bwi(), [update('s3', { subRow: true }), update('s3', { textContinues: true })]);
  });
});

describe('signOff commands', () => {
  const ref = { flowId: 'main', stepId: 's9' };
  const add = (position: string, action: 'paraf' | 'tandaTangan', actor?: string) =>
    command('signOff.add', { ...ref, signOff: { position, action, ...(actor ? { actor } : {}) } });

  it('add, edit, move and remove, each one undo step', () => {
    const commands = [
      add('Kasi', 'paraf'),
      add('Kadis', 'tandaTangan', 'masyarakat-pemohon'),
      command('signOff.update', { ...ref, index: 0, changes: { position: 'Kabid' } }),
      command('signOff.move', { ...ref, index: 1, toIndex: 0 }),
    ];
    const doc = runAll(bwi(), commands);
    expect(step(doc, 's9').signOffs).toEqual([
      { position: 'Kadis', action: 'tandaTangan', actor: 'masyarakat-pemohon' },
      { position: 'Kabid', action: 'paraf' },
    ]);
    expect(Object.keys(step(doc, 's9')).indexOf('signOffs')).toBeGreaterThan(Object.keys(step(doc, 's9')).indexOf('waktu'));
    expectUndoRestores(bwi(), [...commands, command('signOff.remove', { ...ref, index: 0 })]);
    const emptied = runAll(doc, [command('signOff.remove', { ...ref, index: 0 }), command('signOff.remove', { ...ref, index: 0 })]);
    expect(step(emptied, 's9').signOffs).toBeUndefined();
  });

  it('an actor that is not one of the step\'s actors is refused; null returns it to the default', () => {
    expect(refusal(bwi(), add('Kasi', 'paraf', 'kecamatan'))).toBe('signOff.unknown-actor');
    const doc = run(bwi(), add('Kasi', 'paraf', 'desa-kelurahan')).doc;
    const cleared = run(doc, command('signOff.update', { ...ref, index: 0, changes: { actor: null } })).doc;
    expect(step(cleared, 's9').signOffs).toEqual([{ position: 'Kasi', action: 'paraf' }]);
    expect(refusal(doc, command('signOff.move', { ...ref, index: 0, toIndex: 1 }))).toBe('signOff.not-found');
    expect(refusal(doc, command('signOff.remove', { ...ref, index: 3 }))).toBe('signOff.not-found');
  });
});

describe('arrows: illegible and inferred parts', () => {
  it('an illegible target replaces the step target (exactly one of to/leaves/targetUnknown), and back', () => {
    const doc = run(bwi(), command('edge.reconnect', { flowId: 'main', edgeId: 'e7', targetUnknown: true })).doc;
    expect(edge(doc, 'e7')).toMatchObject({ id: 'e7', from: 's6', targetUnknown: true, label: 'tidak memenuhi syarat' });
    expect(edge(doc, 'e7').to).toBeUndefined();
    expect(ruleIds(doc)).toContain('edge.target-unknown');
    expect(validateSop(doc).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const back = run(doc, command('edge.reconnect', { flowId: 'main', edgeId: 'e7', to: 's4' })).doc;
    expect(back).toEqual(bwi());
    const moved = run(doc, command('edge.reconnect', { flowId: 'main', edgeId: 'e7', from: 's7' }));
    expect(edge(moved.doc, 'e7')).toMatchObject({ from: 's7', targetUnknown: true });
    expect(edge(moved.doc, 'e7').to).toBeUndefined();
  });

  it('both branches of a decision may be illegible', () => {
    const doc = runAll(bwi(), [
      command('edge.reconnect', { flowId: 'main', edgeId: 'e6', targetUnknown: true }),
      command('edge.reconnect', { flowId: 'main', edgeId: 'e7', targetUnknown: true }),
    ]);
    expect([edge(doc, 'e6').targetUnknown, edge(doc, 'e7').targetUnknown]).toEqual([true, true]);
  });

  it('the label reads, is inferred or is illegible, one at a time; an inferred target needs a target', () => {
    const mark = (changes: Parameters<typeof command<'edge.update'>>[1]['changes']) => command('edge.update', { flowId: 'main', edgeId: 'e7', changes });
    let doc = run(bwi(), mark({ labelReading: 'illegible' })).doc;
    expect(edge(doc, 'e7')).toMatchObject({ labelUnknown: true });
    doc = run(doc, mark({ labelReading: 'inferred', targetInferred: true })).doc;
    expect(edge(doc, 'e7').labelUnknown).toBeUndefined();
    expect(edge(doc, 'e7').inferred).toEqual(['label', 'target']);
    expect(Object.keys(edge(doc, 'e7')).slice(0, 5)).toEqual(['id', 'from', 'to', 'label', 'inferred']);
    doc = run(doc, mark({ labelReading: 'read' })).doc;
    expect(edge(doc, 'e7').inferred).toEqual(['target']);
    doc = run(doc, mark({ targetInferred: false })).doc;
    expect(doc).toEqual(bwi());
    const unknown = run(bwi(), command('edge.reconnect', { flowId: 'main', edgeId: 'e7', targetUnknown: true })).doc;
    expect(refusal(unknown, mark({ targetInferred: true }))).toBe('edge.inferred-unknown-target');
    expectUndoRestores(bwi(), [mark({ labelReading: 'illegible' }), command('edge.reconnect', { flowId: 'main', edgeId: 'e7', targetUnknown: true }), mark({ labelReading: 'inferred' })]);
  });
});
