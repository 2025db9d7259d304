/**
 * The print view `sop print` loads into Chromium. It ships prebuilt
 * (cli/print/generated, written by `npm run gen`), so printing needs neither
 * Vite nor a build step, and works from `npm ci --omit=dev`. A checkout whose
 * print sources changed since gets a fresh build instead, made once with Vite
 * and kept in node_modules/.cache until the sources change again; the
 * committed bundle's staleness test then asks for `npm run gen`.
 */
import type { BuiltPrintBundle } from './buildPrintBundle';
import { CACHE_DIR, COMMITTED_DIR, changedInputs, manifestFor, readBundle, readManifest, writeBundle, type PrintBundle } from './printBundleFiles';

export type { PrintBundle } from './printBundleFiles';

export interface PrintBundleSources {
  committedDir: string;
  cacheDir: string;
  /** Vite's build of the print view; rejects with ERR_MODULE_NOT_FOUND where Vite is not installed. */
  build(): Promise<BuiltPrintBundle>;
  warn(line: string): void;
}

const defaultSources: PrintBundleSources = {
  committedDir: COMMITTED_DIR,
  cacheDir: CACHE_DIR,
  build: async () => (await import('./buildPrintBundle')).buildPrintBundle(),
  warn: (line) => process.stderr.write(`${line}\n`),
};

let loading: Promise<PrintBundle> | null = null;

/** The print view as one script and one stylesheet (looked up once per process). */
export function loadPrintBundle(): Promise<PrintBundle> {
  loading ??= findPrintBundle(defaultSources).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** The committed bundle while it matches its sources, else this checkout's cached build, else a new build. */
export async function findPrintBundle(sources: PrintBundleSources): Promise<PrintBundle> {
  const changed = changedInputs(readManifest(sources.committedDir));
  if (changed?.length === 0) return readBundle(sources.committedDir);
  if (changedInputs(readManifest(sources.cacheDir))?.length === 0) return readBundle(sources.cacheDir);
  let built: BuiltPrintBundle;
  try {
    built = await sources.build();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    // A production install has no Vite: print with what shipped, and say it may be behind.
    if (!changed) throw new Error('the prebuilt print view is missing (cli/print/generated); run `npm run gen`', { cause: error });
    const files = changed.slice(0, 3).join(', ') + (changed.length > 3 ? ', …' : '');
    sources.warn(`sop print: the prebuilt print view is older than ${files}; \`npm run gen\` rebuilds it.`);
    return readBundle(sources.committedDir);
  }
  const bundle = { js: built.js, css: built.css };
  try {
    writeBundle(sources.cacheDir, bundle, manifestFor(built.inputs));
  } catch {
    // A read-only checkout still prints; it only builds again next time.
  }
  return bundle;
}
