// npm run bench:designer — the designer against bpmn-js, in Debian's Chromium.
//
// For the largest sample (by steps) and generated SOPs of 100 and 500 steps in
// 12 lanes:
// - first render: from mounting the designer (which reads the SOP from
//   IndexedDB, as opening it does) to the first painted frame in which the
//   canvas shows every symbol and arrow and the paper grid beside it shows the
//   last step's row with its text. Also for the table view (the step grid:
//   its last row with its text).
// - edit latency: one keystroke in the properties panel's Kegiatan field until
//   a painted frame shows the new text in both the symbol's accessible name and
//   the grid's Kegiatan cell (and, in the table view, in the step grid).
// - bpmn-js (Viewer and Modeler) importing the same flow as BPMN 2.0 XML
//   (bench/designer/sopToBpmn.ts), until a painted frame shows its last node
//   and last flow.
// - the designer's initial JavaScript (everything dist/designer/index.html
//   loads before Monaco), gzip, from a production build in a temporary folder.
//
// Each run is a fresh page; the figures are medians over runs. Writes
// bench/results/designer.json. Targets: first render at 500 steps no slower
// than bpmn-js on the same diagram; edit latency p95 under 50 ms at 500 steps.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { build, type Plugin, type Rollup } from 'vite';
import { computeSwimlaneLayout } from '../core/layout';
import { loadSample, sampleIds } from '../samples/loadSamples.node.ts';
import type { SopDocument } from '../schemas/generated/sop.types';
import { launchChromium } from '../cli/chromium';
import { median, TYPED } from './designer/frames';
import { sopToBpmn } from './designer/sopToBpmn';
import { VIRTUALIZE_FROM_STEPS } from '../designer/canvas/tableGeometry';
import type { DesignerOpenInput, DesignerOpenResult, EditResult } from './designer/designerEntry';
import { generateSop } from './generateSop';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const EDITS = Number(process.env.BENCH_EDITS ?? 40);
const EDIT_WARM_UP = 5;
/** Between keystrokes: a quick typist (about 7 characters a second). */
const EDIT_PAUSE_MS = 140;
const VIEWPORT = { width: 1280, height: 800 };
const TARGET_EDIT_P95_MS = 50;
const ORIGIN = 'http://localhost/';

interface Bundle {
  js: string;
  css: string;
}

/** The designer is never asked for its JSON view here: Monaco (lazy in the app) is left out of the bench bundle. */
const noMonaco: Plugin = {
  name: 'designer-bench:no-monaco',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './MonacoJsonEditor' && importer?.includes(`designer${'/'}json`)) return '\0designer-bench-monaco-stub';
    return null;
  },
  load(id) {
    return id === '\0designer-bench-monaco-stub' ? 'export default function MonacoJsonEditor() { return null; }' : null;
  },
};

async function bundle(entry: string, name: string): Promise<Bundle> {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [noMonaco, react()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: `${root}${entry}`, formats: ['iife'], name },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  let js = '';
  let css = '';
  for (const output of outputs) {
    for (const item of output.output) {
      if (item.type === 'chunk') js += item.code;
      else if (item.fileName.endsWith('.css')) css += typeof item.source === 'string' ? item.source : new TextDecoder().decode(item.source);
    }
  }
  if (!js) throw new Error(`vite build produced no chunk for ${entry}`);
  return { js, css };
}

