/**
 * The flowchart table, planned once for every surface that draws it (the
 * designer's canvas and the print): which columns the SOP has, their labels,
 * the No column, the two header rows, and the rules their widths follow.
 * `No | Kegiatan | Pelaksana: one column per lane | Mutu Baku: Kelengkapan ·
 * Waktu · Output | Keterangan`, as Permenpan RB 35/2012 draws it. Pure.
 */
import { translate, type Lang, type MessageKey } from '../i18n';
import { planLanes } from '../layout/nodes';
import { plainTextOf } from '../text/richText';
import type { Columns, Flow, SopDocument, Step } from '../../schemas/generated/sop.types';

export type TextColumnKey = 'kegiatan' | 'kelengkapan' | 'waktu' | 'output' | 'keterangan';
export type TableColumnKey = 'no' | TextColumnKey;
export type MutuBakuKey = 'kelengkapan' | 'waktu' | 'output';

/**
 * How wide a column may be, in ems of the table's font size: never narrower
 * than `min` nor wider than `max` (past it a column wraps rather than takes
 * the lanes' room), and `weight` is its share of room left over. Between the
 * limits a column follows its content: at least its longest word (words are
 * never broken), at most its longest line.
 */
export interface ColumnRule {
  min: number;
  max: number;
  weight: number;
}

export const COLUMN_RULES: Readonly<Record<TableColumnKey, ColumnRule>> = {
  no: { min: 2, max: 4, weight: 0 },
  kegiatan: { min: 12, max: 42, weight: 2.6 },
  kelengkapan: { min: 6, max: 26, weight: 1.3 },
  waktu: { min: 4.5, max: 10, weight: 0.5 },
  output: { min: 5.5, max: 22, weight: 1.2 },
  keterangan: { min: 5.5, max: 26, weight: 1.1 },
};

export interface PlannedColumn {
  key: TableColumnKey;
  label: string;
  rule: ColumnRule;
}

export interface PlannedLane {
  /** null: the synthetic column of a flow without lanes. */
  actorId: string | null;
  label: string;
}

/** A header cell: the first row holds No, Kegiatan, the Pelaksana and Mutu Baku groups and Keterangan; the second the lane names and the Mutu Baku columns. */
export interface HeaderCell {
  key: TableColumnKey | 'pelaksana' | 'mutuBaku' | `lane:${number}`;
  label: string;
  row: 0 | 1;
  rowSpan: 1 | 2;
  colSpan: number;
}

export interface TablePlan {
  no: PlannedColumn | null;
  kegiatan: PlannedColumn;
  pelaksana: { label: string; lanes: PlannedLane[] };
  mutuBaku: { label: string; columns: Array<PlannedColumn & { key: MutuBakuKey }> };
  keterangan: PlannedColumn | null;
  /** Label of the total row, when one is printed. */
  totalLabel: string;
  /** The columns whose width follows their text, in table order: Kegiatan, the Mutu Baku columns, Keterangan. */
  textColumns: PlannedColumn[];
  header: readonly [HeaderCell[], HeaderCell[]];
}

type ColumnsKey = keyof Omit<Columns, 'total'>;

/**
 * A column is shown when the SOP has it; a document that lists no columns
 * shows them all. Kegiatan is always shown (the step's words need a place);
 * No only when the SOP numbers its rows in a column of its own (lmj-10 has
 * none, on screen as on paper).
 */
export function columnShown(columns: Columns | undefined, key: ColumnsKey): boolean {
  if (key === 'kegiatan') return true;
  if (!columns || Object.keys(columns).length === 0) return true;
  return columns[key] !== undefined;
}

/** The label the SOP writes for a column ("URAIAN KEGIATAN"), else the standard Permenpan one in `lang`. */
export function columnLabel(doc: Pick<SopDocument, 'columns'>, key: ColumnsKey | 'total', lang: Lang): string {
  return doc.columns?.[key]?.label || translate(lang, `print.doc.column.${key}` as MessageKey);
}

