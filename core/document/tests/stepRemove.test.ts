import { describe, expect, it } from 'vitest';
import { command } from '../commands/registry';
import { mainFlow, newErrors, run, sample } from './support';

describe('step.remove repairs what pointed at the step', () => {
  it('reconnects the predecessor to the successor and says so in both languages', () => {
    const doc = sample('kra-pbi-jk-pbpu');
    const result = run(doc, command('step.remove', { flowId: 'main', stepId: 's4' }));
    expect(result.message).toEqual({
      id: 'Langkah 4 dihapus. Panah disambung ulang: 3 → 5.',
      en: 'Step 4 removed. Arrows reconnected: 3 → 5.',
    });
    expect(mainFlow(result.doc).edges.find((e) => e.id === 'e3')).toEqual({ id: 'e3', from: 's3', to: 's5' });
    expect(newErrors(doc, result.doc)).toEqual([]);
  });

  it('keeps a branch label when a decision exit is reconnected', () => {
    const doc = sample('blt-sk-kip');
    const result = run(doc, command('step.remove', { flowId: 'main', stepId: 's3' }));
    expect(result.message?.en).toBe('Step 3 removed. Arrows reconnected: 2 → 4 (YA).');
    expect(newErrors(doc, result.doc)).toEqual([]);
  });

  it('removes the arrows into a decision, whose successor is ambiguous, and lists them', () => {
    const doc = sample('blt-sk-kip');
    const result = run(doc, command('step.remove', { flowId: 'main', stepId: 's2' }));
    expect(result.message).toEqual({
      id: 'Langkah 2 dihapus. Panah dihapus (tidak dapat disambung ulang): 1 → 2.',
      en: 'Step 2 removed. Arrows removed (could not be reconnected): 1 → 2.',
    });
    const flow = mainFlow(result.doc);
    expect(flow.edges.some((e) => e.from === 's2' || e.to === 's2')).toBe(false);
    expect(result.changes).toEqual(expect.arrayContaining([
      { kind: 'step', id: 's2', flowId: 'main', change: 'removed' },
      { kind: 'edge', id: 'e1', flowId: 'main', change: 'removed' },
      { kind: 'edge', id: 'e2', flowId: 'main', change: 'removed' },
      { kind: 'edge', id: 'e3', flowId: 'main', change: 'removed' },
    ]));
  });

  it('drops a loop that would point back at its own source', () => {
    const doc = sample('lmj-07-rekom-keringanan-biaya-rs'); // s2 Tidak → s1; s1 → s2
    const result = run(doc, command('step.remove', { flowId: 'main', stepId: 's1' }));
    expect(result.message?.en).toMatch(/^Step 1 removed\. Arrows removed \(could not be reconnected\): 2 → 1 \(Tidak\)\. Case fields/);
  });

  it('moves a phase heading to the next row and unties case fields collected at the step', () => {
    const doc = sample('kra-pbi-jk-pbpu');
    const result = run(doc, command('step.remove', { flowId: 'main', stepId: 's1' }));
    expect(mainFlow(result.doc).sections).toEqual([{ id: 'sec1', title: 'PENGAJUAN PENGUSULAN PENERIMA BANTUAN IURAN JAMINAN KESEHATAN', beforeStep: 's2' }]);
    expect(result.doc.caseFields!.filter((f) => f.step === 's1')).toEqual([]);
    expect(result.message?.id).toContain('Isian kasus tidak lagi terikat ke langkah: ');
    expect(result.message?.en).toContain('Case fields no longer tied to a step: ');
  });

  it('removes several steps in a row as one edit, reporting where each arrow finally goes', () => {
    const doc = sample('kra-pbi-jk-pbpu');
    const result = run(doc, command('steps.remove', { flowId: 'main', stepIds: ['s3', 's4', 's5'] }));
    expect(result.message).toEqual({
      id: 'Langkah 3, 4, 5 dihapus. Panah disambung ulang: 2 → 6.',
      en: 'Steps 3, 4, 5 removed. Arrows reconnected: 2 → 6.',
    });
    expect(newErrors(doc, result.doc)).toEqual([]);
  });
});
