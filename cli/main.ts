import { parseArgs } from 'node:util';
import { EXIT_USAGE, type CliIo, type Lang } from './io';
import { runStatsCommand } from './statsCommand';
import { runValidateCommand } from './validateCommand';

const usage = `Usage / Pemakaian:
  sop validate <files...> [--json] [--lang id|en] [--publish]
      Check SOP files against the schema and the semantic rules.
      Exit 0: no errors; 1: some file has errors; 2: usage error.
  sop stats [--json] [--lang id|en] <file>
      Steps, lanes, decisions and the computed total Waktu of each flow.
  sop help
`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
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
    case 'validate':
      return runValidateCommand({ files: positionals, json: values.json, lang, publish: values.publish }, io);
    case 'stats':
      if (values.publish) return usageError(io, 'stats: --publish applies to validate only');
      return runStatsCommand({ files: positionals, json: values.json, lang }, io);
    default:
      return usageError(io, `unknown command / perintah tidak dikenal: ${JSON.stringify(command)}`);
  }
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`sop: ${message}\n\n${usage}`);
  return EXIT_USAGE;
}