async function freshPage(browser: Browser, code: Bundle): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  // A real origin (IndexedDB needs one), served from memory: no network.
  await page.route(`${ORIGIN}**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="id"><head><meta charset="utf-8"></head><body><div id="root"></div></body></html>' }),
  );
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(ORIGIN);
  if (code.css) await page.addStyleTag({ content: code.css });
  await page.addScriptTag({ content: code.js });
  return page;
}

interface Input {
  label: string;
  doc: SopDocument;
}

function largestSample(): Input {
  let best: SopDocument | undefined;
  let bestSteps = -1;
  for (const id of sampleIds) {
    const doc = loadSample(id);
    const steps = doc ? doc.flows.reduce((sum, f) => sum + f.steps.length, 0) : 0;
    if (doc && steps > bestSteps) {
      best = doc;
      bestSteps = steps;
    }
  }
  return { label: `sample ${best!.id}`, doc: best! };
}

type DesignerFigures = Awaited<ReturnType<typeof measureDesigner>>;

interface SizeResult {
  input: { label: string; steps: number; lanes: number; edges: number; canvasNodes: number; canvasEdges: number };
  designer: { canvas: DesignerFigures; table: DesignerFigures };
  bpmnJs: {
    viewer: { firstRenderMs: number; runsMs: number[] };
    modeler: { firstRenderMs: number; runsMs: number[] };
    counts: ReturnType<typeof sopToBpmn>['counts'];
  };
  /** designer canvas first render ÷ bpmn-js first render (below 1: the designer is faster). */
  ratio: { vsViewer: number; vsModeler: number };
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function measureDesigner(browser: Browser, code: Bundle, doc: SopDocument, view: 'canvas' | 'table', counts: LayoutCounts) {
  const flow = doc.flows[0]!;
  // The edited step: the middle of the flow, as far from both ends as it gets.
  const editStep = flow.steps[Math.floor(flow.steps.length / 2)]!;
  const input: DesignerOpenInput = { json: JSON.stringify(doc), view, editStepId: editStep.id, nodeIds: counts.nodeIds, edges: counts.edges };
  const firstRender: number[] = [];
  let drawn: DesignerOpenResult['drawn'] | undefined;
  const editRuns: EditResult[] = [];
  for (let r = 0; r < RUNS; r++) {
    const page = await freshPage(browser, code);
    try {
      const opened = await page.evaluate((i) => (globalThis as any).designerBench.open(i) as Promise<DesignerOpenResult>, input);
      firstRender.push(opened.firstRenderMs);
      drawn = opened.drawn;
      await page.waitForTimeout(300);
      editRuns.push(await page.evaluate(([n, w, p]) => (globalThis as any).designerBench.edit(n, w, p) as Promise<EditResult>, [EDITS, EDIT_WARM_UP, EDIT_PAUSE_MS] as const));
    } finally {
      await page.close();
    }
  }
  const relayout = editRuns.flatMap((e) => e.relayoutMs);
  return {
    firstRenderMs: round(median(firstRender)),
    runsMs: firstRender.map((v) => round(v)),
    drawnAtFirstRender: drawn!,
    edit: {
      medianMs: round(median(editRuns.map((e) => e.medianMs))),
      p95Ms: round(median(editRuns.map((e) => e.p95Ms))),
      maxMs: round(Math.max(...editRuns.map((e) => e.maxMs))),
      runs: editRuns.map((e) => ({ medianMs: round(e.medianMs), p95Ms: round(e.p95Ms) })),
      edits: editRuns.reduce((sum, e) => sum + e.latenciesMs.length, 0),
      /** Keystrokes that wrapped a line (the row grew, every row below moved), over all pages. */
      rowGrew: { edits: relayout.length, medianMs: round(median(relayout)), maxMs: relayout.length > 0 ? round(Math.max(...relayout)) : null },
    },
  };
}

async function measureBpmn(browser: Browser, code: Bundle, diagram: ReturnType<typeof sopToBpmn>, mode: 'viewer' | 'modeler') {
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const page = await freshPage(browser, code);
    try {
      const result = await page.evaluate(
        (i) => (globalThis as any).bpmnBench.open(i) as Promise<{ firstRenderMs: number; warnings: number }>,
        { xml: diagram.xml, mode, lastNodeId: diagram.lastNodeId, lastFlowId: diagram.lastFlowId },
      );
      if (result.warnings > 0) throw new Error(`bpmn-js reported ${result.warnings} import warnings`);
      runs.push(result.firstRenderMs);
    } finally {
      await page.close();
    }
  }
  return { firstRenderMs: round(median(runs)), runsMs: runs.map((v) => round(v)) };
}

/** The designer page's up-front JavaScript in a production build (the app's own Vite config), gzip. */
async function initialJavaScript() {
  const outDir = mkdtempSync(join(tmpdir(), 'sop-designer-bench-'));
  try {
    const result = await build({ configFile: `${root}vite.config.ts`, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const output = (Array.isArray(result) ? result[0] : result) as Rollup.RollupOutput;
    const chunks = new Map(output.output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk').map((c) => [c.fileName, c]));
    const html = readFileSync(join(outDir, 'designer', 'index.html'), 'utf8');
    // What the page loads up front: its module script and every modulepreload, and (to be sure) their static imports.
    const listed = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
    const files = new Set<string>();
    const visit = (file: string) => {
      if (files.has(file)) return;
      files.add(file);
      for (const imported of chunks.get(file)?.imports ?? []) visit(imported);
    };
    listed.forEach(visit);
    const monacoUpFront = [...files].some((f) => chunks.get(f)?.moduleIds.some((id) => id.includes('monaco-editor')));
    if (monacoUpFront) throw new Error('Monaco is in the designer page’s initial JavaScript: it should load only with the JSON view');
    const lazy = [...chunks.values()].filter((c) => !files.has(c.fileName) && c.moduleIds.some((id) => id.includes('monaco-editor')));
    const sizes = [...files].map((file) => {
      const bytes = readFileSync(join(outDir, file));
      return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
    });
    const gzipBytes = sizes.reduce((sum, s) => sum + s.gzipBytes, 0);
    const rawBytes = sizes.reduce((sum, s) => sum + s.bytes, 0);
    const monacoGzipBytes = lazy.reduce((sum, c) => sum + gzipSync(readFileSync(join(outDir, c.fileName))).length, 0);
    return {
      gzipKb: round(gzipBytes / 1024),
      rawKb: round(rawBytes / 1024),
      files: sizes.map((s) => ({ file: s.file.replace(/-[\w-]{8}\.js$/, '.js'), gzipKb: round(s.gzipBytes / 1024) })),
      monacoLazyGzipKb: round(monacoGzipBytes / 1024),
      note: 'module script + modulepreloads of dist/designer/index.html (and their static imports), zlib default level; Monaco loads only with the JSON view',
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

interface LayoutCounts {
  nodeIds: string[];
  edges: { id: string; from: string; to: string }[];
}

/** The canvas's symbols and arrows (ids do not depend on row heights, so Node's estimate names them all). */
function layoutCounts(doc: SopDocument): LayoutCounts {
  const layout = computeSwimlaneLayout(doc.flows[0]!, { actors: doc.actors });
  return {
    nodeIds: layout.nodes.map((n) => n.id),
    // RouteEdge draws nothing for a route of fewer than two points.
    edges: layout.edges.filter((e) => e.points.length >= 2).map((e) => ({ id: e.id, from: e.from, to: e.to })),
  };
}

async function main() {
  const inputs: Input[] = [
    largestSample(),
    { label: 'generated 100 steps, 12 lanes', doc: generateSop({ steps: 100, lanes: 12 }) },
    { label: 'generated 500 steps, 12 lanes', doc: generateSop({ steps: 500, lanes: 12 }) },
  ];
  const loadBefore = os.loadavg().map((v) => round(v, 2));
  console.log(`designer vs bpmn-js in Chromium: ${RUNS} fresh pages per figure, ${EDITS} timed keystrokes per page (after ${EDIT_WARM_UP} warm-up)`);
  let started = performance.now();
  const designerCode = await bundle('bench/designer/designerEntry.tsx', 'designerBenchBundle');
  const bpmnCode = await bundle('bench/designer/bpmnEntry.ts', 'bpmnBenchBundle');
  console.log(`bundles (vite): ${Math.round(performance.now() - started)} ms`);

  const browser = await launchChromium();
  const browserVersion = browser.version();
  const sizes: SizeResult[] = [];
  try {
    for (const { label, doc } of inputs) {
      const flow = doc.flows[0]!;
      const counts = layoutCounts(doc);
      const diagram = sopToBpmn(doc);
      const canvas = await measureDesigner(browser, designerCode, doc, 'canvas', counts);
      const table = await measureDesigner(browser, designerCode, doc, 'table', counts);
      const viewer = await measureBpmn(browser, bpmnCode, diagram, 'viewer');
      const modeler = await measureBpmn(browser, bpmnCode, diagram, 'modeler');
      const result: SizeResult = {
        input: { label, steps: flow.steps.length, lanes: flow.lanes.length, edges: flow.edges.length, canvasNodes: counts.nodeIds.length, canvasEdges: counts.edges.length },
        designer: { canvas, table },
        bpmnJs: { viewer, modeler, counts: diagram.counts },
        ratio: { vsViewer: round(canvas.firstRenderMs / viewer.firstRenderMs, 2), vsModeler: round(canvas.firstRenderMs / modeler.firstRenderMs, 2) },
      };
      sizes.push(result);
      console.log(`\n${label}: ${flow.steps.length} steps, ${flow.lanes.length} lanes, ${flow.edges.length} arrows (canvas: ${counts.nodeIds.length} symbols, ${counts.edges.length} routes)`);
      console.log(`  first render  designer canvas ${canvas.firstRenderMs} ms (runs ${canvas.runsMs.join(', ')})`);
      console.log(`                designer table  ${table.firstRenderMs} ms (runs ${table.runsMs.join(', ')})`);
      console.log(`                bpmn-js Viewer  ${viewer.firstRenderMs} ms (runs ${viewer.runsMs.join(', ')})`);
      console.log(`                bpmn-js Modeler ${modeler.firstRenderMs} ms (runs ${modeler.runsMs.join(', ')})`);
      console.log(`                ratio designer/bpmn-js: ${result.ratio.vsViewer} (Viewer), ${result.ratio.vsModeler} (Modeler)`);
      console.log(`  text edit     canvas median ${canvas.edit.medianMs} ms, p95 ${canvas.edit.p95Ms} ms (max ${canvas.edit.maxMs}; ${canvas.edit.rowGrew.edits} of ${canvas.edit.edits} keystrokes grew the row: median ${canvas.edit.rowGrew.medianMs} ms)`);
      console.log(`                table  median ${table.edit.medianMs} ms, p95 ${table.edit.p95Ms} ms (max ${table.edit.maxMs}; ${table.edit.rowGrew.edits} grew the row: median ${table.edit.rowGrew.medianMs} ms)`);
      console.log(`  drawn at first render (canvas): ${canvas.drawnAtFirstRender.nodes} symbols, ${canvas.drawnAtFirstRender.edges} arrows, ${canvas.drawnAtFirstRender.rows} grid rows; minimap ${canvas.drawnAtFirstRender.minimap} symbols`);
    }
  } finally {
    await browser.close();
  }

  started = performance.now();
  const initialJs = await initialJavaScript();
  console.log(`\ninitial JavaScript of dist/designer/index.html (before Monaco): ${initialJs.gzipKb} kB gzip (${initialJs.rawKb} kB raw; Monaco, lazy: ${initialJs.monacoLazyGzipKb} kB gzip) [build ${Math.round(performance.now() - started)} ms]`);

  const big = sizes.at(-1)!;
  const targets = {
    firstRender500NoSlowerThanBpmnJs: {
      target: 'designer canvas first render at 500 steps ≤ bpmn-js (Viewer, the stricter of the two) on the same diagram',
      designerMs: big.designer.canvas.firstRenderMs,
      bpmnJsViewerMs: big.bpmnJs.viewer.firstRenderMs,
      bpmnJsModelerMs: big.bpmnJs.modeler.firstRenderMs,
      met: big.designer.canvas.firstRenderMs <= big.bpmnJs.viewer.firstRenderMs,
      metAgainstModeler: big.designer.canvas.firstRenderMs <= big.bpmnJs.modeler.firstRenderMs,
    },
    editP95Under50msAt500: {
      target: `text edit p95 < ${TARGET_EDIT_P95_MS} ms at 500 steps (canvas view; table view reported too)`,
      canvasMedianMs: big.designer.canvas.edit.medianMs,
      canvasP95Ms: big.designer.canvas.edit.p95Ms,
      tableP95Ms: big.designer.table.edit.p95Ms,
      met: big.designer.canvas.edit.p95Ms < TARGET_EDIT_P95_MS,
      metInTable: big.designer.table.edit.p95Ms < TARGET_EDIT_P95_MS,
    },
  };
  const result = {
    benchmark: 'designer',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, browser: `Chromium ${browserVersion}` },
    method: {
      runs: RUNS,
      editsPerRun: EDITS,
      editWarmUp: EDIT_WARM_UP,
      editPauseMs: EDIT_PAUSE_MS,
      typed: TYPED,
      viewport: VIEWPORT,
      shown: 'the first painted frame (requestAnimationFrame, then the next task) after which the condition holds',
      firstRender:
        'from mounting the designer app on an SOP stored in IndexedDB (session: that SOP open on the canvas or the table, its middle step selected) until the screen is complete. ' +
        'Canvas: the minimap shows every symbol of the flow (all laid out); every symbol on screen is drawn with its row of the paper grid (No, Kegiatan, Mutu Baku); every arrow between two symbols on screen is drawn; the selected step is on screen. ' +
        `Flows under ${VIRTUALIZE_FROM_STEPS} steps draw everything, so there every symbol and arrow and the last step’s grid row must be in the DOM too; from ${VIRTUALIZE_FROM_STEPS} steps the canvas draws only what is near the screen (React Flow onlyRenderVisibleElements, and the grid rows likewise). ` +
        'Table view: the step grid’s last row shows its text (the grid draws every row).',
      edit: 'one character of a sentence typed into the properties panel’s Kegiatan field (an input event) until the symbol’s accessible name and the paper grid’s Kegiatan cell show the new text (canvas view), or the step grid’s Kegiatan cell (table view); median and p95 per page, then the median over pages; rowGrew lists the keystrokes that wrapped a line',
      bpmnJs: 'new Viewer/Modeler + importXML of sopToBpmn(doc) (one flow node per step, gateways for decisions, a lane per actor, every arrow with DI waypoints) until its last node and last sequence flow are drawn (bpmn-js draws every element), same frame rule',
      figures: 'medians over fresh pages',
      load: { before: loadBefore, after: os.loadavg().map((v) => round(v, 2)) },
    },
    sizes,
    initialJavaScript: initialJs,
    targets,
  };
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/designer.json`, JSON.stringify(result, null, 2) + '\n');
  console.log(`\ntarget first render at 500 steps ≤ bpmn-js: ${targets.firstRender500NoSlowerThanBpmnJs.met ? 'met' : 'MISSED'} (designer ${big.designer.canvas.firstRenderMs} ms vs Viewer ${big.bpmnJs.viewer.firstRenderMs} ms, Modeler ${big.bpmnJs.modeler.firstRenderMs} ms; ratio ${big.ratio.vsViewer} / ${big.ratio.vsModeler})`);
  console.log(`target edit p95 < ${TARGET_EDIT_P95_MS} ms at 500 steps: ${targets.editP95Under50msAt500.met ? 'met' : 'MISSED'} (canvas ${big.designer.canvas.edit.p95Ms} ms, table ${big.designer.table.edit.p95Ms} ms)`);
  console.log('wrote bench/results/designer.json');
  if (!targets.firstRender500NoSlowerThanBpmnJs.met || !targets.editP95Under50msAt500.met) process.exitCode = 1;
}

await main();
