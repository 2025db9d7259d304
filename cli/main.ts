import { parseArgs } from 'node:util';
import { EXIT_USAGE, printable, type CliIo, type Lang } from './io';
import { isNotationPreset } from '../core/notation/presets';
import { parseOrientation, parsePaperSize } from '../print/model/paper';
import { parseMargins } from './margins';

const usage = `Usage / Pemakaian:
  sop validate <files...> [--json] [--lang id|en] [--publish]
      Check SOP files against the schema and the semantic rules.
      Exit 0: no errors; 1: some file has errors; 2: usage error.
  sop migrate <files...> [--out <folder>] [--json] [--lang id|en]
      Write SOP files of an earlier schema version in the current one (in place, or into
      the folder), and say per file what changed. Invalid files are refused, unchanged.
      Exit 0: every file upgraded or already current; 1: some file refused; 2: usage error.
  sop stats [--json] [--lang id|en] <file>
      Steps, lanes, decisions and the computed total Waktu of each flow.
  sop print <file> --out <file.pdf> [--paper a4|f4|letter|legal] [--orientation landscape|portrait]
            [--style standar|hitam-putih] [--flow <id>] [--margins top,right,bottom,left] [--lang id|en]
            [--computed-total] [--table-title]
      Print the SOP (identity page and flowchart tables) to PDF with headless Chromium.
      Paper, orientation and style may be written in any case (A4, Legal). --style hitam-putih
      prints black outlines for photocopies. Nothing the SOP does not state is added unless asked:
      --computed-total adds the computed Jumlah Waktu row where the SOP states no total,
      --table-title the SOP's title above a table without a heading of its own. The browser is
      CHROMIUM_PATH if set, else the first of /usr/bin/chromium, chromium-browser,
      Google Chrome and Playwright's Chromium that is installed.
  sop help
`;

export interface CliLifecycle {
  /**
   * The process exits as soon as `runCli` resolves (bin/sop.mjs). A browser
   * left open is then killed, and its temporary profile removed, by
   * Playwright's exit handler: sooner than closing it politely, which takes
   * 0.1 s or more. In process (tests) every browser is closed before return.
   */
  exitsAfter?: boolean;
}

export async function runCli(argv: string[], io: CliIo, lifecycle: CliLifecycle = {}): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(usage);
    return command === undefined ? EXIT_USAGE : 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'id' },
        publish: { type: 'boolean', default: false },
        out: { type: 'string' },
        paper: { type: 'string', default: 'a4' },
        orientation: { type: 'string', default: 'landscape' },
        flow: { type: 'string' },
        margins: { type: 'string' },
        style: { type: 'string', default: 'standar' },
        'computed-total': { type: 'boolean', default: false },
        'table-title': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.lang !== 'id' && values.lang !== 'en') return usageError(io, `--lang must be id or en, not ${JSON.stringify(values.lang)}`);
  const lang: Lang = values.lang;
  if (positionals.length === 0) return usageError(io, `${command}: no file given / belum ada berkas`);

  switch (command) {
    // Each command loads only what it needs: validate and stats never load Playwright, and print
    // starts Chromium, its slowest part, before it loads the modules that read and check the file.
    case 'validate': {
      const { runValidateCommand } = await import('./validateCommand');
      return runValidateCommand({ files: positionals, json: values.json, lang, publish: values.publish }, io);
    }
    case 'stats': {
      if (values.publish) return usageError(io, 'stats: --publish applies to validate only');
      const { runStatsCommand } = await import('./statsCommand');
      return runStatsCommand({ files: positionals, json: values.json, lang }, io);
    }
    case 'migrate': {
      if (values.publish) return usageError(io, 'migrate: --publish applies to validate only');
      const { runMigrateCommand } = await import('./migrateCommand');
      return runMigrateCommand({ files: positionals, json: values.json, lang, ...(values.out !== undefined ? { out: values.out } : {}) }, io);
    }
    case 'print': {
      if (positionals.length !== 1) return usageError(io, 'print: give exactly one SOP file / berikan tepat satu berkas SOP');
      if (!values.out) return usageError(io, 'print: --out <file.pdf> is required / --out <berkas.pdf> wajib');
      const paper = parsePaperSize(values.paper);
      if (!paper) return usageError(io, `--paper must be a4, f4, letter or legal, not ${JSON.stringify(values.paper)}`);
      const orientation = parseOrientation(values.orientation);
      if (!orientation) return usageError(io, `--orientation must be landscape or portrait, not ${JSON.stringify(values.orientation)}`);
      const style = values.style.trim().toLowerCase();
      if (!isNotationPreset(style)) return usageError(io, `--style must be standar or hitam-putih, not ${JSON.stringify(values.style)}`);
      const margins = values.margins === undefined ? undefined : parseMargins(values.margins);
      if (margins === null) return usageError(io, `--margins must be one number or four (top,right,bottom,left) in mm, not ${JSON.stringify(values.margins)}`);
      const { launchChromium } = await import('./chromium');
      const browser = launchChromium();
      browser.catch(() => {}); // reported by the command, which awaits it
      try {
        const { runPrintCommand } = await import('../print/pdf/printCommand');
        return await runPrintCommand(
          {
            file: positionals[0]!,
            out: values.out,
            paper,
            orientation,
            lang,
            preset: style,
            computedTotal: values['computed-total'],
            tableTitle: values['table-title'],
            ...(margins ? { margins } : {}),
            ...(values.flow ? { flowId: values.flow } : {}),
          },
          io,
          browser,
        );
      } finally {
        if (!lifecycle.exitsAfter) await browser.then((b) => b.close(), () => {});
      }
    }
    default:
      return usageError(io, `unknown command / perintah tidak dikenal: ${JSON.stringify(command)}`);
  }
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`sop: ${printable(message)}\n\n${usage}`);
  return EXIT_USAGE;
}
