/**
 * The sample SOPs (our transcriptions of the seed SOPs), for the browser apps:
 * they seed IndexedDB from `loadSamples()`. The JSON files are bundled by Vite
 * (`import.meta.glob`, eager), so this module needs Vite or Vitest; Node code
 * (CLI, scripts) uses `./loadSamples.node.ts` instead.
 */
import type { SopDocument } from '../schemas/generated/sop.types';
import { sampleIds, type SampleId } from './sampleIds';

export { sampleIds, type SampleId };

let cache: ReadonlyMap<string, SopDocument> | undefined;

function byId(): ReadonlyMap<string, SopDocument> {
  if (cache === undefined) {
    // Vite rewrites this call into static imports of every matching file.
    const modules = import.meta.glob<SopDocument>('./*.sop.json', { eager: true, import: 'default' });
    const map = new Map<string, SopDocument>();
    for (const [path, doc] of Object.entries(modules)) {
      map.set(path.replace(/^\.\//, '').replace(/\.sop\.json$/, ''), doc);
    }
    cache = map;
  }
  return cache;
}

/** Every sample, in `sampleIds` order. The objects are shared: clone before editing. */
export function loadSamples(): SopDocument[] {
  const map = byId();
  return sampleIds.map((id) => {
    const doc = map.get(id);
    if (!doc) throw new Error(`Sample ${id} is listed in sampleIds.ts but samples/${id}.sop.json was not bundled`);
    return doc;
  });
}

/** One sample by id, or undefined. */
export function loadSample(id: string): SopDocument | undefined {
  return byId().get(id);
}
