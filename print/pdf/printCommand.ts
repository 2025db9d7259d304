/**
 * `sop print <file.sop.json> --out <file.pdf>`: the prebuilt print view
 * (print/view, prebuilt in cli/generated) rendered by headless Chromium and saved as PDF. Chromium starts
 * and loads the print page while the file is read and checked. The PDF is
 * written to a temporary file beside the target and renamed into place, so a
 * failure never leaves a half-written PDF behind.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import type { NotationPreset } from '../../core/notation/presets';
import type { Margins, Orientation, PaperSize } from '../model/paper';
import { hasErrors, type Diagnostic } from '../../core/validation';
import { ChromiumNotFoundError, launchChromium } from '../../cli/chromium';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, printable, printableLines, type CliIo, type Lang } from '../../cli/io';
import { PdfPrinter } from './pdfPrinter';
import { readSopFile } from '../../cli/readSopFile';

export { PdfPrinter, type PrintTimings } from './pdfPrinter';

export interface PrintCommandOptions {
  file: string;
  out: string;
  paper: PaperSize;
  orientation: Orientation;
  margins?: Partial<Margins>;
  flowId?: string;
  lang: Lang;
  preset?: NotationPreset;
  computedTotal?: boolean;
  tableTitle?: boolean;
}

/**
 * Prints one SOP. `browser` is Chromium already starting, which the caller
 * closes (the CLI launches it before it loads anything else, since it is the
 * slowest part); without it, the command launches and closes its own.
 */
export async function runPrintCommand(options: PrintCommandOptions, io: CliIo, browser?: Promise<Browser>): Promise<number> {
  if (!browser) {
    const own = launchChromium();
    try {
      return await runPrintCommand(options, io, own);
    } finally {
      await own.then((b) => b.close(), () => {});
    }
  }
  const say = (id: string, en: string) => (options.lang === 'en' ? `${en} / ${id}` : `${id} / ${en}`);
  // Failures surface where the printer is awaited; an early return must not leave them unhandled.
  const starting = PdfPrinter.start(browser);
  starting.catch(() => {});
  let temp: string | null = null;
  try {
    const parsed = await readSopFile(options.file);
    if (!parsed.document || hasErrors(parsed.diagnostics)) {
      io.stderr(printable(`sop print: ${say(`${options.file} bukan SOP yang sah, tidak dicetak.`, `${options.file} is not a valid SOP; nothing was printed.`)}`) + '\n');
      for (const d of parsed.diagnostics.filter((x: Diagnostic) => x.severity === 'error')) {
        const [first, second] = options.lang === 'en' ? [d.message.en, d.message.id] : [d.message.id, d.message.en];
        io.stderr(printable(`  ${options.file}#${d.pointer || '/'}  ${d.ruleId}  ${first} / ${second}`) + '\n');
      }
      return EXIT_PROBLEMS;
    }
    const doc = parsed.document;
    if (options.flowId !== undefined && !doc.flows.some((f) => f.id === options.flowId)) {
      const known = doc.flows.map((f) => f.id).join(', ') || '-';
      io.stderr(printable(`sop print: ${say(`tidak ada diagram alir "${options.flowId}" (yang ada: ${known}).`, `no flowchart "${options.flowId}" (there are: ${known}).`)}`) + '\n');
      return EXIT_USAGE;
    }

    const out = resolve(options.out);
    const target = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    // Fail before the slow part when the PDF could not be saved anyway.
    const unwritable = await checkWritable(out, target);
    if (unwritable) {
      io.stderr(printable(`sop print: ${say(`tidak dapat menulis ${options.out}: ${unwritable.id}.`, `cannot write ${options.out}: ${unwritable.en}.`)}`) + '\n');
      return EXIT_PROBLEMS;
    }

    const printer = await starting;
    const { pdf, summary } = await printer.print(doc, {
      paper: options.paper,
      orientation: options.orientation,
      lang: options.lang,
      ...(options.margins ? { margins: options.margins } : {}),
      ...(options.flowId ? { flowId: options.flowId } : {}),
      ...(options.preset ? { preset: options.preset } : {}),
      ...(options.computedTotal ? { computedTotal: true } : {}),
      ...(options.tableTitle ? { tableTitle: true } : {}),
    });
    temp = target;
    await writeFile(temp, pdf);
    await rename(temp, out);
    temp = null;
    io.stdout(printable(`${options.out}: ${say(`${summary.pageCount} halaman`, `${summary.pageCount} pages`)}`) + '\n');
    return EXIT_OK;
  } catch (error) {
    if (temp) await rm(temp, { force: true });
    if (error instanceof ChromiumNotFoundError) {
      io.stderr(printableLines(`sop print: ${error.message}`) + '\n');
      return EXIT_PROBLEMS;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(printableLines(`sop print: ${say('gagal mencetak', 'printing failed')}: ${message}`) + '\n');
    return EXIT_PROBLEMS;
  }
}

async function checkWritable(out: string, temp: string): Promise<{ id: string; en: string } | null> {
  try {
    const info = await stat(out).catch(() => null);
    if (info?.isDirectory()) return { id: 'itu sebuah folder', en: 'it is a folder' };
    const handle = await open(temp, 'wx');
    await handle.close();
    await rm(temp, { force: true });
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { id: 'tidak ada izin menulis', en: 'permission denied' };
    if (code === 'ENOENT') return { id: 'foldernya tidak ada', en: 'the folder does not exist' };
    if (code === 'ENOTDIR') return { id: 'foldernya bukan folder', en: 'a parent is not a folder' };
    return { id: `galat ${code}`, en: `error ${code}` };
  }
}
