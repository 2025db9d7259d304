// `sop print` end to end: the print view rendered by Debian's Chromium to PDF,
// read back with pdfjs-dist (text, and the geometry of what was drawn). One
// Chromium prints every document (the CLI itself is run a few times at the end
// for its arguments, messages and files).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSop } from '../../bench/generateSop';
import { runCli } from '../../cli/main';
import { printMessagesId } from '../../core/i18n/areas/print.id';
import { branchLabelText, PRESETS, SYMBOLS } from '../../core/notation';
import { plainTextOf } from '../../core/text/richText';
import { allV2Sops, askedSop, fanOutSop, rejectionSop, signOffSop } from '../../core/engine/testing/v2Sops';
import { CRAFTED_V2, identityV2Doc, inferredLabelsDoc, loopIntoParallelDoc, rejectedEndDoc, signOffChainDoc, conditionalRowDoc, fanOutDoc } from '../../print/fixtures/craftedV2';
import { PAPER_SIZES, type Orientation, type PaperSize } from '../../print/model';
import { PdfPrinter } from '../../print/pdf/printCommand';
import { CONTENT_SECURITY_POLICY } from '../../scripts/csp';
import { loadSamples } from '../../samples/loadSamples.node';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { asV2, boxesOverlap, segmentCrossesBox, sharedPrints, squash, type PdfPageGeometry } from './printSupport';

const root = fileURLToPath(new URL('../..', import.meta.url));
const samples = loadSamples().map((doc) => asV2(doc));
let printer: PdfPrinter;
/** Each distinct print once, read back once, a few at a time (see sharedPrints). */
let prints: ReturnType<typeof sharedPrints>;
const PARALLEL_PRINTS = 3;

beforeAll(async () => {
  printer = await PdfPrinter.start();
  prints = sharedPrints(printer, PARALLEL_PRINTS);
}, 120_000);

afterAll(async () => {
  await printer?.close();
});

function hasNoColumn(doc: SopDocument): boolean {
  return !doc.columns || doc.columns.no !== undefined;
}

/** Page counts of `sop print` on the base commit of this work (99d1171), before the print matched signed SOPs. */
const PAGES_BEFORE = { 'a4-landscape': 7, 'a4-portrait': 5, 'f4-landscape': 7, 'f4-portrait': 5 } as const;

describe('sop print: every sample on every paper', () => {
  it.each(samples.map((doc) => ({ id: doc.id, doc })))('$id prints its identity, lanes and steps on A4, F4, Letter and Legal', async ({ doc }) => {
    const printed = await Promise.all(PAPER_SIZES.map((paper) => prints.print(doc, { paper, orientation: 'landscape' })));
    for (const [i, paper] of PAPER_SIZES.entries()) {
      const { pdf, summary } = printed[i]!;
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      const pages = await prints.pages(pdf);
      expect(pages, paper).toHaveLength(summary.pageCount);
      // Nothing runs off a sheet: rows were measured before the pages were cut.
      expect(summary.overflow!.every((px) => px <= 1), `${paper}: overflow ${summary.overflow}`).toBe(true);
      if (paper !== 'a4') continue;
      const all = pages.map((p) => p.squashed).join('');
      if (doc.identity.number?.trim()) expect(all).toContain(squash(doc.identity.number));
      // The title as it was written: not upper-cased.
      if (doc.identity.title) expect(all).toContain(squash(doc.identity.title));
      expect(pages.at(-1)!.items).toContain(`Halaman ${pages.length} dari ${pages.length}`);
      for (const flow of doc.flows) {
        for (const lane of flow.lanes) expect(all, lane).toContain(squash(doc.actors.find((a) => a.id === lane)!.label));
        const items = new Set(pages.flatMap((p) => p.items));
        if (hasNoColumn(doc)) for (const step of flow.steps) if (step.number) expect(items, `step ${step.number}`).toContain(step.number);
        for (const step of flow.steps) expect(all).toContain(squash(plainTextOf(step.text).split('\n')[0]!).slice(0, 30));
      }
      if (doc.flows.length === 0) expect(all).toContain(squash('SOP ini belum memiliki diagram alir.'));
    }
  }, 90_000);

  it('prints the total the SOP states, as it states it, and no computed total row unless asked for', async () => {
    const bwi = samples.find((d) => d.id === 'bwi-spm-online')!;
    const stated = (await prints.pages((await prints.print(bwi, { paper: 'f4', orientation: 'portrait' })).pdf)).at(-1)!;
    expect(stated.items[stated.items.indexOf('Jumlah waktu Pelayanan') + 1]).toBe('4 Jam 10 Menit');

    const oku = samples.find((d) => d.id === 'oku-01-sktm')!;
    expect(oku.flows[0]!.statedTotal).toBeUndefined();
    const plain = (await prints.pages((await prints.print(oku, { paper: 'a4', orientation: 'landscape' })).pdf)).map((p) => p.squashed).join('');
    expect(plain).not.toContain('JumlahWaktu');
    const asked = (await prints.pages((await prints.print(oku, { paper: 'a4', orientation: 'landscape', computedTotal: true })).pdf)).map((p) => p.squashed).join('');
    expect(asked).toContain('JumlahWaktu');
  }, 60_000);

  it('adds no title above a table that has none, unless asked for', async () => {
    const oku = samples.find((d) => d.id === 'oku-01-sktm')!;
    expect(oku.flows[0]!.title).toBeUndefined();
    // The footer's running line names the SOP on every page; a heading would name it a second time.
    const titles = async (tableTitle: boolean) => {
      const page = (await prints.pages((await prints.print(oku, { paper: 'a4', orientation: 'landscape', tableTitle })).pdf))[1]!;
      return page.items.filter((item) => item === oku.identity.title).length;
    };
    expect(await titles(false)).toBe(1);
    expect(await titles(true)).toBe(2);
  }, 60_000);
});

