/**
 * Vitest global setup of the `server` project: one throwaway PostgreSQL
 * cluster for the whole run; every test file makes its own database in it.
 * Without PostgreSQL, CI fails with one line saying what to run; a developer's
 * machine runs the server suite on PGlite only and says so.
 */
import type { TestProject } from 'vitest/node';
import { POSTGRES_INSTALL_HINT, findPostgresBinDir, startTestCluster } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the run's PostgreSQL cluster; '' when the suite runs on PGlite only. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const binDir = findPostgresBinDir();
  if (!binDir) {
    if (process.env.CI) throw new Error(POSTGRES_INSTALL_HINT);
    process.stderr.write(`\nWARNING: ${POSTGRES_INSTALL_HINT} Running the server tests on PGlite only.\n\n`);
    project.provide('postgresUrl', '');
    return () => {};
  }
  const cluster = await startTestCluster(binDir);
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
