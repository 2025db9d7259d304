/**
 * The order in which Vitest starts test files: the longest first, so that the last minutes of a run are not one
 * long file running alone while the other worker idles. Vitest's own order knows the durations only from an
 * earlier run on the same machine (node_modules/.vite), which a clean CI clone never has; without them it starts
 * all files of one project before the next, larger files first, so a four-minute end-to-end file could start
 * late. Without durations this order guesses from what the files are: the end-to-end files (each builds or
 * drives the production app in Chromium) first, then the server's (a database each), then the rest; larger
 * files first within each. With durations it keeps Vitest's order (failed first, then longer first).
 */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Lower starts earlier, when no duration is known. */
function kindRank(file: string): number {
  if (file.startsWith('tests/e2e/')) return 0;
  if (file.startsWith('server/')) return 1;
  return 2;
}

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const cache = this.ctx.cache;
    const facts = new Map(
      files.map((spec) => {
        const file = relative(root, spec.moduleId);
        const key = `${spec.project.name}:${file}`;
        return [spec, { file, results: cache.getFileTestResults(key), size: statSync(spec.moduleId, { throwIfNoEntry: false })?.size ?? 0 }] as const;
      }),
    );
    return [...files].sort((a, b) => {
      const groupOrder = a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder;
      if (groupOrder !== 0) return groupOrder;
      const fa = facts.get(a)!;
      const fb = facts.get(b)!;
      if (fa.results && fb.results) {
        if (fa.results.failed !== fb.results.failed) return fa.results.failed ? -1 : 1;
        return fb.results.duration - fa.results.duration;
      }
      // A file never run here (new, or a clean clone) goes first, as in Vitest's order: it may be long.
      if (fa.results || fb.results) return fa.results ? 1 : -1;
      return kindRank(fa.file) - kindRank(fb.file) || fb.size - fa.size;
    });
  }
}
