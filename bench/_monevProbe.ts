// Temporary probe (not committed): where the time to the first monev chart goes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../cli/chromium';
import { bundleBrowserEntry } from './bundleBrowserEntry';
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, normalize } from 'node:path';
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = process.env.PROBE_DIST ?? mkdtempSync(join(tmpdir(), 'probe-'));
if (!process.env.PROBE_DIST) { process.env.NODE_ENV = 'production'; await build({ root, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } }); console.log('built', outDir); }
const seedCode = await bundleBrowserEntry('runtime/bench/monevBenchSeed.ts', 'monevBenchSeed');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.ttf': 'font/ttf' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/bench-seed.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(seedCode); return; }
  if (path === '/bench-seed.html') { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<!doctype html><script src="/bench-seed.js"></script>'); return; }
  let file = normalize(join(outDir, path));
  try { if (statSync(file).isDirectory()) file = join(file, 'index.html'); res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }); res.end(readFileSync(file)); } catch { res.writeHead(404).end(); }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as any).port;
const profile = mkdtempSync(join(tmpdir(), 'probe-profile-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true, serviceWorkers: 'block' });
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(0);
await page.goto(`http://127.0.0.1:${port}/bench-seed.html`);
await page.evaluate((n) => (globalThis as any).monevBench.seed(n, 6), Number(process.env.PROBE_CASES ?? 2000));
await page.addInitScript(() => {
  const marks: [string, number][] = [];
  (window as any).__marks = marks;
  const seen = new Set<string>();
  new MutationObserver(() => {
    for (const [name, sel] of [['shell', '#root *'], ['status', '[role=status]'], ['page', '.mv-page'], ['grid', '.mv-grid'], ['svg', '.mv-grid svg']] as const) {
      if (!seen.has(name) && document.querySelector(sel)) { seen.add(name); marks.push([name, performance.now()]); }
    }
  }).observe(document, { subtree: true, childList: true });
});
for (let i = 0; i < 3; i++) {
  await page.goto('about:blank');
  await page.goto(`http://127.0.0.1:${port}/runtime/?contoh-monev#/monev/bwi-spm-online`);
  await page.waitForSelector('.mv-grid svg');
  await page.waitForTimeout(500);
  const info = await page.evaluate(() => ({ marks: (window as any).__marks, res: performance.getEntriesByType('resource').map((r: any) => [r.name.split('/').pop(), Math.round(r.startTime), Math.round(r.responseEnd), r.transferSize]), nav: performance.getEntriesByType('navigation').map((n: any) => [Math.round(n.domContentLoadedEventEnd), Math.round(n.loadEventEnd)]) }));
  console.log(JSON.stringify(info.marks.map(([n, t]: any) => `${n}@${Math.round(t)}`)), 'nav', JSON.stringify(info.nav));
  if (i === 0) console.log(info.res.map((r: any) => r.join(' ')).join('\n'));
}
await context.close(); server.close();
