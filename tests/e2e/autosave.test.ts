// Autosave keeps every keystroke: the production build, a real reload (or a
// closed tab) 0 to 300 ms after a key press, in the designer's editor and in the
// runtime's step form. Before the write-ahead copy, an edit followed by a reload
// within 250 ms was lost every time in the designer, and step drafts too.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpProfile } from './support/clerk';
import { serveProductionBuild, watchPage, type ServedBuild } from './support/servedBuild';

let app: ServedBuild;

beforeAll(async () => {
  app = await serveProductionBuild('autosave');
}, 180_000);

afterAll(async () => {
  await app?.close();
});

const TITLE = 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine';
const RELOAD_DELAYS_MS = [0, 50, 100, 250];
const RELOADS_PER_DELAY = Number(process.env.AUTOSAVE_RELOADS ?? 20);
const CLOSE_DELAYS_MS = [0, 100, 300];
const CLOSES_PER_DELAY = 5;

interface Trial {
  /** Opens the page on the field (first time and after each reload or reopened tab). */
  open(page: Page): Promise<Locator>;
}

/**
 * Types one new letter at the end of the field, waits `delay` ms, then reloads
 * (or closes the tab and opens a new one) and reads the field back. Returns how
 * many of the keystrokes were missing afterwards.
 */
async function countLost(context: BrowserContext, trial: Trial, delays: number[], perDelay: number, how: 'reload' | 'close') {
  let page = await context.newPage();
  const problems = await watchPage(page);
  let field = await trial.open(page);
  let expected = await field.inputValue();
  const lost: string[] = [];
  let n = 0;
  for (const delay of delays) {
    for (let i = 0; i < perDelay; i++) {
      const letter = String.fromCharCode(97 + (n++ % 26));
      await field.focus();
      // Control+End: the end of the whole text, not of the first wrapped line of a textarea.
      await page.keyboard.press('Control+End');
      await page.keyboard.type(letter);
      expected += letter;
      if (delay > 0) await page.waitForTimeout(delay);
      if (how === 'reload') {
        await page.reload();
      } else {
        await page.close({ runBeforeUnload: false });
        page = await context.newPage();
      }
      field = await trial.open(page).catch((error: Error) => {
        // The console errors and failed loads so far say why a page stayed empty (a script that never came).
        error.message += `\nConsole errors and failed loads of the page so far:\n${problems.join('\n') || '(none)'}`;
        throw error;
      });
      const actual = await field.inputValue();
      if (actual !== expected) {
        lost.push(`${how} after ${delay} ms: expected …${expected.slice(-5)}, got …${actual.slice(-5)}`);
        expected = actual; // go on from what was kept, counting each loss once
      }
    }
  }
  await page.close();
  return { lost, problems };
}

/**
 * Waits for the screen a trial works on. A page that stays blank (no script ran: seen a few times in CI on a
 * loaded two-core machine, in the designer and the runtime alike, never in 900 reloads here) is loaded once
 * more, as a user would, and noted: what this file checks is that the typed text survives, which the second
 * load shows as well. Anything else fails at once with what the page showed instead, since a timeout alone
 * does not tell a slow machine from a wrong screen.
 */
async function waitForScreen(page: Page, ready: Locator): Promise<void> {
  try {
    await ready.waitFor({ timeout: 20_000 });
    return;
  } catch (error) {
    const seen = await whatThePageShows(page);
    if (!seen.blank) throw new Error(`${(error as Error).message}\n${seen.report}`);
    console.warn(`autosave: a blank page, loaded once more:\n${seen.report}`);
    await page.reload();
    await ready.waitFor().catch(async (again: Error) => {
      throw new Error(`${again.message}\nBlank, then after one more load:\n${(await whatThePageShows(page)).report}\nFirst:\n${seen.report}`);
    });
  }
}

