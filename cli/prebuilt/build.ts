/**
 * Builds what `sop` ships prebuilt, with Vite, and lists every file that went
 * in. Used by `npm run gen`, and by a checkout whose print view changed since
 * the committed build. Vite is a development dependency, so it is imported
 * only when a build runs: a production install never gets here.
 */
import { builtinModules } from 'node:module';
import { relative, sep } from 'node:path';
import type { Rolldown } from 'vite';
import { ROOT, type ArtifactFiles } from './files';

export interface Built {
  files: ArtifactFiles;
  /** Repository-relative paths of every source file built in, sorted. */
  inputs: string[];
}

/** This file: changing how the artifacts are built makes them stale too. */
const BUILDER = 'cli/prebuilt/build.ts';

/** The print view (print/view/printEntry.tsx) as one classic script defining `sopPrint`, and one stylesheet. */
export async function buildPrintView(): Promise<Built> {
  const { build } = await import('vite');
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
      lib: { entry: `${ROOT}print/view/printEntry.tsx`, formats: ['iife'], name: 'sopPrintBundle' },
    },
  });
  const { js, css, inputs } = collect(result);
  if (!js) throw new Error('vite build produced no script for the print view');
  return { files: { 'print-view.js': js, 'print-view.css': css }, inputs };
}

/**
 * The command line (cli/entry.ts) as one ES module for plain Node: no tsx and
 * no TypeScript loader at run time. Packages and Node's own modules stay
 * imports (playwright-core is required when printing, Vite only when the
 * print view must be rebuilt).
 */
export async function buildCli(): Promise<Built> {
  const { build } = await import('vite');
  const result = await build({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    build: {
      write: false,
      minify: false,
      target: 'node20',
      ssr: true,
      rolldownOptions: {
        input: `${ROOT}cli/entry.ts`,
        external: (id) => builtinModules.includes(id) || id.startsWith('node:') || !/^[./]|^[A-Za-z]:[\\/]/.test(id),
        output: { format: 'es', codeSplitting: false },
      },
    },
  });
  const { js, inputs } = collect(result);
  if (!js) throw new Error('vite build produced no module for the command line');
  return { files: { 'sop.mjs': js }, inputs };
}

function collect(result: Awaited<ReturnType<typeof import('vite').build>>): { js: string; css: string; inputs: string[] } {
  let js = '';
  let css = '';
  const inputs = new Set<string>([BUILDER]);
  for (const output of (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]) {
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
  return { js, css, inputs: [...inputs].sort() };
}
