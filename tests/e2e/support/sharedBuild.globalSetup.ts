/**
 * Vitest global setup of the `unit` project: a temporary folder where the first end-to-end file that needs the
 * plain production build makes it, once for the whole run (see `sharedBuild.ts`). Nothing is built here, so a run
 * of unit tests alone costs nothing; the folder goes when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's shared production build lives (made on first use); '' outside such a run. */
    sharedBuildDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'sop-shared-build-'));
  project.provide('sharedBuildDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
