// Screenshot tests of the printed sheets (real Chromium), against baselines in
// tests/visual/__baselines__/. A sheet may differ from its baseline in at most
// 0.2% of its pixels (antialiasing shades are ignored); beyond that the test
// fails and writes the actual sheet and a diff image to tests/visual/__diffs__/.
// After an intended change: UPDATE_VISUAL_BASELINES=1 npx vitest run tests/e2e/printVisual.test.ts
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfPrinter } from '../../print/pdf/printCommand';
import { identityV2Doc } from '../../print/fixtures/craftedV2';
import { loadSample } from '../../samples/loadSamples.node';
import { asV2, comparePngs } from './printSupport';

const visual = fileURLToPath(new URL('../visual', import.meta.url));
const baselines = join(visual, '__baselines__');
const diffs = join(visual, '__diffs__');
const update = process.env['UPDATE_VISUAL_BASELINES'] === '1';
const TOLERANCE = 0.002;

let printer: PdfPrinter;
let page: Page;

beforeAll(async () => {
  printer = await PdfPrinter.start();
  page = await printer.blankPage();
  rmSync(diffs, { recursive: true, force: true });
}, 120_000);

afterAll(async () => {
  await printer?.close();
});

const cases = [
  ...['bwi-spm-online', 'kra-pbi-jk-pbpu', 'lmj-15-pencabutan-kis-pbid'].flatMap((id) =>
    (
      [
        { paper: 'a4', orientation: 'landscape', preset: 'standar' },
        { paper: 'f4', orientation: 'portrait', preset: 'standar' },
      ] as const
    ).map((paper) => ({ id, ...paper })),
  ),
  // The photocopy style on the paper most signed SOPs use besides A4.
  { id: 'bwi-spm-online', paper: 'legal', orientation: 'landscape', preset: 'hitam-putih' } as const,
  { id: 'identity-v2', paper: 'letter', orientation: 'landscape', preset: 'standar' } as const,
].map((c) => ({ ...c, name: `${c.id} ${c.paper} ${c.orientation}${c.preset === 'standar' ? '' : ` ${c.preset}`}` }));

/** The samples as schema v2 has them; the crafted v2 identity page by its id. */
const documentOf = (id: string) => (id === 'identity-v2' ? identityV2Doc() : asV2(loadSample(id)!));

describe('printed sheets look as before', () => {
  it.each(cases)('$name', async ({ id, paper, orientation, preset }) => {
    const { pngs } = await printer.screenshots(documentOf(id), { paper, orientation, preset });
    const problems: string[] = [];
    const stem = `${id}-${paper}-${orientation}${preset === 'standar' ? '' : `-${preset}`}`;
    const expectedPages = (n: number) => join(baselines, `${stem}-${n}.png`);
    for (let n = pngs.length + 1; existsSync(expectedPages(n)); n++) {
      if (update) rmSync(expectedPages(n));
      else problems.push(`page ${n} of the baseline is missing from the print (now ${pngs.length} pages)`);
    }
    for (const [i, png] of pngs.entries()) {
      const file = expectedPages(i + 1);
      if (update || !existsSync(file)) {
        mkdirSync(baselines, { recursive: true });
        writeFileSync(file, png);
        if (!update) problems.push(`no baseline for page ${i + 1}: written to ${file}, check it and run again`);
        continue;
      }
      const diff = await comparePngs(page, readFileSync(file), png);
      const ratio = diff.sizeChanged ? 1 : diff.differing / (diff.width * diff.height);
      if (ratio > TOLERANCE) {
        mkdirSync(diffs, { recursive: true });
        const out = join(diffs, `${stem}-${i + 1}`);
        writeFileSync(`${out}.actual.png`, png);
        if (diff.diffPng) writeFileSync(`${out}.diff.png`, diff.diffPng);
        problems.push(`page ${i + 1} differs in ${(ratio * 100).toFixed(2)}% of its pixels (see ${out}.diff.png)`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