export function planTable(doc: Pick<SopDocument, 'columns' | 'actors'>, flow: Flow, lang: Lang): TablePlan {
  const column = (key: TableColumnKey): PlannedColumn => ({ key, label: columnLabel(doc, key, lang), rule: COLUMN_RULES[key] });
  const no = columnShown(doc.columns, 'no') ? column('no') : null;
  const kegiatan = column('kegiatan');
  const mutuBaku = (['kelengkapan', 'waktu', 'output'] as const).filter((k) => columnShown(doc.columns, k)).map((k) => ({ ...column(k), key: k }));
  const keterangan = columnShown(doc.columns, 'keterangan') ? column('keterangan') : null;
  const actorLabel = new Map(doc.actors.map((a) => [a.id, a.label] as const));
  const lanes: PlannedLane[] = planLanes(flow).actorIds.map((actorId) => ({
    actorId,
    label: actorId === null ? translate(lang, 'print.doc.externalLane') : (actorLabel.get(actorId) ?? actorId),
  }));
  const pelaksana = { label: columnLabel(doc, 'pelaksana', lang), lanes };
  const mutu = { label: columnLabel(doc, 'mutuBaku', lang), columns: mutuBaku };

  const top: HeaderCell[] = [];
  const second: HeaderCell[] = [];
  if (no) top.push({ key: 'no', label: no.label, row: 0, rowSpan: 2, colSpan: 1 });
  top.push({ key: 'kegiatan', label: kegiatan.label, row: 0, rowSpan: 2, colSpan: 1 });
  top.push({ key: 'pelaksana', label: pelaksana.label, row: 0, rowSpan: 1, colSpan: lanes.length });
  lanes.forEach((lane, i) => second.push({ key: `lane:${i}`, label: lane.label, row: 1, rowSpan: 1, colSpan: 1 }));
  if (mutuBaku.length > 0) {
    top.push({ key: 'mutuBaku', label: mutu.label, row: 0, rowSpan: 1, colSpan: mutuBaku.length });
    for (const c of mutuBaku) second.push({ key: c.key, label: c.label, row: 1, rowSpan: 1, colSpan: 1 });
  }
  if (keterangan) top.push({ key: 'keterangan', label: keterangan.label, row: 0, rowSpan: 2, colSpan: 1 });

  return {
    no,
    kegiatan,
    pelaksana,
    mutuBaku: mutu,
    keterangan,
    totalLabel: doc.columns?.total?.label ?? flow.statedTotal?.label ?? translate(lang, 'print.doc.column.total'),
    textColumns: [kegiatan, ...mutuBaku, ...(keterangan ? [keterangan] : [])],
    header: [top, second],
  };
}

/** The condition a row states, as text (schema v2 `{text, asked}`, v1 a string). */
export function conditionText(step: Step): string {
  const condition = step.condition as Step['condition'] | string | undefined;
  if (condition === undefined) return '';
  return typeof condition === 'string' ? condition : plainTextOf(condition.text);
}

/**
 * The text of a step's cell in a column, as lines (paragraphs), for measuring:
 * requirements one per item, the condition after the step's words.
 */
export function cellLines(step: Step, key: TableColumnKey): string[] {
  const lines = (text: string) => (text ? text.split('\n').map((l) => l.trim()).filter(Boolean) : []);
  switch (key) {
    case 'no':
      return lines(step.number ?? '');
    case 'kegiatan':
      return [...lines(plainTextOf(step.text)), ...lines(conditionText(step))];
    case 'kelengkapan':
      return (step.requirements ?? []).flatMap((r) => lines(plainTextOf(r.text)));
    case 'waktu':
      return lines(step.waktu?.raw ?? '');
    case 'output':
      return lines(plainTextOf(step.output));
    case 'keterangan':
      return lines(plainTextOf(step.remarks));
  }
}
