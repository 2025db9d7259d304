// `sop print` end to end: the print view rendered by Debian's Chromium to PDF,
// read back with pdfjs-dist. One Chromium prints every sample (the CLI itself
// is run a few times at the end for its arguments, messages and files).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSop } from '../../bench/generateSop';
import { runCli } from '../../cli/main';
import { PdfPrinter } from '../../cli/printCommand';
import { CONTENT_SECURITY_POLICY } from '../../scripts/csp';
import { loadSamples } from '../../samples/loadSamples.node';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { pdfPages, squash } from './printSupport';

const root = fileURLToPath(new URL('../..', import.meta.url));
const samples = loadSamples();
let printer: PdfPrinter;

beforeAll(async () => {
  printer = await PdfPrinter.start();
}, 120_000);

afterAll(async () => {
  await printer?.close();
});

function hasNoColumn(doc: SopDocument): boolean {
  return !doc.columns || doc.columns.no !== undefined;
}

describe('sop print: every sample', () => {
  it.each(samples.map((doc) => ({ id: doc.id, doc })))('$id prints its identity, lanes, steps and total', async ({ doc }) => {
    const { pdf, summary } = await printer.print(doc, { paper: 'a4', orientation: 'landscape' });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(summary.pageCount);
    // Nothing runs off a sheet: rows were measured before the pages were cut.
    expect(summary.overflow!.every((px) => px <= 1), `overflow ${summary.overflow}`).toBe(true);
    const all = pages.map((p) => p.squashed).join('');
    const lower = all.toLowerCase();
    if (doc.identity.number.trim()) expect(all).toContain(squash(doc.identity.number));
    expect(lower).toContain(squash(doc.identity.title).toLowerCase());
    expect(pages.at(-1)!.items).toContain(`Halaman ${pages.length} dari ${pages.length}`);
    for (const flow of doc.flows) {
      for (const lane of flow.lanes) expect(all, lane).toContain(squash(doc.actors.find((a) => a.id === lane)!.label));
      const items = new Set(pages.flatMap((p) => p.items));
      if (hasNoColumn(doc)) for (const step of flow.steps) if (step.number) expect(items, `step ${step.number}`).toContain(step.number);
      for (const step of flow.steps) expect(all).toContain(squash(step.text.split('\n')[0]!).slice(0, 30));
    }
    if (doc.flows.length === 0) expect(all).toContain(squash('SOP ini belum memiliki diagram alir.'));
  }, 30_000);

  it('prints the Banyuwangi total as 4 jam 10 menit, on the total row', async () => {
    const bwi = samples.find((d) => d.id === 'bwi-spm-online')!;
    const pages = await pdfPages((await printer.print(bwi, { paper: 'f4', orientation: 'portrait' })).pdf);
    const last = pages.at(-1)!;
    const label = last.items.indexOf('Jumlah waktu Pelayanan');
    expect(label).toBeGreaterThan(-1);
    expect(last.items[label + 1]).toBe('4 jam 10 menit');
  }, 30_000);

  it('prints the total a SOP states when it differs from its steps (the SOP as signed)', async () => {
    const doc = structuredClone(samples.find((d) => d.id === 'bwi-spm-online')!);
    doc.flows[0]!.statedTotal = { raw: '35 Menit', label: 'Jumlah waktu Pelayanan' };
    const pages = await pdfPages((await printer.print(doc, { paper: 'a4', orientation: 'landscape' })).pdf);
    const last = pages.at(-1)!;
    expect(last.items[last.items.indexOf('Jumlah waktu Pelayanan') + 1]).toBe('35 Menit');
  }, 30_000);
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
    const pages = await pdfPages((await printer.print(doc, { paper: 'a4', orientation: 'landscape' })).pdf);
    expect(pages.map((p) => p.squashed).join('')).toContain(squash('<script>alert(1)</script><img src=x onerror=alert(2)>'));
  }, 30_000);
});

describe('sop print: a long SOP over several pages', () => {
  it('pairs lettered connectors at both ends of every arrow that crosses a page break, and draws no others', async () => {
    const doc = generateSop({ steps: 60, lanes: 5, decisionEvery: 6 });
    const flow = doc.flows[0]!;
    const pages = await pdfPages((await printer.print(doc, { paper: 'a4', orientation: 'landscape' })).pdf);
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
  }, 60_000);
});

describe('sop print: the command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sop-print-'));
  const sample = (id: string) => join(root, 'samples', `${id}.sop.json`);
  // Argument and input errors are checked in process (fast); the real command runs once, end to end.
  async function run(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const status = await runCli(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
    return { status, stdout, stderr };
  }

  it('writes the PDF for the chosen paper, orientation and flow, and nothing else', () => {
    const out = join(dir, 'lmj-16.pdf');
    const result = spawnSync(
      process.execPath,
      [join(root, 'bin/sop.mjs'), 'print', sample('lmj-16-spm'), '--out', out, '--paper', 'f4', '--orientation', 'portrait', '--flow', 'main', '--margins', '10'],
      { cwd: root, encoding: 'utf8', timeout: 90_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/lmj-16\.pdf: \d+ halaman \/ \d+ pages/);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(dir)).toEqual(['lmj-16.pdf']);
  }, 90_000);

  it('refuses an invalid SOP with a message in both languages and writes no PDF', async () => {
    const doc = JSON.parse(readFileSync(sample('oku-01-sktm'), 'utf8'));
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

    const noFolder = await run('print', sample('oku-01-sktm'), '--out', join(dir, 'no', 'such', 'folder', 'x.pdf'));
    expect(noFolder.status).toBe(1);
    expect(noFolder.stderr).toContain('tidak dapat menulis');
    expect(noFolder.stderr).toContain('cannot write');

    // Root writes anywhere: the permission check only means something for an ordinary user.
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      const readOnly = await run('print', sample('oku-01-sktm'), '--out', join(locked, 'x.pdf'), '--lang', 'en');
      chmodSync(locked, 0o700);
      expect(readOnly.status).toBe(1);
      expect(readOnly.stderr).toMatch(/^sop print: cannot write .*permission denied/);
      expect(readdirSync(locked)).toEqual([]);
    }
  });

  it('explains its arguments', async () => {
    const noOut = await run('print', sample('oku-01-sktm'));
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out');
    expect((await run('print', sample('oku-01-sktm'), '--out', join(dir, 'x.pdf'), '--paper', 'letter')).status).toBe(2);
    expect((await run('print', sample('oku-01-sktm'), '--out', join(dir, 'x.pdf'), '--margins', '1,2')).status).toBe(2);
    const noFlow = await run('print', sample('oku-01-sktm'), '--out', join(dir, 'x.pdf'), '--flow', 'nope');
    expect(noFlow.status).toBe(2);
    expect(noFlow.stderr).toContain('tidak ada diagram alir "nope"');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});
