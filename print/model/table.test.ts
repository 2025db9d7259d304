import { describe, expect, it } from 'vitest';
import { loadSample, loadSamples } from '../../samples/loadSamples.node';
import { longestWordWidth } from '../../core/layout/textMetrics';
import { plainTextOf } from '../../core/text/richText';
import { pageBox } from './paper';
import { planPrintTable } from './table';
import { totalRow } from './totals';

const boxes = [pageBox('a4', 'landscape'), pageBox('f4', 'portrait'), pageBox('a4', 'portrait', { left: 25, right: 25 })];

describe('planPrintTable', () => {
  it.each(boxes.map((box) => ({ box, name: `${box.paper} ${box.orientation}` })))('fills the printable width exactly on $name, for every sample', ({ box }) => {
    for (const doc of loadSamples()) {
      for (const flow of doc.flows) {
        const { columns, estimate } = planPrintTable(doc, flow, box, 'id');
        const sum = (columns.no?.width ?? 0) + columns.kegiatan.width + columns.actors.reduce((a, c) => a + c.width, 0) + columns.mutuBaku.reduce((a, c) => a + c.width, 0) + (columns.keterangan?.width ?? 0);
        expect(Math.abs(sum - box.contentWidth), doc.id).toBeLessThan(1);
        expect(columns.actors.reduce((a, c) => a + c.width, 0)).toBeCloseTo(estimate.width);
        // A4 portrait with 25 mm margins is too narrow for five lanes and their header words: Kegiatan gives way most there.
        expect(columns.kegiatan.width, doc.id).toBeGreaterThan(box.contentWidth < 650 ? 60 : 90);
      }
    }
  });

  it('prints the columns the SOP has, with its own labels', () => {
    const bwi = loadSample('bwi-spm-online')!;
    const { columns } = planPrintTable(bwi, bwi.flows[0]!, boxes[0]!, 'id');
    expect(columns.no?.label).toBe('NO');
    expect(columns.kegiatan.label).toBe('URAIAN KEGIATAN');
    expect(columns.mutuBaku.map((c) => c.label)).toEqual(['WAKTU']);
    expect(columns.keterangan?.label).toBe('KETERANGAN');
    expect(columns.pelaksanaLabel).toBe('Pelaksana');
    expect(columns.totalLabel).toBe('Jumlah waktu Pelayanan');
    expect(columns.actors.map((a) => a.label)).toEqual(['MASYARAKAT/ PEMOHON', 'DESA/KELURAHAN', 'DINAS KESEHATAN', 'KECAMATAN', 'DINAS SOSIAL']);

    const lmj10 = loadSample('lmj-10-santunan-kematian')!;
    expect(planPrintTable(lmj10, lmj10.flows[0]!, boxes[0]!, 'id').columns.no).toBeNull();

    const kra = loadSample('kra-pbi-jk-pbpu')!;
    const kraColumns = planPrintTable(kra, kra.flows[0]!, boxes[0]!, 'en').columns;
    expect(kraColumns.keterangan?.label).toBe('Ket');
    expect(kraColumns.mutuBaku.map((c) => c.key)).toEqual(['kelengkapan', 'waktu', 'output']);
  });

  it('gives the default labels, in the print language, to a document without a column list', () => {
    const doc = structuredClone(loadSample('oku-01-sktm')!);
    delete doc.columns;
    expect(planPrintTable(doc, doc.flows[0]!, boxes[0]!, 'id').columns.kegiatan.label).toBe('Kegiatan');
    expect(planPrintTable(doc, doc.flows[0]!, boxes[0]!, 'en').columns.kegiatan.label).toBe('Activity');
  });

  it('widens the columns that hold the long texts', () => {
    const bwi = loadSample('bwi-spm-online')!;
    const { columns } = planPrintTable(bwi, bwi.flows[0]!, boxes[0]!, 'id');
    // Banyuwangi writes long Keterangan lists: that column gets well past its least width (5.5 em),
    // and Kegiatan, with the longest texts, the most.
    expect(columns.keterangan!.width).toBeGreaterThan(5.5 * 11 + 40);
    expect(columns.kegiatan.width).toBeGreaterThan(columns.keterangan!.width);
  });
});

describe('column widths that follow their content', () => {
  const fontSize = 11;
  it.each(loadSamples().filter((d) => d.flows.length > 0).map((doc) => ({ id: doc.id, doc })))('$id: on A4 landscape no text column is narrower than its longest word', ({ doc }) => {
    for (const flow of doc.flows) {
      const { columns } = planPrintTable(doc, flow, boxes[0]!, 'id');
      const texts: Record<string, string[]> = {
        kegiatan: flow.steps.map((s) => plainTextOf(s.text)),
        kelengkapan: flow.steps.flatMap((s) => (s.requirements ?? []).map((r) => plainTextOf(r.text))),
        waktu: flow.steps.map((s) => s.waktu?.raw ?? ''),
        output: flow.steps.map((s) => plainTextOf(s.output)),
        keterangan: flow.steps.map((s) => plainTextOf(s.remarks)),
      };
      const widthOf: Record<string, number | undefined> = {
        kegiatan: columns.kegiatan.width,
        keterangan: columns.keterangan?.width,
        ...Object.fromEntries(columns.mutuBaku.map((c) => [c.key, c.width])),
      };
      for (const [key, width] of Object.entries(widthOf)) {
        if (width === undefined) continue;
        // Within the column's limit (a URL may still be wider than any column should be).
        const word = Math.min(Math.max(0, ...texts[key]!.map((t) => longestWordWidth(t, fontSize))), 26 * fontSize);
        expect(width, `${doc.id} ${key}`).toBeGreaterThanOrEqual(word);
      }
    }
  });

  it('gives lanes the room for the symbols at their printed size when the text does not need it', () => {
    const doc = loadSample('oku-01-sktm')!;
    const plan = planPrintTable(doc, doc.flows[0]!, boxes[0]!, 'id');
    expect(plan.metrics.symbolScale).toBe(1);
    expect(plan.estimate.symbolSizes.start.width).toBeCloseTo(80, 0);
  });
});

describe('totalRow', () => {
  it('prints the computed total per unit: Banyuwangi adds up to 4 jam 10 menit', () => {
    expect(totalRow(loadSample('bwi-spm-online')!.flows[0]!, 'id')).toEqual({ text: '4 jam 10 menit', source: 'computed', computed: '4 jam 10 menit' });
  });

  it('prints ranges and other units beside the minutes', () => {
    expect(totalRow(loadSample('kra-pbi-jk-pbpu')!.flows[0]!, 'id').text).toBe('2 jam 35 menit – 3 jam 35 menit');
    expect(totalRow(loadSample('lmj-08-penyantunan-fakir-miskin')!.flows[0]!, 'id').text).toBe('30 menit; 8 hari kerja');
    expect(totalRow(loadSample('lmj-08-penyantunan-fakir-miskin')!.flows[0]!, 'en').text).toBe('30 minutes; 8 working days');
  });

  it('prints the total the SOP states when it differs from the computed one (the SOP as signed)', () => {
    const flow = structuredClone(loadSample('bwi-spm-online')!.flows[0]!);
    flow.statedTotal = { raw: '35 Menit', label: 'Jumlah' };
    expect(totalRow(flow, 'id')).toEqual({ text: '35 Menit', source: 'stated', computed: '4 jam 10 menit' });
    flow.statedTotal = { raw: 'kurang lebih sehari' };
    expect(totalRow(flow, 'id').source).toBe('stated');
  });
});
