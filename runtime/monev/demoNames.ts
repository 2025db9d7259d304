/**
 * The names of the monev demo, apart from the generator (demoData.ts), so the
 * app's first screen can tell demo mode without loading the case engine.
 */

/** The demo database: never the clerk's own (RUNTIME_DB_NAME), nor the trial sandbox. */
export const DEMO_DB_NAME = 'sop-studio-runtime-contoh-monev';
/** `?contoh-monev` opens the runtime on the demo database, as `?uji-coba` opens the trial sandbox. */
export const DEMO_PARAM = 'contoh-monev';
/** Meta row saying when and how the demo was filled: a screen can tell demo data apart and say so. */
export const DEMO_META_KEY = 'demoFilledAt';

export function isDemoUrl(search: string): boolean {
  return new URLSearchParams(search).has(DEMO_PARAM);
}
