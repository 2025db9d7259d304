/**
 * Serves the built browser apps (`npm run build` → dist/) from the API's own
 * origin: the apps' Content-Security-Policy allows connections to 'self' only,
 * so the runtime can reach /api/v1 only when both come from one server.
 *
 * The layout is the build's: /index.html (start page), /designer/, /runtime/,
 * /print/, hashed files under /assets/, and the service worker at the root.
 * Every response carries the same CSP the pages hold in their meta tag, as a
 * header (which also covers files a meta tag cannot, like the worker).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { CONTENT_SECURITY_POLICY } from '../../scripts/csp';
import { API_PREFIX } from '../../core/sync/protocol';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The app folders of the build; an unknown path without an extension under one of them is that app's page. */
const APP_FOLDERS = ['designer', 'runtime', 'print'];

export function hasBuiltApps(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

export function serveBuiltApps(app: FastifyInstance, rootDir: string): void {
  const root = normalize(rootDir).replace(/[\\/]+$/, '');

  const resolve = (urlPath: string): string | undefined => {
    let path: string;
    try {
      path = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    if (path.includes('\0')) return undefined;
    const file = normalize(join(root, path));
    // Never outside the build folder, whatever the path says ("..", encoded or not).
    if (file !== root && !file.startsWith(root + sep)) return undefined;
    try {
      const stat = statSync(file);
      if (stat.isDirectory()) {
        const index = join(file, 'index.html');
        return existsSync(index) ? index : undefined;
      }
      return stat.isFile() ? file : undefined;
    } catch {
      const folder = path.split('/').filter(Boolean)[0];
      if (folder && APP_FOLDERS.includes(folder) && extname(path) === '') return join(root, folder, 'index.html');
      return undefined;
    }
  };

  app.get('/*', async (request, reply) => {
    const url = request.url.split('?')[0]!;
    if (url === API_PREFIX || url.startsWith(`${API_PREFIX}/`)) return reply.callNotFound();
    // Relative asset URLs need the trailing slash: /runtime → /runtime/.
    const folder = url.replace(/^\/+|\/+$/g, '');
    if (APP_FOLDERS.includes(folder) && !url.endsWith('/')) return reply.redirect(`/${folder}/`, 301);
    const file = resolve(url);
    if (!file) return reply.callNotFound();
    const hashed = file.startsWith(join(root, 'assets') + sep);
    return reply
      .header('content-type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      // Hashed assets never change; pages and the service worker are revalidated so an update is seen.
      .header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(createReadStream(file));
  });
}
