import { describe, expect, it } from 'vitest';
import { command } from '../commands/registry';
import { diffRevisions } from '../diffRevisions';
import { publishRevision } from '../publish';
import { run, runAll, sample } from './support';

describe('publishRevision', () => {
  it('freezes revision n+1 with its change note, and continues on a draft of the same number', () => {
    const draft = sample('lmj-01-ugb'); // a draft never published: revision 0
    const outcome = publishRevision(draft, { note: 'Terbit pertama', date: '2025-03-01' });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.diagnostics));
    expect(outcome.published.revision).toEqual({
      number: 1,
      status: 'published',
      publishedAt: '2025-03-01',
      changeNotes: [{ revision: 1, date: '2025-03-01', note: 'Terbit pertama' }],
    });
    expect(outcome.nextDraft.revision).toEqual({ number: 1, status: 'draft', changeNotes: [{ revision: 1, date: '2025-03-01', note: 'Terbit pertama' }] });
    expect(Object.isFrozen(outcome.published.flows[0]!.steps[0])).toBe(true);
    expect(() => {
      (outcome.published.identity as { title: string }).title = 'x';
    }).toThrow();
    expect({ ...outcome.published, revision: undefined }).toEqual({ ...draft, revision: undefined });
    // Warnings (empty identity fields) do not block publishing; they are handed back.
    expect(outcome.diagnostics.every((d) => d.severity !== 'error')).toBe(true);

    const second = publishRevision(outcome.nextDraft, { note: 'Revisi waktu', date: '2025-04-01' });
    expect(second.ok && second.published.revision.number).toBe(2);
    expect(second.ok && second.published.revision.changeNotes!.map((n) => n.revision)).toEqual([1, 2]);
  });

  it('refuses a document with errors and returns the diagnostics that block it', () => {
    const broken = run(sample('kra-pbi-jk-pbpu'), command('edge.remove', { flowId: 'main', edgeId: 'e3' })).doc;
    const outcome = publishRevision(broken, { note: 'x', date: '2025-03-01' });
    expect(outcome.ok).toBe(false);
    expect(outcome.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(
      expect.arrayContaining(['step.exit-count', 'step.unreachable']),
    );
    expect(publishRevision(sample('kra-pbi-jk-pbpu'), { note: 'x', date: 'kemarin' })).toMatchObject({
      ok: false,
      diagnostics: [{ ruleId: 'publish.date-invalid', pointer: '/revision/publishedAt' }],
    });
  });
});

describe('diffRevisions', () => {
  const before = sample('bwi-spm-online');
  const after = runAll(before, [
    command('step.add', { flowId: 'main', afterStepId: 's3', text: 'Langkah baru' }),
    command('step.remove', { flowId: 'main', stepId: 's9' }),
    command('step.update', { flowId: 'main', stepId: 's2', changes: { text: 'Diubah', waktuRaw: '20 Menit' } }),
    command('step.moveToRow', { flowId: 'main', stepId: 's5', toIndex: 1 }),
    command('lane.rename', { actorId: 'kecamatan', label: 'KANTOR KECAMATAN' }),
    command('lane.add', { flowId: 'main', actor: { label: 'BPJS' } }),
    command('edge.setLabel', { flowId: 'main', edgeId: 'e6', label: 'Ya' }),
    command('identity.update', { changes: { title: 'Judul revisi', approver: { ...before.identity.approver!, name: 'NAMA BARU' } } }),
    command('headerBlock.setItems', { block: 'peringatan', items: ['Baru'] }),
  ]);
  const diff = diffRevisions(before, after);
  const flow = diff.flows.changed[0]!;

  it('lists steps added, removed and changed (with the fields)', () => {
    expect(flow.steps.added).toEqual([{ id: 's11', text: 'Langkah baru' }]);
    expect(flow.steps.removed).toEqual([{ id: 's9', number: '9', text: before.flows[0]!.steps[8]!.text }]);
    expect(flow.steps.changed.find((s) => s.id === 's2')!.fields).toEqual(['text', 'waktu']);
    expect(flow.steps.changed.find((s) => s.id === 's5')!.fields).toEqual(['row']);
  });

  it('lists lanes added and renamed, edges added, removed and relabelled', () => {
    expect(flow.lanes.added).toEqual([{ actorId: 'bpjs', label: 'BPJS' }]);
    expect(flow.lanes.renamed).toEqual([{ actorId: 'kecamatan', before: 'KECAMATAN', after: 'KANTOR KECAMATAN' }]);
    expect(flow.edges.changed.find((e) => e.id === 'e6')!.fields).toEqual(['label']);
    expect(flow.edges.added.map((e) => e.id)).toEqual(['e12']);
    expect(flow.edges.removed.map((e) => e.id)).toEqual(['e11']);
  });

  it('lists identity and header block fields that changed', () => {
    expect(diff.identity.map((c) => c.field)).toEqual(['title', 'approver.name']);
    expect(diff.identity[1]).toEqual({ field: 'approver.name', before: before.identity.approver!.name, after: 'NAMA BARU' });
    expect(diff.headerBlocks).toEqual([{ field: 'peringatan', before: [], after: ['Baru'] }]);
    expect(diff.actors.added.map((a) => a.id)).toEqual(['bpjs']);
    expect(diff.isEmpty).toBe(false);
  });

  it('finds nothing between a draft and the revision published from it, except the revision record', () => {
    const outcome = publishRevision(before, { note: 'n', date: '2025-01-01' });
    expect(outcome.ok && diffRevisions(before, outcome.published)).toMatchObject({ isEmpty: true, other: [] });
  });
});
