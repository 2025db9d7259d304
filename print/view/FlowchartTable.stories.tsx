import type { Meta, StoryObj } from '@storybook/react-vite';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { computeSwimlaneLayout } from '../../core/layout';
import { planTables, type PageDrawing } from '../model';
import { loadSample } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { identityV2Doc, signOffChainDoc } from '../fixtures/craftedV2';
import { FlowchartTable } from './FlowchartTable';
import './print.css';

/**
 * The flowchart table given its rows: first as the plan estimates them, then,
 * with `drawn`, with the flowchart laid over the actor columns at the layout's
 * row heights (what FlowchartSheet and the pages do after measuring).
 */
function TableDemo({ doc, drawn, computedTotal = false }: { doc: SopDocument; drawn: boolean; computedTotal?: boolean }) {
  const { t, lang } = useI18n();
  const table = useMemo(() => planTables(doc, { paper: 'a4', orientation: 'landscape', lang, computedTotal }).flows[0]!, [doc, lang, computedTotal]);
  const layout = useMemo(() => computeSwimlaneLayout(table.flow, table.plan.layoutOptions), [table]);
  const ref = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const element = ref.current?.querySelector('table');
    if (!drawn || !element) return;
    const box = element.getBoundingClientRect();
    const lane = element.querySelector('th[data-lane="0"]')!.getBoundingClientRect();
    const firstRow = element.querySelector('tbody tr')!.getBoundingClientRect();
    setOffset({ left: lane.left - box.left, top: firstRow.top - box.top });
  }, [drawn, table]);
  const drawing: PageDrawing = { bands: layout.bands, nodes: layout.nodes, edges: layout.edges, connectors: [], lanes: layout.lanes, channels: layout.channels, width: layout.width, height: layout.height };
  const bands = layout.bands.map((b) => ({ kind: b.kind, key: b.key, height: b.height }));
  return (
    <div ref={ref} className="print-document print-document--sheet" style={{ ['--print-font-size' as string]: `${table.plan.metrics.fontSize}px`, ['--print-line-height' as string]: `${table.plan.metrics.lineHeight}px`, padding: 16 }}>
      <FlowchartTable table={table} bands={bands} drawing={drawn ? drawing : null} {...(offset ? { overlayOffset: offset } : {})} showTotal t={t} />
    </div>
  );
}

const meta = {
  title: 'Print/FlowchartTable rows',
  component: TableDemo,
  args: { doc: loadSample('bwi-spm-online')!, drawn: true },
} satisfies Meta<typeof TableDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    // The SOP's own labels under the two group headers, one column per actor.
    await expect(canvas.getByRole('columnheader', { name: 'URAIAN KEGIATAN' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Pelaksana' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'KECAMATAN' })).toBeVisible();
    await expect(canvasElement.querySelectorAll('tbody tr.flow-table__step')).toHaveLength(10);
    // The total row as the SOP states it (as signed), with its own label.
    await expect(canvas.getByRole('rowheader', { name: 'Jumlah waktu Pelayanan' })).toBeVisible();
    await expect(canvas.getByText('4 Jam 10 Menit')).toBeVisible();
    // The symbols are drawn over the actor columns.
    await waitFor(() => expect(canvasElement.querySelectorAll('.flow-table__overlay .flow-symbol')).toHaveLength(12));
  },
};

/** Without its own labels the table uses the standard ones, in the interface language; no drawing yet. Nothing is added: no total row. */
export const English: Story = {
  globals: { locale: 'en' },
  args: { doc: { ...loadSample('oku-01-sktm')!, columns: undefined } as SopDocument, drawn: false },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('columnheader', { name: 'Activity' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Quality standard' })).toBeVisible();
    await expect(canvas.queryByRole('rowheader', { name: 'Total time' })).toBeNull();
    await expect(canvasElement.querySelector('.flow-table__overlay')).toBeNull();
  },
};

/** The computed total is an option: asked for, it is added where the SOP states none. */
export const ComputedTotal: Story = {
  globals: { locale: 'en' },
  args: { doc: { ...loadSample('oku-01-sktm')!, columns: undefined } as SopDocument, drawn: false, computedTotal: true },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('rowheader', { name: 'Total time' })).toBeVisible();
    await expect(canvasElement.querySelector('[data-total-source="computed"]')).not.toBeNull();
  },
};

/** Schema v2: a condition, a sign-off chain, and a Kegiatan cell in rich text with its own list markers. */
export const V2Cells: Story = {
  globals: { locale: 'id' },
  args: { doc: signOffChainDoc(), drawn: true },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('Paraf: Kasi → Kabid → Sekretaris Dinas · Tanda tangan: Kepala Dinas')).toBeVisible();
    await waitFor(() => expect(canvasElement.querySelectorAll('.flow-table__overlay .flow-symbol')).toHaveLength(3));
  },
};

export const V2RichTextAndCondition: Story = {
  globals: { locale: 'id' },
  args: { doc: identityV2Doc(), drawn: true },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('jika hanya memerlukan rawat jalan')).toBeVisible();
    const markers = Array.from(canvasElement.querySelectorAll('.flow-table__kegiatan .text-view__marker')).map((m) => m.textContent);
    await expect(markers).toEqual(['1)', '2)']);
    // The stated total, with the SOP's own label.
    await expect(canvas.getByRole('rowheader', { name: 'Jumlah Waktu Pelayanan' })).toBeVisible();
    await expect(canvas.getByText('1 Jam 30 Menit')).toBeVisible();
  },
};
