// Builds the print view that `sop print` loads (cli/print/generated), so
// printing needs no Vite at run time. `--check` fails when the committed
// bundle is older than any file that went into it.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildPrintBundle } from '../cli/print/buildPrintBundle';
import { COMMITTED_DIR, bundleFiles, changedInputs, manifestFor, readManifest } from '../cli/print/printBundleFiles';

async function main() {
  if (process.argv.includes('--check')) {
    const changed = changedInputs(readManifest(COMMITTED_DIR));
    if (changed?.length === 0) return;
    console.error(`cli/print/generated is stale (${changed ? changed.join(', ') : 'missing'}); run \`npm run gen\`.`);
    process.exitCode = 1;
    return;
  }
  const built = await buildPrintBundle();
  for (const [path, text] of Object.entries(bundleFiles(COMMITTED_DIR, built, manifestFor(built.inputs)))) {
    let current: string | null = null;
    try { current = readFileSync(path, 'utf8'); } catch { /* new file */ }
    if (current === text) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}

await main();
