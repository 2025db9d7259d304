import { describe, expect, it } from 'vitest';
import { csvOf, defuseFormula, formFileName, formRows, formTable, xlsxSheetOf } from './formExports';
import { evaluationFormFixture, monitoringFormFixture } from './monevFormFixtures';

const parseCsv = (text: string): string[][] => {
  // A small reader of what csvOf writes: ';' between cells, '"' quoting with doubled quotes, CRLF between rows.
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
};

describe('the monitoring form as CSV', () => {
  it('starts with the UTF-8 BOM, separates cells with ";", and has the header block, the table and the evaluator', () => {
    const form = monitoringFormFixture('id');
    const text = csvOf(formTable(form, 'id'));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(['Formulir Monitoring Pelaksanaan SOP']);
    expect(rows).toContainEqual(['Nama SOP', 'SOP Uji Monev']);
    expect(rows).toContainEqual(['Nomor SOP', '400/UJI/2026']);
    expect(rows).toContainEqual(['Periode', '16 Mar 2026 s.d. 23 Mar 2026']);
    const heading = rows.findIndex((r) => r[0] === 'No');
    expect(rows[heading]).toEqual(['No', 'Kegiatan', 'Pelaksana', 'Waktu (Mutu Baku)', 'Hasil pengukuran', 'Berjalan dengan baik', 'Catatan hasil penilaian', 'Tindakan yang harus diambil']);
    const step2 = rows[heading + 2]!;
    expect(step2.slice(0, 4)).toEqual(['2', 'Berkas lengkap?', 'Kasi Pelayanan', '1 jam']);
    expect(step2[5]).toBe('Tidak');
    expect(step2[6]).toContain('Melewati Waktu (1 jam)');
    expect(rows).toContainEqual(['Nama evaluator', 'Rina Operator']);
    expect(rows).toContainEqual(['NIP evaluator', '19850512 201001 2 003']);
  });

  it('quotes cells holding ";", quotes or line breaks, and defuses cells a spreadsheet would run as formulas', () => {
    const form = monitoringFormFixture('en');
    form.rows[0] = { ...form.rows[0]!, problem: 'Antre; "panjang"\nsekali', action: '=HYPERLINK("http://x","klik")' };
    form.rows[1] = { ...form.rows[1]!, problem: '+62 812', action: '@SUM(A1)' };
    form.evaluator = { name: '-Rina' };
    const text = csvOf(formTable(form, 'en'));
    expect(text).toContain('"Antre; ""panjang""\nsekali"');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    const rows = parseCsv(text.slice(1));
    const cells = rows.flat();
    expect(cells).toContain("'+62 812");
    expect(cells).toContain("'@SUM(A1)");
    expect(cells).toContain("'-Rina");
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(defuseFormula('\t=1')).toBe("'\t=1");
    expect(defuseFormula('Rp 5.000')).toBe('Rp 5.000');
  });
});

describe('the evaluation form as a table', () => {
  it('lists the seven criteria, the recommendation, the step notes and the general notes, in English too', () => {
    const form = evaluationFormFixture('en');
    const rows = formRows(formTable(form, 'en'));
    expect(rows[0]).toEqual(['SOP Evaluation Form']);
    const heading = rows.findIndex((r) => r[1] === 'Criterion');
    expect(rows.slice(heading + 1, heading + 8).map((r) => r[2])).toEqual(Array(7).fill('Not judged'));
    expect(rows).toContainEqual(['Revise the SOP']);
    expect(rows.some((r) => r[0] === 's2' && r[1]!.startsWith('Step 2 exceeds'))).toBe(true);
  });
});

describe('the XLSX sheet', () => {
  it('has a bold title, column widths, bold column headings and wrapped, defused text cells', () => {
    const form = monitoringFormFixture('id');
    form.rows[0] = { ...form.rows[0]!, action: '=1+1' };
    const sheet = xlsxSheetOf(formTable(form, 'id'));
    expect(sheet.sheet).toBe('Monitoring');
    expect(sheet.columns).toHaveLength(8);
    expect(sheet.columns.every((c) => c.width > 0)).toBe(true);
    expect(sheet.data[0]![0]).toMatchObject({ value: 'Formulir Monitoring Pelaksanaan SOP', fontWeight: 'bold' });
    const heading = sheet.data.find((r) => r[0]?.value === 'No')!;
    expect(heading.every((c) => c?.fontWeight === 'bold')).toBe(true);
    expect(sheet.data.flat().some((c) => c?.value === "'=1+1")).toBe(true);
  });

  it('names files in plain ASCII after the form, the SOP and the period', () => {
    expect(formFileName(monitoringFormFixture('id'), 'id')).toBe('formulir-monitoring-monev-uji-2026-03-16-2026-03-23');
    expect(formFileName(evaluationFormFixture('en'), 'en')).toBe('evaluation-form-monev-uji-2026-03-16-2026-03-23');
  });
});
