/**
 * The print view, shared by the designer and the runtime (it imports neither):
 * the identity page, the flowchart table paginated with off-page connectors,
 * browser printing, and SVG/PNG export.
 */
export { PrintDocument, type PrintDocumentProps } from './PrintDocument';
export { PrintPreview, type PrintPreviewProps } from './PrintPreview';
export { FlowchartSheet, type FlowchartSheetProps } from './FlowchartSheet';
export { FlowchartTable, type FlowchartTableProps } from './FlowchartTable';
export { IdentityPage } from './IdentityPage';
export { FlowOverlay } from './FlowOverlay';
export { FlowSymbol, SymbolPreview } from './FlowSymbol';
export { SymbolLegend } from './SymbolLegend';
export { svgToPngBlob } from './exportImage';
export { openPrintView } from './handover';