/** Every word any text of the document or the print's own labels holds, for telling a whole word from a piece of one. */
function sourceWords(doc: SopDocument): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const raw of text.split(/[\s\u200b]+/)) {
      const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (!word) continue;
      words.add(word);
      // A word written with a slash or a hyphen may wrap after it ("DESA/" "KELURAHAN"): both parts are whole.
      for (const part of word.split(/[/-]/)) if (part) words.add(part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
    }
  };
  const walk = (value: unknown) => {
    if (typeof value === 'string') add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(doc);
  // The print's own labels (Tanggal Pembuatan, Pelaksana, Halaman … dari …).
  for (const message of Object.values(printMessagesId)) add(message.replace(/\{\w+\}/g, ' '));
  return words;
}

/** Pieces of words on the printed pages: a run that starts or ends inside a word of the source. */
function splitWords(pages: readonly PdfPageGeometry[], words: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  pages.forEach((page, p) => {
    for (const text of page.texts) {
      const tokens = text.text.split(/[\s\u200b]+/).map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
      for (const token of [tokens[0], tokens.at(-1)]) {
        // Numbers, and connector letters (A, B, … AA).
        if (token && !words.has(token) && !/^\d+$/.test(token) && !/^[A-Z]{1,2}$/.test(token)) problems.push(`page ${p + 1}: "${token}" in "${text.text}"`);
      }
    }
  });
  return problems;
}

/** Branch labels on the pages that meet a line (an arrow, a symbol outline, a rule) or another label. */
function labelsOnLines(pages: readonly PdfPageGeometry[], doc: SopDocument): { labels: number; problems: string[] } {
  const labelTexts = doc.flows.flatMap((flow) =>
    flow.edges.map((e) => branchLabelText(e.label, { inferred: e.inferred?.includes('label') ?? false, unknown: e.labelUnknown === true })).filter((t): t is string => !!t),
  );
  const problems: string[] = [];
  let labels = 0;
  pages.forEach((page, p) => {
    // Branch labels are the small italic runs (6.4 pt and less) that are part of a label's text.
    const boxes = page.texts.filter((t) => t.fontSize < 7 && labelTexts.some((label) => label.includes(t.text.trim())) && !/^[A-Z]{1,2}$/.test(t.text));
    labels += boxes.length;
    boxes.forEach((label, i) => {
      const name = `page ${p + 1}: label "${label.text}"`;
      for (const shape of page.shapes) {
        const thinRule = shape.paint === 'fill' && (shape.box.right - shape.box.left < 1.5 || shape.box.top - shape.box.bottom < 1.5);
        if (shape.paint === 'fill' && !thinRule) continue;
        if (thinRule ? boxesOverlap(label.box, shape.box) : shape.segments.some((s) => segmentCrossesBox(s, label.box))) {
          problems.push(`${name} meets ${thinRule ? 'a rule' : `a line (${shape.stroke})`} at ${shape.box.left.toFixed(1)},${shape.box.bottom.toFixed(1)}`);
          break;
        }
      }
      for (const other of boxes.slice(i + 1)) if (boxesOverlap(label.box, other.box)) problems.push(`${name} meets the label "${other.text}"`);
    });
  });
  return { labels, problems };
}

