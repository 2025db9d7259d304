import { describe, expect, it } from 'vitest';
import { loadSample, loadSamples } from '../../samples/loadSamples.node';
import { nominalColumnWidths, sizeTextColumns } from './columnWidths';
import { columnShown, planTable } from './tablePlan';

describe('planTable', () => {
  it('numbers rows in a No column only when the SOP has one: lmj-10 has none, on screen as on paper', () => {
    const lmj10 = loadSample('lmj-10-santunan-kematian')!;
    expect(planTable(lmj10, lmj10.flows[0]!, 'id').no).toBeNull();
    const bwi = loadSample('bwi-spm-online')!;
    expect(planTable(bwi, bwi.flows[0]!, 'id').no?.label).toBe('NO');
    expect(columnShown(undefined, 'no')).toBe(true);
    expect(columnShown({}, 'keterangan')).toBe(true);
  });

  it('keeps the SOP\'s own labels and the columns it has, in Permenpan order', () => {
    const bwi = loadSample('bwi-spm-online')!;
    const plan = planTable(bwi, bwi.flows[0]!, 'id');
    expect(plan.kegiatan.label).toBe('URAIAN KEGIATAN');
    expect(plan.textColumns.map((c) => c.key)).toEqual(['kegiatan', 'waktu', 'keterangan']);
    expect(plan.pelaksana.label).toBe('Pelaksana');
    expect(plan.pelaksana.lanes.map((l) => l.label)).toEqual(['MASYARAKAT/ PEMOHON', 'DESA/KELURAHAN', 'DINAS KESEHATAN', 'KECAMATAN', 'DINAS SOSIAL']);
    expect(plan.totalLabel).toBe('Jumlah waktu Pelayanan');
  });

  it('lays out two header rows: groups over lanes and Mutu Baku, the rest spanning both rows', () => {
    const kra = loadSample('kra-pbi-jk-pbpu')!;
    const plan = planTable(kra, kra.flows[0]!, 'en');
    const [top, second] = plan.header;
    expect(top.map((c) => [c.key, c.rowSpan, c.colSpan])).toEqual([
      ['no', 2, 1],
      ['kegiatan', 2, 1],
      ['pelaksana', 1, kra.flows[0]!.lanes.length],
      ['mutuBaku', 1, 3],
      ['keterangan', 2, 1],
    ]);
    expect(second.map((c) => c.key)).toEqual([...kra.flows[0]!.lanes.map((_, i) => `lane:${i}`), 'kelengkapan', 'waktu', 'output']);
    expect(plan.keterangan?.label).toBe('Ket');
  });

  it('gives every sample\'s text columns at least their longest word when there is room, and fills the budget', () => {
    for (const doc of loadSamples()) {
      for (const flow of doc.flows) {
        const plan = planTable(doc, flow, 'id');
        const widths = sizeTextColumns(plan, flow, 700, { fontSize: 11, lineHeight: 14, cellPaddingX: 4, cellPaddingY: 3 });
        const total = Object.values(widths).reduce((a, b) => a + b, 0);
        expect(total, doc.id).toBeCloseTo(700, 0);
        for (const column of plan.textColumns) expect(widths[column.key as 'kegiatan'], `${doc.id} ${column.key}`).toBeGreaterThanOrEqual(column.rule.min * 11 - 0.01);
      }
    }
  });

  it('keeps nominal widths (the canvas) within each rule and independent of the text', () => {
    const doc = structuredClone(loadSample('oku-01-sktm')!);
    const before = nominalColumnWidths(planTable(doc, doc.flows[0]!, 'id'), 66, 12);
    doc.flows[0]!.steps[0]!.text = 'sangat panjang '.repeat(100);
    expect(nominalColumnWidths(planTable(doc, doc.flows[0]!, 'id'), 66, 12)).toEqual(before);
    expect(before.kegiatan).toBeGreaterThan(before.waktu);
  });
});