/** The page's text and the state of its document: whether the scripts loaded, and who served them. */
async function whatThePageShows(page: Page): Promise<{ blank: boolean; report: string }> {
  const shown = await page.locator('body').innerText().catch(() => '(unreadable)');
  const state = await page
    .evaluate(() => ({
      readyState: document.readyState,
      rootChildren: document.getElementById('root')?.childElementCount ?? -1,
      controlledBy: navigator.serviceWorker?.controller?.state ?? 'no service worker',
      scripts: Array.from(document.querySelectorAll('script[src]'), (s) => s.getAttribute('src')),
      loaded: performance.getEntriesByType('resource').map((e) => `${e.name.replace(location.origin, '')} ${(e as PerformanceResourceTiming).responseStatus}`),
    }))
    .catch((e: Error) => ({ unreadable: e.message, rootChildren: -1 }));
  return {
    blank: shown.trim() === '' && state.rootChildren <= 0,
    report: `Page ${page.url()} showed:\n${shown.slice(0, 2000)}\nDocument: ${JSON.stringify(state)}`,
  };
}

const designer: Trial = {
  async open(page) {
    if (!page.url().includes('/designer/')) await page.goto(app.url('./designer/'));
    // The session reopens the SOP and the Identitas panel after a reload.
    const heading = page.getByRole('heading', { name: new RegExp(`^${TITLE.slice(0, 20).replace(/[()]/g, '\\$&')}`) });
    const library = page.getByRole('button', { name: TITLE, exact: true });
    await waitForScreen(page, heading.or(library).first());
    if (await library.isVisible()) await library.click();
    const field = page.getByLabel('Nama', { exact: true });
    if (!(await field.isVisible())) await page.getByRole('tab', { name: 'Identitas' }).or(page.getByRole('button', { name: 'Identitas' })).first().click();
    await field.waitFor();
    return field;
  },
};

// One test at a time: run beside the runtime's test, the designer's reloads failed in CI (a loaded two-core
// machine), where one after the other they never had.
describe('autosave in the built designer', () => {
  it(`loses no keystroke when the page reloads ${RELOAD_DELAYS_MS.join(', ')} ms after it (${RELOADS_PER_DELAY} times each)`, async () => {
    const context = await app.browser.newContext();
    const { lost, problems } = await countLost(context, designer, RELOAD_DELAYS_MS, RELOADS_PER_DELAY, 'reload');
    await context.close();
    expect(lost).toEqual([]);
    expect(problems).toEqual([]);
  }, 600_000);

  it(`loses no keystroke when the tab is closed ${CLOSE_DELAYS_MS.join(', ')} ms after it and opened again`, async () => {
    const context = await app.browser.newContext();
    const { lost } = await countLost(context, designer, CLOSE_DELAYS_MS, CLOSES_PER_DELAY, 'close');
    await context.close();
    expect(lost).toEqual([]);
  }, 300_000);
});

describe('autosave of step drafts in the built runtime', () => {
  const runtimeUrl = () => app.url('./runtime/');
  let caseUrl = '';

  async function startCase(context: BrowserContext): Promise<void> {
    const page = await context.newPage();
    await page.goto(runtimeUrl());
    await setUpProfile(page, runtimeUrl(), { name: 'Rina Operator' });
    await page.getByRole('link', { name: 'Katalog SOP' }).click();
    await page.getByRole('link', { name: `Mulai kasus: ${TITLE}` }).click();
    await page.getByLabel('Nama pemohon').fill('Budi Santoso');
    await page.getByLabel('NIK pemohon').fill('3510011205850001');
    await page.getByRole('button', { name: 'Mulai kasus' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kasus Budi Santoso' }).waitFor();
    caseUrl = page.url();
    await page.close();
  }

  const stepForm: Trial = {
    async open(page) {
      if (page.url() !== caseUrl) await page.goto(caseUrl);
      await waitForScreen(page, page.getByRole('heading', { level: 3, name: 'Langkah 1' }));
      const field = page.getByLabel('Catatan');
      await field.waitFor();
      return field;
    },
  };

  it(`loses no keystroke of a step draft when the page reloads ${RELOAD_DELAYS_MS.join(', ')} ms after it (${RELOADS_PER_DELAY} times each)`, async () => {
    const context = await app.browser.newContext();
    await startCase(context);
    const { lost, problems } = await countLost(context, stepForm, RELOAD_DELAYS_MS, RELOADS_PER_DELAY, 'reload');
    expect(lost).toEqual([]);
    expect(problems).toEqual([]);
    const closed = await countLost(context, stepForm, CLOSE_DELAYS_MS, CLOSES_PER_DELAY, 'close');
    expect(closed.lost).toEqual([]);
    await context.close();
  }, 600_000);
});
