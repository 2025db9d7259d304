import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createTranslator, type Lang } from '../../core/i18n';
import { computeSwimlaneLayout } from '../../core/layout';
import { documentLanguage, pageBox, planTables, type Orientation, type PageDrawing, type PaperSize } from '../model';
import type { NotationPreset } from '../../core/notation';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { FlowchartTable } from './FlowchartTable';
import { presetStyle } from './PrintDocument';
import './print.css';

export interface FlowchartSheetProps {
  doc: SopDocument;
  flowId?: string;
  /** The table is as wide as this paper's printable width. */
  paper?: PaperSize;
  orientation?: Orientation;
  /** Language of the printed labels; the document's own (Bahasa Indonesia) when absent, never the interface's. */
  lang?: Lang;
  /** Inks (core/notation): Standar when absent. */
  preset?: NotationPreset;
}

/**
 * One flowchart table, whole, not split into pages: for previews and for
 * showing the table beside the designer's canvas. Measures its rows once,
 * then draws the flowchart on them with the shared layout.
 */
export function FlowchartSheet({ doc, flowId, paper = 'a4', orientation = 'landscape', lang, preset }: FlowchartSheetProps) {
  const language = lang ?? documentLanguage(doc);
  const t = useMemo(() => createTranslator(language), [language]);
  const tables = useMemo(() => planTables(doc, { paper, orientation, lang: language, ...(flowId ? { flowId } : {}) }), [doc, paper, orientation, flowId, language]);
  const table = tables.flows[0];
  const ref = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<{ key: typeof table; drawing: PageDrawing; offset: { left: number; top: number } } | null>(null);
  const current = drawn?.key === table ? drawn : null;

  useLayoutEffect(() => {
    if (current || !table || !ref.current) return;
    const tableEl = ref.current.querySelector('table')!;
    const top = tableEl.getBoundingClientRect().top;
    const left = tableEl.getBoundingClientRect().left;
    const rowHeights: Record<string, number> = {};
    for (const tr of tableEl.querySelectorAll<HTMLTableRowElement>('tbody tr[data-band]')) rowHeights[tr.dataset['band']!] = tr.getBoundingClientRect().height;
    const firstRow = tableEl.querySelector('tbody tr');
    const lane = tableEl.querySelector('th[data-lane="0"]');
    const layout = computeSwimlaneLayout(table.flow, { ...table.plan.layoutOptions, rowHeights });
    const drawing: PageDrawing = {
      bands: layout.bands,
      nodes: layout.nodes,
      edges: layout.edges,
      connectors: [],
      lanes: layout.lanes,
      channels: layout.channels,
      width: layout.width,
      height: layout.height,
    };
    setDrawn({
      key: table,
      drawing,
      offset: { left: lane ? lane.getBoundingClientRect().left - left : 0, top: firstRow ? firstRow.getBoundingClientRect().top - top : 0 },
    });
  }, [current, table]);

  if (!table) return <p className="print-note">{t('print.doc.noFlow')}</p>;
  const estimate = table.plan.estimate;
  const bands = current
    ? current.drawing.bands.map((b) => ({ kind: b.kind, key: b.key, height: b.height }))
    : estimate.bands.map((b) => ({ kind: b.kind, key: b.key, ...(b.kind === 'step' ? { height: estimate.rows.find((r) => r.stepId === b.key)!.minHeight } : {}) }));
  return (
    <div
      ref={ref}
      className={`print-document print-document--sheet print-document--${orientation}`}
      data-print-state={current ? 'ready' : 'measuring'}
      lang={language}
      data-preset={preset ?? 'standar'}
      style={{
        ['--print-font-size' as string]: `${table.plan.metrics.fontSize}px`,
        ['--print-line-height' as string]: `${table.plan.metrics.lineHeight}px`,
        ...presetStyle(preset ?? 'standar'),
        width: pageBox(paper, orientation).contentWidth + 32,
      }}
    >
      <FlowchartTable table={table} bands={bands} drawing={current?.drawing ?? null} {...(current ? { overlayOffset: current.offset } : {})} {...(preset ? { preset } : {})} showTotal t={t} />
    </div>
  );
}
