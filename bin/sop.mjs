#!/usr/bin/env node
// Runs the command line compiled by `npm run gen` (cli/generated/sop.mjs) while it matches its
// TypeScript sources; in a checkout whose sources changed since, runs those with tsx instead.
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs (playwright-core alone takes ~200 ms to compile); on
// older Node, bin/compileCache.mjs keeps playwright-core's.
if (module.enableCompileCache) module.enableCompileCache();
else (await import('./compileCache.mjs')).cachePlaywrightCompilation();

async function loadCli() {
  try {
    const compiled = await import('../cli/generated/sop.mjs');
    if (compiled.changedSources()?.length === 0) return compiled;
  } catch {
    // Missing or unreadable: the sources below still run.
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../cli/entry.ts');
}

const { runCli } = await loadCli();
const code = await runCli(
  process.argv.slice(2),
  { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
  { exitsAfter: true },
);
// Exit at once, once the output is flushed (pipes are asynchronous on some systems): Playwright's
// exit handler kills a browser still open and removes its temporary profile.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit(code);