describe('sop print: what the pages show, read back from the PDF', () => {
  it('draws the symbols at the preset sizes: terminator about 60×27 pt, diamond about 55×55 pt, process about 70×22 pt', async () => {
    const doc = samples.find((d) => d.id === 'blt-sk-kip')!;
    const { pdf, summary } = await prints.print(doc, { paper: 'a4', orientation: 'landscape' });
    const scale = summary.symbolScales[doc.flows[0]!.id]!;
    expect(scale).toBeGreaterThanOrEqual(0.65);
    const symbols = (await prints.geometry(pdf)).flatMap((page) => page.shapes.filter((s) => s.fill === PRESETS.standar.symbols.process.fill && s.paint !== 'stroke'));
    // The outline sits half a stroke inside the symbol's box.
    const stroke = (PRESETS.standar.symbols.process.strokeWidth * 72) / 96;
    const size = (s: (typeof symbols)[number]) => ({ width: s.box.right - s.box.left + stroke, height: s.box.top - s.box.bottom + stroke });
    const near = (kind: 'start' | 'decision' | 'process') => ({ width: SYMBOLS[kind].sizePt.width * scale, height: SYMBOLS[kind].sizePt.height * scale });
    const kinds = { start: 0, decision: 0, process: 0 };
    for (const symbol of symbols) {
      const { width, height } = size(symbol);
      const kind = (['start', 'decision', 'process'] as const).find((k) => Math.abs(width - near(k).width) < 1.5 && Math.abs(height - near(k).height) < 1.5);
      expect(kind, `a symbol of ${width.toFixed(1)}×${height.toFixed(1)} pt at scale ${scale}`).toBeDefined();
      kinds[kind!]++;
    }
    expect(kinds.start).toBeGreaterThanOrEqual(2);
    expect(kinds.decision).toBeGreaterThanOrEqual(1);
    expect(kinds.process).toBeGreaterThanOrEqual(2);
  }, 30_000);

  it('prints the symbols at their full preset size where the lanes have room (oku-01 on A4)', async () => {
    const doc = samples.find((d) => d.id === 'oku-01-sktm')!;
    const { pdf, summary } = await prints.print(doc, { paper: 'a4', orientation: 'landscape' });
    expect(summary.symbolScales['main']).toBe(1);
    const fill = PRESETS.standar.symbols.start.fill;
    const sizes = (await prints.geometry(pdf)).flatMap((page) => page.shapes.filter((s) => s.fill === fill && s.paint !== 'stroke')).map((s) => [s.box.right - s.box.left, s.box.top - s.box.bottom]);
    const stroke = (PRESETS.standar.symbols.start.strokeWidth * 72) / 96;
    expect(sizes.some(([w, h]) => Math.abs(w! + stroke - 60) < 1 && Math.abs(h! + stroke - 27) < 1)).toBe(true);
  }, 30_000);

  it('prints Hitam putih in black and white only, with arrows heavier than the rules', async () => {
    const doc = samples.find((d) => d.id === 'kra-pbi-jk-pbpu')!;
    const pages = await prints.geometry((await prints.print(doc, { paper: 'a4', orientation: 'landscape', preset: 'hitam-putih' })).pdf);
    const colours = new Set(pages.flatMap((p) => p.shapes.flatMap((s) => [s.paint !== 'stroke' ? s.fill : null, s.paint !== 'fill' ? s.stroke : null])).filter((c): c is string => c !== null));
    for (const colour of colours) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
      // Grey at most (the footer's small print); no colour a photocopier would turn to noise.
      expect(Math.max(r!, g!, b!) - Math.min(r!, g!, b!), colour).toBeLessThanOrEqual(24);
    }
    const arrows = pages.flatMap((p) => p.shapes.filter((s) => s.paint === 'stroke' && s.stroke === '#000000'));
    expect(arrows.length).toBeGreaterThan(5);
    expect(Math.min(...arrows.map((a) => a.lineWidth))).toBeGreaterThan((PRESETS['hitam-putih'].grid.width * 72) / 96);
  }, 30_000);

  const labelled = samples.filter((doc) => doc.flows.some((f) => f.edges.some((e) => e.label?.trim())));
  it.each<[PaperSize, Orientation]>([['a4', 'landscape'], ['letter', 'portrait']])('no branch label meets a line or another label (%s %s, every sample with labels, the crafted documents)', async (paper, orientation) => {
    const problems: string[] = [];
    let count = 0;
    const docs = [...labelled, inferredLabelsDoc(), rejectedEndDoc(), generateSop({ steps: 30, lanes: 4, decisionEvery: 3 })];
    const geometries = await Promise.all(docs.map(async (doc) => prints.geometry((await prints.print(doc, { paper, orientation })).pdf)));
    for (const [i, doc] of docs.entries()) {
      const { labels, problems: found } = labelsOnLines(geometries[i]!, doc);
      count += labels;
      problems.push(...found.map((p) => `${doc.id} ${p}`));
    }
    expect(count).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  }, 180_000);

  it.each<[PaperSize, Orientation]>([['a4', 'landscape'], ['f4', 'portrait']])('breaks no word in the middle, on any page of any sample (%s %s)', async (paper, orientation) => {
    const problems: string[] = [];
    const docs = [...samples, identityV2Doc(), signOffChainDoc()];
    const geometries = await Promise.all(docs.map(async (doc) => prints.geometry((await prints.print(doc, { paper, orientation })).pdf)));
    for (const [i, doc] of docs.entries()) {
      const pages = geometries[i]!;
      problems.push(...splitWords(pages, sourceWords(doc)).map((p) => `${doc.id} ${p}`));
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it('prints only the identity rows the SOP has, with its own labels, its logo and its electronic signature', async () => {
    const doc = identityV2Doc();
    const { pdf } = await prints.print(doc, { paper: 'a4', orientation: 'landscape' });
    const [identity, ...rest] = await prints.pages(pdf);
    // Absent in the SOP: no row at all.
    for (const absent of ['Nomor SOP', 'Tanggal Revisi', 'Nama SOP', 'Disahkan Oleh', 'Tanggal Efektif', 'Keterkaitan', 'Peringatan', 'Pencatatan']) expect(identity!.squashed, absent).not.toContain(squash(absent));
    // Its own labels, the illegible row said so, the empty row kept.
    for (const present of ['Judul SOP', 'Ditetapkan Oleh', 'Tanggal Berlaku', 'Tanggal Pengesahan', '(tidak terbaca)', 'Peralatan/Perlengkapan']) expect(identity!.squashed, present).toContain(squash(present));
    expect(identity!.squashed).toContain(squash(doc.identity.title!));
    // The e-signature statement in the Disahkan Oleh cell and in every page's footer.
    const statement = squash(doc.electronicSignature!.statement).slice(0, 40);
    for (const page of [identity!, ...rest]) expect(page.squashed).toContain(statement);
    // The logo and the QR codes are images on the page.
    const geometry = await prints.geometry(pdf);
    expect(geometry.length).toBe(rest.length + 1);

    // A v1 document written before identity presence: its empty unit and number rows are gone after migration.
    const lmj09 = samples.find((d) => d.id === 'lmj-09-pkh-mekanisme')!;
    expect(lmj09.identity.number).toBeUndefined();
    const stub = (await prints.pages((await prints.print(lmj09, { paper: 'a4', orientation: 'landscape' })).pdf))[0]!;
    expect(stub.squashed).not.toContain('NomorSOP');
    expect(stub.squashed).not.toContain('TanggalPembuatan');
  }, 60_000);

  it.each(CRAFTED_V2.map(({ name, doc }) => ({ name, doc })))('prints the crafted v2 document: $name', async ({ doc: make }) => {
    const doc = make();
    const { pdf, summary } = await prints.print(doc, { paper: 'a4', orientation: 'landscape' });
    expect(summary.overflow!.every((px) => px <= 1)).toBe(true);
    const text = (await prints.pages(pdf)).map((p) => p.squashed).join('');
    for (const step of doc.flows[0]!.steps) expect(text).toContain(squash(plainTextOf(step.text).split('\n')[0]!).slice(0, 25));
  }, 30_000);

  it('prints what each crafted v2 feature adds: the sign-off chain, the condition, inferred and illegible labels, a rejected end', async () => {
    const pages = async (doc: SopDocument) => (await prints.pages((await prints.print(doc, { paper: 'a4', orientation: 'landscape' })).pdf)).map((p) => p.squashed).join('');
    expect(await pages(signOffChainDoc())).toContain(squash('Paraf: Kasi → Kabid → Sekretaris Dinas · Tanda tangan: Kepala Dinas'));
    expect(await pages(conditionalRowDoc())).toContain(squash('jika hanya memerlukan rawat jalan'));
    const inferred = await pages(inferredLabelsDoc());
    expect(inferred).toContain('[Ya]');
    expect(inferred).toContain('[Tidak]');
    expect(inferred).toContain('?');
    const rejected = await pages(rejectedEndDoc());
    expect(rejected).toContain(squash('Disampaikan surat pemberitahuan penolakan'));
    expect(rejected).toContain(squash('Tidak memenuhi syarat'));
  }, 60_000);

  it('draws a fan-out to four lanes as one split symbol with one arrow into each lane', async () => {
    const { fromSplit, bars, boxes } = await fanOutArrows(fanOutDoc());
    expect(bars).toBe(2);
    expect(fromSplit).toHaveLength(4);
    expect(new Set(fromSplit.map((a) => Math.round(a.segments.at(-1)![2]))).size).toBe(4);
    expect(boxes).toBeGreaterThanOrEqual(6);
  }, 30_000);
});

describe('sop print: a loop back into a parallel region', () => {
  it('draws the loop as one arrow running up from the decision after the join into the branch it redoes', async () => {
    // Arrows (y grows up the page in PDF space) whose end is well above their start.
    const upward = async (doc: SopDocument) => {
      const table = (await prints.geometry((await prints.print(doc, { paper: 'a4', orientation: 'landscape' })).pdf))[1]!;
      const arrows = table.shapes.filter((s) => s.paint === 'stroke' && s.stroke === PRESETS.standar.arrow.stroke);
      const boxes = table.shapes.filter((s) => s.fill === PRESETS.standar.symbols.process.fill && s.paint !== 'stroke').map((s) => s.box);
      return { loops: arrows.filter((a) => a.segments.at(-1)![3] - a.segments[0]![1] > 20), boxes };
    };
    expect((await upward(fanOutDoc())).loops).toHaveLength(0);
    const { loops, boxes } = await upward(loopIntoParallelDoc());
    expect(loops).toHaveLength(1);
    // It ends at one box (Kasi's check, step 4, in the Kasi's lane), not in empty space or at a page edge.
    const [, , x, y] = loops[0]!.segments.at(-1)!;
    const reached = boxes.filter((b) => x >= b.left - 3 && x <= b.right + 3 && y >= b.bottom - 6 && y <= b.top + 6);
    expect(reached).toHaveLength(1);
  }, 30_000);
});

/** The split's bar, the join's bar, and the arrows that start at the split's bar, on the first table page. */
async function fanOutArrows(doc: SopDocument) {
  const geometry = await prints.geometry((await prints.print(doc, { paper: 'a4', orientation: 'landscape' })).pdf);
  const table = geometry[1]!;
  const arrows = table.shapes.filter((s) => s.paint === 'stroke' && s.stroke === PRESETS.standar.arrow.stroke);
  const boxes = table.shapes.filter((s) => s.fill === PRESETS.standar.symbols.process.fill && s.paint !== 'stroke');
  // Two bars: the split under its box, the join over its box.
  const bars = table.shapes.filter((s) => s.fill === PRESETS.standar.mark);
  const split = bars.reduce((a, b) => (a.box.top > b.box.top ? a : b));
  const fromSplit = arrows.filter((a) => {
    const [x, y] = [a.segments[0]![0], a.segments[0]![1]];
    return x > split.box.left && x < split.box.right && Math.abs(y - split.box.bottom) < 1.5;
  });
  return { fromSplit, bars: bars.length, boxes: boxes.length };
}

// The engine's crafted v2 documents (core/engine/testing/v2Sops.ts, the ones its case tests run) printed too:
// each crafted semantic has an engine test and a print test, whichever fixture file it was written in.
describe("sop print: the engine's crafted v2 documents", () => {
  it.each(Object.entries(allV2Sops()).map(([name, doc]) => ({ name, doc })))('$name prints every step, nothing runs off a sheet, no label meets a line, no word is split', async ({ doc }) => {
    const { pdf, summary } = await prints.print(doc, { paper: 'a4', orientation: 'landscape' });
    expect(summary.overflow!.every((px) => px <= 1)).toBe(true);
    const text = (await prints.pages(pdf)).map((p) => p.squashed).join('');
    for (const step of doc.flows[0]!.steps) expect(text).toContain(squash(plainTextOf(step.text).split('\n')[0]!).slice(0, 25));
    const geometry = await prints.geometry(pdf);
    expect(labelsOnLines(geometry, doc).problems).toEqual([]);
    expect(splitWords(geometry, sourceWords(doc))).toEqual([]);
  }, 30_000);

  it('prints the four-instansi fan-out as one split with one arrow into each of the four lanes, and its join', async () => {
    const { fromSplit, bars } = await fanOutArrows(fanOutSop());
    expect(bars).toBe(2);
    expect(fromSplit).toHaveLength(4);
    expect(new Set(fromSplit.map((a) => Math.round(a.segments.at(-1)![2]))).size).toBe(4);
  }, 30_000);

  it('prints the sign-off chain as a paraf line, the asked condition, and the rejected end', async () => {
    const pages = async (doc: SopDocument) => (await prints.pages((await prints.print(doc, { paper: 'a4', orientation: 'landscape' })).pdf)).map((p) => p.squashed).join('');
    expect(await pages(signOffSop())).toContain(squash('Paraf: Kasi Rehabilitasi Sosial → Kabid Rehabilitasi Sosial → Sekretaris Dinas · Tanda tangan: Kepala Dinas'));
    expect(await pages(askedSop())).toContain(squash('Jika pemohon hanya memerlukan rawat jalan'));
    const rejected = await pages(rejectionSop());
    expect(rejected).toContain(squash('Surat pemberitahuan penolakan disampaikan kepada pemohon'));
    expect(rejected).toContain(squash('Tidak Layak'));
  }, 60_000);
});

describe('sop print: a long SOP over several pages', () => {
  it('pairs lettered connectors at both ends of every arrow that crosses a page break, in the rows themselves', async () => {
    const doc = generateSop({ steps: 60, lanes: 5, decisionEvery: 6 });
    const flow = doc.flows[0]!;
    const { pdf, summary } = await prints.print(doc, { paper: 'a4', orientation: 'landscape' });
    const pages = await prints.pages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    // Which page each step is printed on, read from the No column (the leftmost runs) of the PDF.
    const numbers = new Set(flow.steps.map((s) => s.number!));
    const pageOfStep = new Map<string, number>();
    pages.forEach((page, p) => {
      const left = Math.min(...page.runs.map((r) => r.x));
      for (const run of page.runs) if (numbers.has(run.text) && run.x < left + 30) pageOfStep.set(`s${run.text}`, p);
    });
    expect(pageOfStep.size).toBe(flow.steps.length);
    const pairKey = (a: number, b: number) => `${Math.min(a, b)}-${Math.max(a, b)}`;
    const expected = new Map<string, number>();
    for (const edge of flow.edges) {
      const [a, b] = [pageOfStep.get(edge.from)!, pageOfStep.get(edge.to!)!];
      if (a !== b) expected.set(pairKey(a, b), (expected.get(pairKey(a, b)) ?? 0) + 1);
    }
    // Connector letters are the only text runs that are one or two capitals.
    const pagesOfLetter = new Map<string, number[]>();
    pages.forEach((page, p) => page.items.filter((item) => /^[A-Z]{1,2}$/.test(item)).forEach((letter) => pagesOfLetter.set(letter, [...(pagesOfLetter.get(letter) ?? []), p])));
    const found = new Map<string, number>();
    for (const [letter, onPages] of pagesOfLetter) {
      expect(onPages, `connector ${letter}`).toHaveLength(2);
      expect(onPages[0], `connector ${letter} on two different pages`).not.toBe(onPages[1]);
      found.set(pairKey(onPages[0]!, onPages[1]!), (found.get(pairKey(onPages[0]!, onPages[1]!)) ?? 0) + 1);
    }
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(2);
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(expected));
    expect([...pagesOfLetter.keys()].sort()).toEqual([...pagesOfLetter.keys()].map((_, i) => String.fromCharCode(65 + i)));
    // No connector has a row of its own: every page's connectors sit in a row that holds a step.
    for (const page of summary.pages.filter((p) => p.kind === 'flow')) if (page.connectors.length > 0) expect(page.steps.length).toBeGreaterThan(0);
  }, 60_000);

  it('prints the 60-step SOP on no more pages than before, on fewer on F4 and Legal than on A4 landscape, and never on more', async () => {
    const doc = generateSop({ steps: 60, lanes: 5, decisionEvery: 6 });
    const sheets = (['a4', 'f4', 'legal'] as const).flatMap((paper) => (['landscape', 'portrait'] as const).map((orientation) => ({ paper, orientation })));
    const counts = await Promise.all(sheets.map(async (sheet) => (await prints.print(doc, sheet)).summary.pageCount));
    const pages = Object.fromEntries(sheets.map(({ paper, orientation }, i) => [`${paper}-${orientation}`, counts[i]!]));
    for (const [key, before] of Object.entries(PAGES_BEFORE)) expect(pages[key], key).toBeLessThanOrEqual(before);
    // Landscape, as SOPs are signed: the taller and wider sheets save a page.
    expect(pages['f4-landscape']).toBeLessThan(pages['a4-landscape']!);
    expect(pages['legal-landscape']).toBeLessThan(pages['a4-landscape']!);
    // Portrait: the lanes are so narrow that A4 already holds this table on as few pages as F4 and Legal.
    expect(pages['f4-portrait']).toBeLessThanOrEqual(pages['a4-portrait']!);
    expect(pages['legal-portrait']).toBeLessThanOrEqual(pages['a4-portrait']!);
  }, 120_000);

  it('prints the 100-step SOP of the benchmark on fewer pages on F4 and on Legal than on A4', async () => {
    const doc = generateSop({ steps: 100, lanes: 6 });
    const sheets = (['landscape', 'portrait'] as const).flatMap((orientation) => (['a4', 'f4', 'legal'] as const).map((paper) => ({ paper, orientation })));
    const counts = await Promise.all(sheets.map(async (sheet) => (await prints.print(doc, sheet)).summary.pageCount));
    const pages = Object.fromEntries(sheets.map(({ paper, orientation }, i) => [`${paper}-${orientation}`, counts[i]!]));
    for (const orientation of ['landscape', 'portrait'] as const) {
      for (const paper of ['f4', 'legal'] as const) expect(pages[`${paper}-${orientation}`], `${paper} ${orientation}`).toBeLessThan(pages[`a4-${orientation}`]!);
    }
  }, 120_000);
});

describe('sop print: the print page', () => {
  it("carries the apps' strict Content-Security-Policy: an inline script never runs", async () => {
    const page = await printer.emptyPrintPage();
    try {
      const result = await page.evaluate(async () => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
        const script = document.createElement('script');
        script.textContent = 'document.body.dataset.inline = "ran"';
        document.head.append(script);
        await new Promise((resolve) => setTimeout(resolve, 50));
        return {
          policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
          ran: document.body.dataset['inline'] === 'ran',
          printView: typeof (globalThis as { sopPrint?: unknown }).sopPrint,
          violations,
        };
      });
      expect(result.policy).toBe(CONTENT_SECURITY_POLICY);
      expect(result.printView).toBe('object');
      expect(result.ran).toBe(false);
      expect(result.violations).toEqual(['script-src-elem']);
    } finally {
      await page.close();
    }
  });

  it('prints text that looks like markup as text', async () => {
    const doc = structuredClone(samples.find((d) => d.id === 'bwi-spm-online')!);
    doc.flows[0]!.steps[1]!.text = '<script>alert(1)</script><img src=x onerror=alert(2)> Verifikasi';
    const pages = await prints.pages((await prints.print(doc, { paper: 'a4', orientation: 'landscape' })).pdf);
    expect(pages.map((p) => p.squashed).join('')).toContain(squash('<script>alert(1)</script><img src=x onerror=alert(2)>'));
  }, 30_000);
});

