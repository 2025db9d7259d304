import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceDb, DeviceStorageError, getEvaluationHandoff } from '../../device';
import type { EvaluationForm } from '../../core/monev/forms';
import { evaluationHandoff, handOffToDesigner } from './revisionDraftHandoff';

const opened: DeviceDb[] = [];
const freshDevice = () => {
  const db = new DeviceDb(`handoff-test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function evaluation(patch: Partial<EvaluationForm> = {}): EvaluationForm {
  return {
    kind: 'evaluation',
    id: 'eval-2026-1',
    subject: { sopId: 'bwi-spm-online', revision: 1, title: 'Penerbitan SPM OnLine', period: { from: '2026-01-01', to: '2026-06-30' }, office: 'Dinas Sosial' },
    criteria: [],
    recommendation: 'revise',
    stepNotes: [
      { stepId: 's7', text: ' Langkah 7 melebihi Waktu-nya pada 88% kasus; pertimbangkan 2 hari kerja. ' },
      { stepId: 's2', text: '   ' },
    ],
    generalNotes: 'Perbarui dasar hukum.',
    evaluator: { name: 'Dra. Sri Wahyuni', nip: '197001011995032001' },
    createdAt: '2026-07-01T02:00:00.000Z',
    updatedAt: '2026-07-02T03:00:00.000Z',
    status: 'final',
    ...patch,
  };
}

describe('from an evaluation to a revision draft in the designer', () => {
  it('writes one hand-off row the designer reads, and gives the designer address next to the runtime', async () => {
    const device = freshDevice();
    const url = await handOffToDesigner(device, evaluation(), { lang: 'id', demo: false, now: '2026-07-02T04:00:00.000Z', pageUrl: 'https://sop.example.go.id/apps/runtime/?x=1#/monev/bwi-spm-online' });
    expect(url).toBe('https://sop.example.go.id/apps/designer/?evaluasi=eval-2026-1');
    const row = await getEvaluationHandoff(device, 'eval-2026-1');
    expect(row).toMatchObject({
      sopId: 'bwi-spm-online',
      revision: 1,
      title: 'Evaluasi SOP Penerbitan SPM OnLine',
      period: { from: '2026-01-01', to: '2026-06-30' },
      evaluatedAt: '2026-07-02T03:00:00.000Z',
      evaluator: { name: 'Dra. Sri Wahyuni', nip: '197001011995032001' },
      // The empty note is not passed on; the other loses its stray spaces.
      notes: [{ stepId: 's7', text: 'Langkah 7 melebihi Waktu-nya pada 88% kasus; pertimbangkan 2 hari kerja.' }],
      generalNotes: ['Perbarui dasar hukum.'],
      runtimeUrl: 'https://sop.example.go.id/apps/runtime/?x=1#/monev/bwi-spm-online/formulir/eval-2026-1',
    });
  });

  it('says when the notes come from demo data', () => {
    expect(evaluationHandoff(evaluation(), { lang: 'en', runtimeUrl: 'x', demo: true, now: '2026-07-02T04:00:00.000Z' }).title).toBe('Evaluation of SOP Penerbitan SPM OnLine (demo data)');
  });

  it('refuses a damaged evaluation with a message saying what is wrong, and writes nothing', async () => {
    const device = freshDevice();
    const damaged = evaluation({ subject: { ...evaluation().subject, period: { from: '2026-06-30', to: '2026-01-01' } } });
    const error = await handOffToDesigner(device, damaged, { lang: 'id', demo: false, now: '2026-07-02T04:00:00.000Z', pageUrl: 'https://sop.example.go.id/runtime/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceStorageError);
    expect((error as DeviceStorageError).localized.id).toContain('period: tanggal awal sesudah tanggal akhir');
    expect(await getEvaluationHandoff(device, 'eval-2026-1')).toBeUndefined();
  });
});
