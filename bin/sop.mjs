#!/usr/bin/env node
// The CLI is TypeScript shared with the apps; tsx runs it without a build step.
import module from 'node:module';
import { register } from 'tsx/esm/api';

// Node 22.1+ keeps compiled code between runs (playwright-core alone takes ~100 ms to compile); older Node skips it.
module.enableCompileCache?.();
register();
const { runCli } = await import('../cli/main.ts');
const code = await runCli(
  process.argv.slice(2),
  { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
  { exitsAfter: true },
);
// Exit at once, once the output is flushed (pipes are asynchronous on some systems): Playwright's
// exit handler kills a browser still open and removes its temporary profile.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit(code);
