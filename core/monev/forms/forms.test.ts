import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_CALENDAR } from '../../sla/calendar';
import type { MonevMeasures, StepMeasures } from '../measures';
import { evaluationProblems, minutesPerWorkingDay, monitoringProblems, prefillEvaluationForm, prefillMonitoringForm, suggestWaktu } from './index';

const calendar = DEFAULT_WORKING_CALENDAR;
const summary = (median: number | null, p90: number | null) => ({ count: median === null ? 0 : 10, totalMinutes: 0, median, p90 });

function step(id: string, row: number, patch: Partial<StepMeasures> = {}): StepMeasures {
  return {
    stepId: id, row, number: String(row), name: `Langkah ${row}`, actor: 'operator', waktu: '30 Menit', measure: 'work', hasStandard: true, known: true,
    visits: 100, done: 100, cases: 100, duration: summary(20, 28), withStandard: 100, within: 95, shareWithin: 0.95, overMinutes: 0, waiting: null,
    loops: { cases: 0, rate: 0 }, returns: { count: 0, toApplicant: 0, rate: 0, reasons: [] }, skipped: { asked: 0, skipped: 0 },
    signWait: summary(null, null), joinWait: summary(null, null), ...patch,
  };
}

function measuresOf(steps: StepMeasures[]): MonevMeasures {
  return { steps } as unknown as MonevMeasures;
}

const subject = { sopId: 'bwi-spm-online', revision: 1, title: 'Penerbitan SPM', period: { from: '2026-01-01', to: '2026-06-30' } };
const input = (steps: StepMeasures[], lang: 'id' | 'en' = 'id') => ({ id: 'mon-1', subject, measures: measuresOf(steps), laneLabel: (id?: string) => (id === 'operator' ? 'Operator Kecamatan' : '—'), calendar, lang, now: '2026-07-01T02:00:00.000Z' });

describe('suggested Waktu', () => {
  it('rounds the time up to what drafters write', () => {
    expect(minutesPerWorkingDay(calendar)).toBe(450); // 7.5 h Monday–Friday (Friday 7.5 h too, with its longer break)
    expect(suggestWaktu(22, calendar, 'id')).toBe('30 menit');
    expect(suggestWaktu(47, calendar, 'en')).toBe('60 minutes');
    expect(suggestWaktu(75, calendar, 'id')).toBe('90 menit');
    expect(suggestWaktu(100, calendar, 'id')).toBe('2 jam');
    expect(suggestWaktu(451, calendar, 'id')).toBe('2 hari kerja');
  });
});

describe('the monitoring form prefilled from the measures', () => {
  it('marks a step that runs within its Waktu as running well, with nothing to do', () => {
    const form = prefillMonitoringForm(input([step('s1', 1)]));
    expect(form.rows[0]).toMatchObject({ stepId: 's1', number: '1', actor: 'Operator Kecamatan', runsWell: true, problem: '', action: '', amended: false });
  });

  it('says how often a late step exceeds its Waktu and suggests the Waktu most visits met', () => {
    const late = step('s5', 5, { shareWithin: 0.38, duration: summary(40, 52) });
    const [row] = prefillMonitoringForm(input([late])).rows;
    expect(row!.runsWell).toBe(false);
    expect(row!.problem).toBe('Melewati Waktu (30 Menit) pada 62% kunjungan; median 0,7 jam, P90 0,9 jam.');
    expect(row!.action).toContain('pertimbangkan 60 menit');
  });

  it('gives the reasons of a step often sent back, and does not judge a step nobody reached', () => {
    const returned = step('s3', 3, { returns: { count: 30, toApplicant: 10, rate: 0.3, reasons: [{ reason: 'KTP tidak terbaca', count: 20 }, { reason: 'Surat pengantar belum ada', count: 10 }] } });
    const unused = step('s4', 4, { visits: 0, done: 0, shareWithin: null, duration: summary(null, null), returns: { count: 0, toApplicant: 0, rate: null, reasons: [] }, loops: { cases: 0, rate: null } });
    const form = prefillMonitoringForm(input([returned, unused], 'en'));
    expect(form.rows[0]!.problem).toBe('Sent back in 30% of visits. Most given reasons: KTP tidak terbaca; Surat pengantar belum ada.');
    expect(form.rows[1]).toMatchObject({ runsWell: null, problem: 'No visit in this period.' });
  });

  it('leaves steps of other revisions out of the form', () => {
    expect(prefillMonitoringForm(input([step('s1', 1), step('old', 9, { known: false })])).rows.map((r) => r.stepId)).toEqual(['s1']);
  });

  it('is not final without an evaluator and an action for every failing step', () => {
    const form = prefillMonitoringForm(input([step('s5', 5, { shareWithin: 0.38, duration: summary(40, 52) })]));
    form.rows[0]!.action = ' ';
    expect(monitoringProblems(form).map((p) => [p.where, p.message.id])).toEqual([
      ['evaluator', 'Nama evaluator belum diisi.'],
      ['row:s5', 'Langkah 5: tidak berjalan baik, tetapi tindakan yang harus diambil belum diisi.'],
    ]);
    form.evaluator = { name: 'Dra. Sri Wahyuni' };
    form.rows[0]!.action = 'Tambah petugas';
    expect(monitoringProblems(form)).toEqual([]);
  });
});

describe('the evaluation form', () => {
  it('turns failing steps into notes for the drafter, and recommends a revision', () => {
    const monitoring = prefillMonitoringForm(input([step('s1', 1), step('s5', 5, { shareWithin: 0.38, duration: summary(40, 52) })]));
    const form = prefillEvaluationForm({ id: 'ev-1', subject, monitoring, calendar, lang: 'id', now: '2026-07-01T02:00:00.000Z' });
    expect(form.stepNotes).toEqual([{ stepId: 's5', text: 'Langkah 5 melebihi Waktu-nya pada 62% kasus; pertimbangkan 60 menit.' }]);
    expect(form.recommendation).toBe('revise');
    expect(form.criteria).toHaveLength(7);
    expect(form.monitoringId).toBe('mon-1');
  });

  it('keeps the evaluator’s own words for a step they amended', () => {
    const monitoring = prefillMonitoringForm(input([step('s5', 5, { shareWithin: 0.38, duration: summary(40, 52) })]));
    Object.assign(monitoring.rows[0]!, { problem: 'Petugas hanya satu orang.', action: 'Tambah satu petugas loket.', amended: true });
    const form = prefillEvaluationForm({ id: 'ev-1', subject, monitoring, calendar, lang: 'id', now: '2026-07-01T02:00:00.000Z' });
    expect(form.stepNotes).toEqual([{ stepId: 's5', text: 'Petugas hanya satu orang. Tambah satu petugas loket.' }]);
  });

  it('asks for every criterion and a recommendation before it is final', () => {
    const form = prefillEvaluationForm({ id: 'ev-1', subject, calendar, lang: 'en', now: '2026-07-01T02:00:00.000Z' });
    expect(form.recommendation).toBeNull();
    const problems = evaluationProblems(form);
    expect(problems).toHaveLength(1 + 7 + 1);
    expect(problems[1]!.message.en).toBe('Criterion "Drives better performance" is not yet judged.');
  });
});
