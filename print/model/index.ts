/** Print: paper, the flowchart table's columns, pagination with off-page connectors, and SVG export. Pure TypeScript. */
export { PAPER_MM, PAPER_SIZES, PAPER_NAMES, ORIENTATIONS, DEFAULT_MARGINS_MM, PX_PER_MM, pageBox, parsePaperSize, parseOrientation, type Margins, type Orientation, type PageBox, type PaperSize } from './paper';
export { planPrintTable, printMetrics, type TableColumns, type ActorColumn, type PrintTablePlan, type PrintMetrics, type MutuBakuKey } from './table';
export { totalRow, printedTotal, type TotalRow } from './totals';
export { paginate, connectorLetter, type Pagination, type PlannedPage, type PageConnector, type ConnectorPair, type PaginationInput } from './paginate';
export { layoutPage, paginationInput, connectorBandHeight, pageGrid, type PageDrawing, type PageBand, type PageConnectorNode } from './pageLayout';
export { planTables, planPages, type PrintOptions, type PrintPlan, type PrintPage, type PrintMeasurements, type FlowPrint, type FlowTable, type TablePlans, type TrailingKey } from './printPlan';
export { flowchartToSvg, drawFlowchartBody, escapeXml, type FlowchartSvgOptions } from './flowchartSvg';
export { exportFlowchartSvg } from './exportFlowchart';
export { documentLanguage } from './documentLanguage';
export { summarize, type PrintSummary, type RenderPrintOptions } from './protocol';
