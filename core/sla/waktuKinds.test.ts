import { describe, expect, it } from 'vitest';
import type { Flow, WaktuAmount } from '../../schemas/generated/sop.types';
import { parseWaktu } from '../waktu';
import { DEFAULT_WORKING_CALENDAR, addWaktuAmount, caseDueFromFlow, stepDueFromWaktu } from './index';

/** An instant written as WIB wall time. */
const wib = (local: string) => Date.parse(`${local}:00+07:00`);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));
const cal = DEFAULT_WORKING_CALENDAR;
const amount = (unit: WaktuAmount['unit'], n: number): WaktuAmount => ({ kind: 'amount', unit, min: n, max: n });

// 2025-06-02 is a Monday.
describe('Waktu kinds (work, limit, wait)', () => {
  it('gives work and a limit a due time, from the working calendar', () => {
    const work = stepDueFromWaktu(cal, wib('2025-06-02T10:00'), { raw: '2-3 Jam' }, parseWaktu('2-3 Jam'))!;
    expect(work).toMatchObject({ measure: 'work' });
    expect(iso(work.dueAt)).toBe('2025-06-02 14:00');
    // "paling lambat 24 jam": the bound, counted in working hours like any other stated hours.
    const limit = stepDueFromWaktu(cal, wib('2025-06-02T10:00'), { raw: '24 jam', measure: 'limit' }, parseWaktu('24 jam'))!;
    expect(limit.measure).toBe('limit');
    expect(iso(limit.dueAt)).toBe('2025-06-05 11:30');
    expect(limit.waitUntil).toBeUndefined();
  });

  it('gives a wait no due time, only when it is expected to be over', () => {
    const wait = stepDueFromWaktu(cal, wib('2025-06-02T10:00'), { raw: '14 hari', measure: 'wait' }, parseWaktu('14 hari'))!;
    expect(wait.measure).toBe('wait');
    expect(wait.dueAt).toBeUndefined();
    expect(iso(wait.waitUntil)).toBe('2025-06-16 10:00');
  });

  it('keeps a calendar window on a wait, still without a due time', () => {
    const wait = stepDueFromWaktu(cal, wib('2025-06-17T10:00'), { raw: 'Setiap Tanggal 1 - 15', measure: 'wait' }, parseWaktu('Setiap Tanggal 1 - 15'))!;
    expect(wait.window?.open).toBe(false);
    expect(wait.dueAt).toBeUndefined();
    expect(iso(wait.waitUntil)).toBe('2025-07-16 00:00');
  });

  it('says nothing when no time is stated, whatever the kind', () => {
    expect(stepDueFromWaktu(cal, wib('2025-06-02T10:00'), { raw: '', measure: 'limit' }, parseWaktu(''))).toBeNull();
  });

  it('counts triwulan, semester and tahun as 3, 6 and 12 calendar months', () => {
    const start = wib('2025-01-31T10:00');
    expect(iso(addWaktuAmount(cal, start, amount('quarter', 1)))).toBe('2025-04-30 10:00');
    expect(iso(addWaktuAmount(cal, start, amount('semester', 1)))).toBe('2025-07-31 10:00');
    expect(iso(addWaktuAmount(cal, start, amount('year', 2)))).toBe('2027-01-31 10:00');
  });

  it('leaves waits out of the case due time: the office answers for work and limits only', () => {
    const flow: Flow = {
      id: 'f',
      lanes: ['a'],
      steps: [
        { id: 's1', kind: 'start', text: 'Mulai', actors: [], waktu: { raw: '30 menit' } },
        { id: 's2', kind: 'process', text: 'Telaah', actors: [], waktu: { raw: '1 jam', measure: 'limit' } },
        { id: 's3', kind: 'process', text: 'Menunggu balasan', actors: [], waktu: { raw: '14 hari', measure: 'wait' } },
        { id: 's4', kind: 'end', text: 'Selesai', actors: [], outcome: 'selesai' },
      ],
      edges: [
        { id: 'e1', from: 's1', to: 's2' },
        { id: 'e2', from: 's2', to: 's3' },
        { id: 'e3', from: 's3', to: 's4' },
      ],
    };
    expect(iso(caseDueFromFlow(cal, wib('2025-06-02T10:00'), flow) ?? undefined)).toBe('2025-06-02 11:30');
    // The same flow with the reply counted as work: 14 calendar days more. (A new flow object, as every edit makes:
    // documents are immutable, and the due time's total is computed once per flow object.)
    const asWork: Flow = { ...flow, steps: flow.steps.map((s) => (s.id === 's3' ? { ...s, waktu: { raw: '14 hari' } } : s)) };
    expect(iso(caseDueFromFlow(cal, wib('2025-06-02T10:00'), asWork) ?? undefined)).toBe('2025-06-16 11:30');
  });
});
