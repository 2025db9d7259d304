/**
 * Builds the print view (ui/print/printEntry.tsx) into one classic script and
 * one stylesheet with Vite, and lists every file that went into them. Used by
 * `npm run gen` (which commits the result beside this file) and, in a checkout
 * whose sources changed since, by `sop print` itself. Vite is a development
 * dependency: a production install never loads this module.
 */
import { relative, sep } from 'node:path';
import { build } from 'vite';
import { ROOT } from './printBundleFiles';

export interface BuiltPrintBundle {
  js: string;
  css: string;
  /** Repository-relative paths of the source files and packages' files bundled, sorted. */
  inputs: string[];
}

/** This file's own path: changing how the bundle is built makes it stale too. */
export const BUILDER = 'cli/print/buildPrintBundle.ts';

export async function buildPrintBundle(): Promise<BuiltPrintBundle> {
  const result = await build({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    // Production React and JSX whatever NODE_ENV the caller runs under (Vitest sets "test"); no
    // React plugin, which would follow NODE_ENV into development JSX.
    mode: 'production',
    oxc: { jsx: { runtime: 'automatic', development: false } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      cssCodeSplit: false,
      lib: { entry: `${ROOT}ui/print/printEntry.tsx`, formats: ['iife'], name: 'sopPrintBundle' },
    },
  });
  let js = '';
  let css = '';
  const inputs = new Set<string>();
  for (const output of Array.isArray(result) ? result : [result]) {
    if (!('output' in output)) continue;
    for (const item of output.output) {
      if (item.type === 'chunk') {
        js += item.code;
        for (const id of item.moduleIds) if (!id.startsWith('\0')) inputs.add(relative(ROOT, id.split('?')[0]!).split(sep).join('/'));
      } else if (item.fileName.endsWith('.css')) {
        css += typeof item.source === 'string' ? item.source : new TextDecoder().decode(item.source);
      }
    }
  }
  if (!js) throw new Error('vite build produced no script for the print view');
  inputs.add(BUILDER);
  return { js, css, inputs: [...inputs].sort() };
}
