/**
 * The sample SOPs read from disk with node:fs, for tests, scripts and the CLI
 * (the browser apps use `./index.ts`, which Vite bundles).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SopDocument } from '../schemas/generated/sop.types';

export { sampleIds, type SampleId } from './sampleIds';

/** Absolute path of this folder. */
export const samplesDir = dirname(fileURLToPath(import.meta.url));

/** File names of the samples on disk (`<id>.sop.json`), sorted. */
export function sampleFiles(dir: string = samplesDir): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.sop.json')).sort();
}

/** One sample by id, parsed but not validated; undefined when there is no such file. */
export function loadSample(id: string, dir: string = samplesDir): SopDocument | undefined {
  if (!/^[a-z0-9][a-z0-9._-]{0,127}$/.test(id)) return undefined;
  try {
    return JSON.parse(readFileSync(join(dir, `${id}.sop.json`), 'utf8')) as SopDocument;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Every sample on disk, sorted by id, parsed but not validated. */
export function loadSamples(dir: string = samplesDir): SopDocument[] {
  return sampleFiles(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SopDocument);
}
