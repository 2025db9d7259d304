/**
 * The print view in headless Chromium, saved as PDF. The page is served from
 * a private origin that only this browser context answers (no server, no
 * port), with the same Content-Security-Policy as the built apps: the SOP's
 * text is rendered by React as text, and the page could not run an inline or
 * foreign script even if some text tried.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { injectCspMeta } from '../../scripts/csp';
import type { SopDocument } from '../../schemas/generated/sop.types';
import type { PrintSummary, RenderPrintOptions } from '../model/protocol';
import { launchChromium } from '../../cli/chromium';
import { loadPrintBundle, type PrintBundle } from './printBundle';

/** Where the print page lives: `.invalid` never resolves, so nothing but the route below can answer. */
export const PRINT_ORIGIN = 'https://print.sop-studio.invalid';

/** Where the time of one print goes: opening the print page, laying out the pages, then Chromium writing the PDF. */
export interface PrintTimings {
  /** Waiting for a loaded print page (0 when it was opened ahead, while the caller did other work). */
  pageMs: number;
  renderMs: number;
  pdfMs: number;
  totalMs: number;
}

/** The print page: CSP first, then the stylesheet and the classic script that defines `sopPrint`. */
export function printPageHtml(): string {
  return injectCspMeta(
    [
      '<!doctype html>',
      '<html lang="id">',
      '<head>',
      '<meta charset="utf-8">',
      '<title>SOP</title>',
      '<link rel="stylesheet" href="/print-view.css">',
      '<script src="/print-view.js"></script>',
      '</head>',
      '<body></body>',
      '</html>',
    ].join('\n'),
  );
}

function servePrintPage(bundle: PrintBundle): (route: Route) => Promise<void> {
  const files: Record<string, { contentType: string; body: string }> = {
    '/': { contentType: 'text/html; charset=utf-8', body: printPageHtml() },
    '/print-view.css': { contentType: 'text/css; charset=utf-8', body: `body{margin:0}\n${bundle.css}` },
    '/print-view.js': { contentType: 'text/javascript; charset=utf-8', body: bundle.js },
  };
  return (route) => {
    const file = files[new URL(route.request().url()).pathname];
    return file ? route.fulfill({ status: 200, contentType: file.contentType, body: file.body }) : route.fulfill({ status: 404, body: '' });
  };
}

interface OpenPage {
  page: Page;
  /** Uncaught exceptions and console errors (CSP violations among them) since the page opened. */
  errors: string[];
}

/** One Chromium for many documents: the tests and the benchmark print dozens of PDFs. */
export class PdfPrinter {
  /** The next print's page, already loaded: opened while the caller still reads its document. */
  private nextPage: Promise<OpenPage> | null;

  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    /** The print origin's route, being set up: the first page is created meanwhile, and navigates once it is in place. */
    private readonly routed: Promise<void>,
  ) {
    this.nextPage = this.openPage();
    this.nextPage.catch(() => {}); // a printer closed before its first print never needed the page
  }

  /** Starts with a browser already launching (the CLI launches it first thing), or launches one. */
  static async start(browser?: Promise<Browser>): Promise<PdfPrinter> {
    const [bundle, launched] = await Promise.all([loadPrintBundle(), browser ?? launchChromium()]);
    const context = await launched.newContext({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
    const routed = context.route(`${PRINT_ORIGIN}/**`, servePrintPage(bundle)).then(() => {});
    const printer = new PdfPrinter(launched, context, routed);
    await routed;
    return printer;
  }

  /** Renders one document; resolves with the PDF bytes and what was laid out on which page. */
  async print(doc: SopDocument, options: RenderPrintOptions): Promise<{ pdf: Buffer; summary: PrintSummary; timings: PrintTimings }> {
    const started = performance.now();
    return this.withRendered(doc, options, async (page, summary, opened) => {
      const rendered = performance.now();
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const done = performance.now();
      return { pdf, summary, timings: { pageMs: opened - started, renderMs: rendered - opened, pdfMs: done - rendered, totalMs: done - started } };
    });
  }

  /** One PNG per printed sheet, as the screen shows them (for visual regression tests). */
  async screenshots(doc: SopDocument, options: RenderPrintOptions): Promise<{ pngs: Buffer[]; summary: PrintSummary }> {
    return this.withRendered(doc, options, async (page, summary) => {
      const pngs: Buffer[] = [];
      for (const sheet of await page.locator('.print-page').all()) pngs.push(await sheet.screenshot({ animations: 'disabled' }));
      return { pngs, summary };
    });
  }

  private async openPage(): Promise<OpenPage> {
    const [page] = await Promise.all([this.context.newPage(), this.routed]);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${PRINT_ORIGIN}/`);
    return { page, errors };
  }

  private async withRendered<T>(doc: SopDocument, options: RenderPrintOptions, use: (page: Page, summary: PrintSummary, opened: number) => Promise<T>): Promise<T> {
    const opening = this.nextPage ?? this.openPage();
    this.nextPage = null;
    const { page, errors } = await opening;
    const opened = performance.now();
    try {
      // One round trip: the document goes over as JSON text (cheaper to pass than an object
      // graph), and the sheets' overflow is measured as soon as the pages are laid out.
      const summary = await page.evaluate(
        async ([text, o]) => {
          await document.fonts.ready;
          const sopPrint = (globalThis as unknown as { sopPrint: { render: (doc: unknown, options: unknown) => Promise<PrintSummary> } }).sopPrint;
          const result = await sopPrint.render(JSON.parse(text), o);
          // How far each sheet's content runs past the sheet (0 when nothing is cut off).
          result.overflow = Array.from(document.querySelectorAll<HTMLElement>('.print-page:not(.print-page--overflow)'), (sheet) => {
            const body = sheet.querySelector<HTMLElement>('.print-page__body')!;
            return Math.max(0, body.scrollHeight - body.clientHeight, sheet.scrollHeight - sheet.clientHeight);
          });
          return result;
        },
        [JSON.stringify(doc), options] as const,
      );
      if (errors.length > 0) throw new Error(errors.join('\n'));
      return await use(page, summary, opened);
    } finally {
      await page.close();
    }
  }

  /** The print page, loaded and empty, for tests that check what its CSP allows. */
  async emptyPrintPage(): Promise<Page> {
    return (await this.openPage()).page;
  }

  /** A blank page of the same browser, for tests that decode or compare images. */
  blankPage(): Promise<Page> {
    return this.browser.newPage();
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
