/**
 * What bin/sop.mjs runs, compiled to cli/generated/sop.mjs by `npm run gen`
 * so that plain Node runs the command line without tsx (about 0.2 s sooner
 * on every command). The compiled module is used only while it is fresh.
 */
import { GENERATED_DIR, changedInputs, readManifest } from './prebuilt/files';

export { runCli, type CliLifecycle } from './main';

/** Sources changed since cli/generated/sop.mjs was built, or null when it is missing; bin/sop.mjs then runs the TypeScript. */
export function changedSources(): string[] | null {
  return changedInputs(readManifest(GENERATED_DIR, 'sop'));
}
