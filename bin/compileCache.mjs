// V8's compiled code for playwright-core, kept between runs of `sop` on a Node that cannot keep it
// itself (module.enableCompileCache arrived in Node 22.1). playwright-core is two bundles of about
// 7 MB that Node 20 compiles again on every `sop print`: ~200 ms of its ~400 ms load. With the code
// V8 compiled last time (functions compiled lazily included, since it is taken at exit) it loads in
// about half the time. V8 checks the cache against the source and its own version and flags, and
// ignores one that does not match; then it is written again.
import module from 'node:module';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** The bundles worth it: playwright-core's two large ones (every other file is small). */
const CACHED = /[\\/]playwright-core[\\/]lib[\\/](?:coreBundle|utilsBundle)\.js$/;

/**
 * Beside the installed packages, as other tools keep their caches, and owned by whoever installed
 * them (a shared temporary folder would let another user hand us compiled code).
 */
const CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/sop-compile-cache/', import.meta.url));

export function cachePlaywrightCompilation() {
  const Module = module.Module ?? module;
  const compile = Module.prototype._compile;
  if (typeof compile !== 'function' || typeof Module.wrap !== 'function') return;
  const toWrite = [];
  Module.prototype._compile = function (content, filename, ...rest) {
    if (typeof content !== 'string' || typeof filename !== 'string' || !CACHED.test(filename)) return compile.call(this, content, filename, ...rest);
    let file;
    let cachedData;
    try {
      const { size, mtimeMs } = statSync(filename);
      const key = createHash('sha256').update(`${filename}\0${size}\0${mtimeMs}\0${process.version}\0${process.arch}`).digest('hex').slice(0, 24);
      file = join(CACHE_DIR, `${basename(filename, '.js')}-${key}.bin`);
      cachedData = readFileSync(file);
    } catch {
      // No cache yet (or no way to name one): compiled from source, and cached at exit.
    }
    const script = new Script(Module.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
    const wrapper = script.runInThisContext({ displayErrors: true });
    const result = wrapper.call(this.exports, this.exports, module.createRequire(filename), this, filename, dirname(filename));
    if (file && (!cachedData || script.cachedDataRejected)) toWrite.push({ file, script });
    return result;
  };
  process.once('exit', () => {
    for (const { file, script } of toWrite) {
      try {
        mkdirSync(CACHE_DIR, { recursive: true });
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, file); // whole or not at all, when two runs write at once
      } catch {
        // A read-only install: compiled from source every time, as before.
      }
    }
  });
}
