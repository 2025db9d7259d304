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
import { PdfPrinter } from '../../cli/printCommand';
import { loadSample } from '../../samples/loadSamples.node';
import { comparePngs } from './printSupport';

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

const cases = ['bwi-spm-online', 'kra-pbi-jk-pbpu', 'lmj-15-pencabutan-kis-pbid'].flatMap((id) =>
  (
    [
      { paper: 'a4', orientation: 'landscape' },
      { paper: 'f4', orientation: 'portrait' },
    ] as const
  ).map((paper) => ({ id, ...paper, name: `${id} ${paper.paper} ${paper.orientation}` })),
);

describe('printed sheets look as before', () => {
  it.each(cases)('$name', async ({ id, paper, orientation }) => {
    const { pngs } = await printer.screenshots(loadSample(id)!, { paper, orientation });
    const problems: string[] = [];
    const expectedPages = (n: number) => join(baselines, `${id}-${paper}-${orientation}-${n}.png`);
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
        const stem = join(diffs, `${id}-${paper}-${orientation}-${i + 1}`);
        writeFileSync(`${stem}.actual.png`, png);
        if (diff.diffPng) writeFileSync(`${stem}.diff.png`, diff.diffPng);
        problems.push(`page ${i + 1} differs in ${(ratio * 100).toFixed(2)}% of its pixels (see ${stem}.diff.png)`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
