/** Entry point of `npm run server:admin`: opens the same database as `npm run server` and runs one command. */
import { createInterface } from 'node:readline';
import { configFromEnv } from '../config';
import { migrate } from '../db/migrate';
import { openDb } from '../db/openDb';
import { createRequestAjv } from '../http/requestSchemas';
import { ADMIN_USAGE, EXIT_USAGE, runAdminCommand } from './adminCli';

const argv = process.argv.slice(2);
if (argv.length === 0 || ['help', '--help', '-h'].includes(argv[0]!)) {
  process.stdout.write(ADMIN_USAGE);
  process.exit(argv.length === 0 ? EXIT_USAGE : 0);
}

const config = configFromEnv();
const db = await openDb(config);
try {
  await migrate(db);
  const code = await runAdminCommand(argv, {
    db,
    ajv: createRequestAjv(),
    now: () => new Date(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readPassword,
  });
  process.exitCode = code;
} finally {
  await db.close();
}

let stdinLines: AsyncIterableIterator<string> | undefined;

/** First line of piped input, or a prompt with the typing hidden (asked twice) on a terminal. */
async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    stdinLines ??= createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
    const next = await stdinLines.next();
    return next.done ? '' : next.value;
  }
  const first = await askHidden(prompt);
  const second = await askHidden('Ulangi / Repeat: ');
  if (first !== second) {
    process.stderr.write('Kedua kata sandi berbeda / The passwords differ.\n');
    process.exit(EXIT_USAGE);
  }
  return first;
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Echo nothing but the prompt while the password is typed.
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    output._writeToOutput = (text: string) => {
      if (text.includes(prompt)) process.stdout.write(prompt);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
