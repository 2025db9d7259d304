import { describe, expect, it } from 'vitest';
import { earliestDue, foldEvents, isCaseOverdue, isVisitOverdue } from './index';
import { CaseDriver } from './testing/caseDriver';
import { waktuKindsSop } from './testing/v2Sops';

/** WIB wall time. */
const wib = (local: string) => new Date(`${local}:00+07:00`).toISOString();

describe('Waktu kinds in a case', () => {
  it('dates work and limits, never dates a wait, and moves the case due time by the working time waited', () => {
    const d = new CaseDriver(waktuKindsSop(), 'c', '2025-06-02T02:59:00.000Z');
    d.ok({ type: 'case.start', fields: { nama: 'Ani' }, at: wib('2025-06-02T10:00') });
    // 30 min + 24 working hours (limit) + 15 min = 1485 working minutes; the 14-day wait is not the office's time.
    expect(d.current.caseDueAt).toBe(wib('2025-06-05T13:15'));
    d.ok({ type: 'step.complete', stepId: 'terima', at: wib('2025-06-02T10:20') });
    const telaah = d.current.visits.at(-1)!;
    expect(telaah).toMatchObject({ stepId: 'telaah', measure: 'limit', dueAt: wib('2025-06-05T11:50') });
    d.ok({ type: 'step.complete', stepId: 'telaah', at: wib('2025-06-03T09:00') });
    const balasan = d.current.visits.at(-1)!;
    expect(balasan).toMatchObject({ stepId: 'balasan', measure: 'wait', waitUntil: wib('2025-06-17T09:00') });
    expect(balasan.dueAt).toBeUndefined();
    // Three weeks later the reply comes: the wait was longer than stated, yet nothing of it is overdue.
    const late = Date.parse(wib('2025-06-24T09:00'));
    expect(isVisitOverdue(balasan, late)).toBe(false);
    // The case's clock is stopped while it waits: past its due time, it is still not overdue.
    expect(late).toBeGreaterThan(Date.parse(d.current.caseDueAt!));
    expect(earliestDue(d.current)).toBeUndefined();
    expect(isCaseOverdue(d.current, late)).toBe(false);
    const events = d.ok({ type: 'step.complete', stepId: 'balasan', at: wib('2025-06-24T09:00') });
    const moved = events.find((e) => e.type === 'case.dueMoved')!;
    // 15 working days of 7.5 hours waited (Tue 3 June 09:00 → Tue 24 June 09:00).
    expect(moved).toMatchObject({ visitId: 'balasan#1', waitedMinutes: 15 * 450 });
    expect(d.current.caseDueAt).toBe(wib('2025-06-26T13:15'));
    expect(d.current.waitedUntil).toBe(wib('2025-06-24T09:00'));
    expect(earliestDue(d.current)).toBe(d.current.visits.at(-1)!.dueAt);
    expect(foldEvents(d.events)).toEqual(d.state);
  });

  it('counts overlapping waits once', () => {
    const sop = waktuKindsSop();
    const flow = sop.flows[0]!;
    // The Kasi also waits, in parallel with the ministry.
    flow.steps[0]!.split = 'parallel';
    flow.steps.splice(2, 0, { id: 'survei', number: '2a', kind: 'process', text: 'Menunggu jadwal survei', actors: [{ actor: 'kasi', role: 'performs' }], waktu: { raw: '7 hari', measure: 'wait' } });
    flow.steps.find((s) => s.id === 'catat')!.join = 'all';
    flow.edges.push({ id: 'e-survei', from: 'terima', to: 'survei' }, { id: 'e-survei-catat', from: 'survei', to: 'catat' });
    const d = new CaseDriver(sop);
    d.ok({ type: 'case.start', fields: { nama: 'Ani' }, at: wib('2025-06-02T10:00') });
    d.ok({ type: 'step.complete', stepId: 'terima', at: wib('2025-06-02T10:00') });
    d.ok({ type: 'step.complete', stepId: 'telaah', at: wib('2025-06-02T10:00') });
    expect(d.activeStepIds()).toEqual(['survei', 'balasan']);
    const due = d.current.caseDueAt!;
    d.ok({ type: 'step.complete', stepId: 'survei', at: wib('2025-06-03T10:00') });
    expect(d.events.at(-1)!.type).not.toBe('case.dueMoved');
    const first = d.events.find((e) => e.type === 'case.dueMoved')!;
    expect(first).toMatchObject({ waitedMinutes: 450 });
    d.ok({ type: 'step.complete', stepId: 'balasan', at: wib('2025-06-04T10:00') });
    const moves = d.events.filter((e) => e.type === 'case.dueMoved');
    // The ministry's wait began at the same time as the survey's: only its last day is new.
    expect(moves.map((e) => (e as { waitedMinutes: number }).waitedMinutes)).toEqual([450, 450]);
    expect(Date.parse(d.current.caseDueAt!)).toBeGreaterThan(Date.parse(due));
  });
});
