/** The flowchart table planned once for the canvas and the print: columns, labels, header rows and width rules. */
export {
  COLUMN_RULES,
  columnShown,
  columnLabel,
  planTable,
  cellLines,
  conditionText,
  type ColumnRule,
  type HeaderCell,
  type MutuBakuKey,
  type PlannedColumn,
  type PlannedLane,
  type TableColumnKey,
  type TablePlan,
  type TextColumnKey,
} from './tablePlan';
export { sizeTextColumns, textColumnLimits, noColumnWidth, nominalColumnWidths, type ColumnLimits, type SizeOptions, type TextSizing } from './columnWidths';
