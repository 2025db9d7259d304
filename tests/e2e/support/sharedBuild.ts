/**
 * One production build for every end-to-end file of a test run that uses the plain build. The files run in
 * separate worker processes, so they agree through the file system: the first to create the lock folder builds,
 * the others wait for its result file. A build takes 30 to 60 s on a loaded two-core machine; a dozen files
 * each building their own was a tenth of the suite's time.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

interface BuildResult {
  outDir?: string;
  error?: string;
}

/** Longer than any build, shorter than forever when the building worker died without a word. */
const WAIT_LIMIT_MS = 10 * 60_000;

/**
 * The build in `runDir` made by `build` (called at most once per folder, whichever worker comes first).
 * A failed build fails every file that waited for it, with the builder's message.
 */
export async function sharedBuild(runDir: string, build: (outDir: string) => Promise<void>): Promise<string> {
  const resultFile = join(runDir, 'result.json');
  let builder = false;
  try {
    mkdirSync(join(runDir, 'lock'));
    builder = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (builder) {
    const outDir = join(runDir, 'dist');
    let result: BuildResult;
    try {
      await build(outDir);
      result = { outDir };
    } catch (error) {
      result = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    // Renamed into place: a waiting worker never reads half a result.
    writeFileSync(`${resultFile}.tmp`, JSON.stringify(result));
    renameSync(`${resultFile}.tmp`, resultFile);
  }
  const started = Date.now();
  while (!existsSync(resultFile)) {
    if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`the shared production build in ${runDir} did not finish within ${WAIT_LIMIT_MS / 60_000} min`);
    await sleep(250);
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as BuildResult;
  if (result.error !== undefined) throw new Error(`the shared production build failed:\n${result.error}`);
  return result.outDir!;
}
