// One browser entry of a benchmark, bundled as a single minified IIFE (production React, no code splitting) that a
// bench page loads with one <script>.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `entry` is relative to the repository root; `name` is the IIFE's global. */
export async function bundleBrowserEntry(entry: string, name: string): Promise<string> {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { write: false, minify: true, lib: { entry: `${root}${entry}`, formats: ['iife'], name }, rolldownOptions: { output: { codeSplitting: false } } },
  });
  for (const output of Array.isArray(result) ? result : [result]) {
    if ('output' in output) {
      const chunk = output.output.find((o) => o.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error(`vite build produced no chunk for ${entry}`);
}
