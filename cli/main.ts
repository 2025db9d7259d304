import { parseArgs } from 'node:util';
import { EXIT_USAGE, printable, type CliIo, type Lang } from './io';
import { parseMargins } from './margins';

const usage = `Usage / Pemakaian:
  sop validate <files...> [--json] [--lang id|en] [--publish]
      Check SOP files against the schema and the semantic rules.
      Exit 0: no errors; 1: some file has errors; 2: usage error.
  sop stats [--json] [--lang id|en] <file>
      Steps, lanes, decisions and the computed total Waktu of each flow.
  sop print <file> --out <file.pdf> [--paper a4|f4] [--orientation landscape|portrait]
            [--flow <id>] [--margins top,right,bottom,left] [--lang id|en]
      Print the SOP (identity page and flowchart tables) to PDF with headless Chromium:
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
    case 'print': {
      if (positionals.length !== 1) return usageError(io, 'print: give exactly one SOP file / berikan tepat satu berkas SOP');
      if (!values.out) return usageError(io, 'print: --out <file.pdf> is required / --out <berkas.pdf> wajib');
      if (values.paper !== 'a4' && values.paper !== 'f4') return usageError(io, `--paper must be a4 or f4, not ${JSON.stringify(values.paper)}`);
      if (values.orientation !== 'landscape' && values.orientation !== 'portrait') return usageError(io, `--orientation must be landscape or portrait, not ${JSON.stringify(values.orientation)}`);
      const margins = values.margins === undefined ? undefined : parseMargins(values.margins);
      if (margins === null) return usageError(io, `--margins must be one number or four (top,right,bottom,left) in mm, not ${JSON.stringify(values.margins)}`);
      const { launchChromium } = await import('./chromium');
      const browser = launchChromium();
      browser.catch(() => {}); // reported by the command, which awaits it
      try {
        const { runPrintCommand } = await import('./printCommand');
        return await runPrintCommand(
          { file: positionals[0]!, out: values.out, paper: values.paper, orientation: values.orientation, lang, ...(margins ? { margins } : {}), ...(values.flow ? { flowId: values.flow } : {}) },
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