describe('sop print: the command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sop-print-'));
  const v2File = (id: string) => {
    const file = join(dir, `${id}.sop.json`);
    if (!existsSync(file)) writeFileSync(file, JSON.stringify(samples.find((d) => d.id === id)!));
    return file;
  };
  // Argument and input errors are checked in process (fast); the real command runs once, end to end.
  async function run(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const status = await runCli(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
    return { status, stdout, stderr };
  }

  it('writes the PDF for the chosen paper (in any case), orientation, style and flow, and nothing else', () => {
    const out = join(dir, 'out', 'lmj-16.pdf');
    mkdirSync(join(dir, 'out'), { recursive: true });
    const result = spawnSync(
      process.execPath,
      [join(root, 'bin/sop.mjs'), 'print', v2File('lmj-16-spm'), '--out', out, '--paper', 'Legal', '--orientation', 'Portrait', '--style', 'Hitam-Putih', '--flow', 'main', '--margins', '10'],
      { cwd: root, encoding: 'utf8', timeout: 90_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/lmj-16\.pdf: \d+ halaman \/ \d+ pages/);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(join(dir, 'out'))).toEqual(['lmj-16.pdf']);
  }, 90_000);

  it('refuses an invalid SOP with a message in both languages and writes no PDF', async () => {
    const doc = JSON.parse(readFileSync(v2File('oku-01-sktm'), 'utf8'));
    doc.flows[0].edges = [];
    const bad = join(dir, 'bad.sop.json');
    writeFileSync(bad, JSON.stringify(doc));
    const out = join(dir, 'bad.pdf');
    const result = await run('print', bad, '--out', out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('bukan SOP yang sah');
    expect(result.stderr).toContain('is not a valid SOP');
    expect(result.stderr).toMatch(/#\/flows\/0\/steps\/\d+ {2}\S+/);
    expect(existsSync(out)).toBe(false);
  });

  it('says so when the file is missing or the output cannot be written, and exits non-zero', async () => {
    const missing = await run('print', join(dir, 'nope.sop.json'), '--out', join(dir, 'nope.pdf'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('berkas tidak ditemukan');
    expect(missing.stderr).toContain('file not found');

    const noFolder = await run('print', v2File('oku-01-sktm'), '--out', join(dir, 'no', 'such', 'folder', 'x.pdf'));
    expect(noFolder.status).toBe(1);
    expect(noFolder.stderr).toContain('tidak dapat menulis');
    expect(noFolder.stderr).toContain('cannot write');

    // Root writes anywhere: the permission check only means something for an ordinary user.
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      const readOnly = await run('print', v2File('oku-01-sktm'), '--out', join(locked, 'x.pdf'), '--lang', 'en');
      chmodSync(locked, 0o700);
      expect(readOnly.status).toBe(1);
      expect(readOnly.stderr).toMatch(/^sop print: cannot write .*permission denied/);
      expect(readdirSync(locked)).toEqual([]);
    }
  });

  it('explains its arguments', async () => {
    const noOut = await run('print', v2File('oku-01-sktm'));
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const badPaper = await run('print', v2File('oku-01-sktm'), '--out', join(dir, 'x.pdf'), '--paper', 'a3');
    expect(badPaper.status).toBe(2);
    expect(badPaper.stderr).toContain('--paper must be a4, f4, letter or legal');
    expect((await run('print', v2File('oku-01-sktm'), '--out', join(dir, 'x.pdf'), '--style', 'warna')).status).toBe(2);
    expect((await run('print', v2File('oku-01-sktm'), '--out', join(dir, 'x.pdf'), '--margins', '1,2')).status).toBe(2);
    const noFlow = await run('print', v2File('oku-01-sktm'), '--out', join(dir, 'x.pdf'), '--flow', 'nope');
    expect(noFlow.status).toBe(2);
    expect(noFlow.stderr).toContain('tidak ada diagram alir "nope"');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});
