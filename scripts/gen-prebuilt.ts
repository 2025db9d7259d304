// Builds what `sop` ships prebuilt into cli/generated: the print view that
// `sop print` loads into Chromium, and the command line compiled for plain
// Node. Neither needs Vite or tsx at run time. `--check` fails when a
// committed artifact is older than any file that went into it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildCli, buildPrintView } from '../cli/prebuilt/build';
import { GENERATED_DIR, artifactFiles, changedInputs, manifestFor, readManifest, type ArtifactName } from '../cli/prebuilt/files';

const builders: Record<ArtifactName, typeof buildCli> = { 'print-view': buildPrintView, sop: buildCli };

async function main() {
  const check = process.argv.includes('--check');
  for (const [name, build] of Object.entries(builders) as Array<[ArtifactName, typeof buildCli]>) {
    if (check) {
      const changed = changedInputs(readManifest(GENERATED_DIR, name));
      if (changed?.length === 0) continue;
      console.error(`cli/generated/${name} is stale (${changed ? changed.join(', ') : 'missing'}); run \`npm run gen\`.`);
      process.exitCode = 1;
      continue;
    }
    const built = await build();
    for (const [path, text] of Object.entries(artifactFiles(GENERATED_DIR, name, built.files, manifestFor(built.inputs)))) {
      let current: string | null = null;
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        // a new file
      }
      if (current === text) continue;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      console.log(`wrote ${path}`);
    }
  }
}

await main();
