/**
 * The forms as files: one table per form (a header block, then the
 * Permenpan table, then the evaluator), written as CSV text or as the sheet
 * write-excel-file takes. Pure builders, so the cells are tested without a
 * browser; `formDownload.ts` turns them into files.
 */
import { translate, type Lang } from '../../core/i18n';
import type { EvaluationForm, MonevForm, MonitoringForm } from '../../core/monev/forms';
import { criterionText, evaluatorRows, formHeading, headerRows, measuredText, recommendationText, yesNoText } from './formText';

/** A form laid out as rows of text cells: what the CSV and the XLSX both hold. */
export interface FormTable {
  title: string;
  /** Label / value pairs above the table. */
  header: [string, string][];
  /** The table's column headings and rows (several tables for an evaluation form, one after the other). */
  sections: { heading?: string; columns: string[]; rows: string[][] }[];
  /** Label / value pairs below the table (the evaluator). */
  footer: [string, string][];
  /** Widths of the columns in characters, for the XLSX. */
  widths: number[];
  sheet: string;
}

function monitoringTable(form: MonitoringForm, lang: Lang): FormTable {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  return {
    title: formHeading(form, lang),
    header: headerRows(form, lang),
    sections: [
      {
        columns: [t('monev.form.col.number'), t('monev.form.col.activity'), t('monev.form.col.actor'), t('monev.form.col.waktu'), t('monev.form.col.measured'), t('monev.form.col.runsWell'), t('monev.form.col.problem'), t('monev.form.col.action')],
        rows: form.rows.map((row) => [row.number, row.activity, row.actor, row.waktu, measuredText(row.measured, lang), yesNoText(row.runsWell, lang), row.problem, row.action]),
      },
    ],
    footer: evaluatorRows(form, lang),
    widths: [6, 36, 20, 16, 40, 12, 44, 44],
    sheet: t('monev.form.sheetMonitoring'),
  };
}

function evaluationTable(form: EvaluationForm, lang: Lang): FormTable {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  return {
    title: formHeading(form, lang),
    header: headerRows(form, lang),
    sections: [
      {
        columns: [t('monev.form.col.number'), t('monev.form.col.criterion'), t('monev.form.col.met'), t('monev.form.col.note')],
        rows: form.criteria.map((answer, i) => [String(i + 1), criterionText(answer, lang), yesNoText(answer.met, lang), answer.note]),
      },
      { heading: t('monev.form.recommendation'), columns: [], rows: [[recommendationText(form.recommendation, lang)]] },
      {
        heading: t('monev.form.stepNotes'),
        columns: [t('monev.form.stepNoteStep'), t('monev.form.stepNoteText')],
        rows: form.stepNotes.map((note) => [note.stepId, note.text]),
      },
      { heading: t('monev.form.generalNotes'), columns: [], rows: form.generalNotes ? [[form.generalNotes]] : [] },
    ],
    footer: evaluatorRows(form, lang),
    widths: [8, 60, 14, 60],
    sheet: t('monev.form.sheetEvaluation'),
  };
}

export function formTable(form: MonevForm, lang: Lang): FormTable {
  return form.kind === 'monitoring' ? monitoringTable(form, lang) : evaluationTable(form, lang);
}

/** The table as rows of cells, top to bottom, with a blank row between blocks. */
export function formRows(table: FormTable): string[][] {
  const rows: string[][] = [[table.title], [], ...table.header.map(([k, v]) => [k, v])];
  for (const section of table.sections) {
    rows.push([]);
    if (section.heading) rows.push([section.heading]);
    if (section.columns.length) rows.push(section.columns);
    rows.push(...section.rows);
  }
  rows.push([], ...table.footer.map(([k, v]) => [k, v]));
  return rows;
}

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a tab or carriage
 * return before one) is written with a leading apostrophe, so a step name or
 * note typed as "=HYPERLINK(…)" stays text when the file is opened (CSV
 * injection, OWASP).
 */
export function defuseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Quoted when it holds the separator, a quote or a line break; quotes doubled (RFC 4180). */
function csvCell(cell: string): string {
  const safe = defuseFormula(cell);
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV as Excel in Indonesia opens it by a double click: Indonesian Windows
 * uses the comma as its decimal mark, so Excel's list separator there is the
 * semicolon and a comma-separated file lands in one column; and without the
 * UTF-8 byte order mark Excel reads the file as ANSI and breaks "×" or "—".
 * Lines end with CRLF, as RFC 4180 writes them.
 */
export function csvOf(table: FormTable): string {
  return `\uFEFF${formRows(table).map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** A cell of the sheet write-excel-file writes (a subset of its Cell type, so this module does not import the library). */
export interface SheetCell {
  value: string;
  type: StringConstructor;
  fontWeight?: 'bold';
  wrap?: boolean;
  alignVertical?: 'top';
  columnSpan?: number;
  fontSize?: number;
}

/** The sheet and its column widths for write-excel-file: bold title and column headings, wrapped text cells. */
export function xlsxSheetOf(table: FormTable): { data: (SheetCell | null)[][]; columns: { width: number }[]; sheet: string } {
  const text = (value: string, extra: Partial<SheetCell> = {}): SheetCell => ({ value: defuseFormula(value), type: String, wrap: true, alignVertical: 'top', ...extra });
  const span = table.widths.length;
  const data: (SheetCell | null)[][] = [[text(table.title, { fontWeight: 'bold', fontSize: 14, wrap: false })], []];
  for (const [k, v] of table.header) data.push([text(k, { fontWeight: 'bold' }), text(v)]);
  for (const section of table.sections) {
    data.push([]);
    if (section.heading) data.push([text(section.heading, { fontWeight: 'bold' })]);
    if (section.columns.length) data.push(section.columns.map((c) => text(c, { fontWeight: 'bold' })));
    for (const row of section.rows) data.push(row.length === 1 && !section.columns.length ? [text(row[0]!, { columnSpan: span })] : row.map((c) => text(c)));
  }
  data.push([]);
  for (const [k, v] of table.footer) data.push([text(k, { fontWeight: 'bold' }), text(v)]);
  return { data, columns: table.widths.map((width) => ({ width })), sheet: table.sheet };
}

/** "formulir-monitoring-bwi-spm-2026-01-01-2026-06-30" (ASCII letters, digits and dashes only). */
export function formFileName(form: MonevForm, lang: Lang): string {
  const kind = translate(lang, form.kind === 'monitoring' ? 'monev.form.sheetMonitoring' : 'monev.form.sheetEvaluation').toLowerCase();
  const name = translate(lang, 'monev.form.fileName', { kind, sop: form.subject.sopId, from: form.subject.period.from, to: form.subject.period.to });
  return name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
}
