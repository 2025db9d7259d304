/**
 * The print view `sop print` loads into Chromium. It ships prebuilt
 * (cli/generated/print-view.*, written by `npm run gen`), so printing needs
 * neither Vite nor a build step, and works from `npm ci --omit=dev`. A
 * checkout whose print sources changed since gets a fresh build instead,
 * made once with Vite and kept in node_modules/.cache until the sources change
 * again; the committed artifact's staleness test then asks for `npm run gen`.
 */
import type { Built } from '../../cli/prebuilt/build';
import { CACHE_DIR, GENERATED_DIR, changedInputs, manifestFor, readArtifact, readManifest, writeArtifact } from '../../cli/prebuilt/files';

export interface PrintBundle {
  js: string;
  css: string;
}

export interface PrintBundleSources {
  committedDir: string;
  cacheDir: string;
  /** Vite's build of the print view; rejects with ERR_MODULE_NOT_FOUND where Vite is not installed. */
  build(): Promise<Built>;
  warn(line: string): void;
}

const defaultSources: PrintBundleSources = {
  committedDir: GENERATED_DIR,
  cacheDir: CACHE_DIR,
  build: async () => (await import('../../cli/prebuilt/build')).buildPrintView(),
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

function read(dir: string): PrintBundle {
  const files = readArtifact(dir, ['print-view.js', 'print-view.css']);
  return { js: files['print-view.js']!, css: files['print-view.css']! };
}

/** The committed bundle while it matches its sources, else this checkout's cached build, else a new build. */
export async function findPrintBundle(sources: PrintBundleSources): Promise<PrintBundle> {
  const changed = changedInputs(readManifest(sources.committedDir, 'print-view'));
  if (changed?.length === 0) return read(sources.committedDir);
  if (changedInputs(readManifest(sources.cacheDir, 'print-view'))?.length === 0) return read(sources.cacheDir);
  let built: Built;
  try {
    built = await sources.build();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    // A production install has no Vite: print with what shipped, and say it may be behind.
    if (!changed) throw new Error('the prebuilt print view is missing (cli/generated); run `npm run gen`', { cause: error });
    const files = changed.slice(0, 3).join(', ') + (changed.length > 3 ? ', …' : '');
    sources.warn(`sop print: the prebuilt print view is older than ${files}; \`npm run gen\` rebuilds it.`);
    return read(sources.committedDir);
  }
  try {
    writeArtifact(sources.cacheDir, 'print-view', built.files, manifestFor(built.inputs));
  } catch {
    // A read-only checkout still prints; it only builds again next time.
  }
  return { js: built.files['print-view.js']!, css: built.files['print-view.css']! };
}
