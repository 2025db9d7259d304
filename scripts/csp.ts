import { relative, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of every built page. No `unsafe-eval` and no
 * inline scripts: this is why the schema validators are compiled ahead of
 * time instead of by Ajv at run time. Inline styles stay allowed because
 * React Flow and Monaco set element styles. `worker-src 'self'` covers Monaco's
 * bundled workers and the service worker (registered from our own origin);
 * `manifest-src 'self'` the installed apps' manifests.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;

/** Puts the CSP meta tag right after `<meta charset>`, before any script or stylesheet. */
export function injectCspMeta(html: string): string {
  if (html.includes('http-equiv="Content-Security-Policy"')) return html;
  const charset = /<meta\s+charset=[^>]*>/i;
  if (charset.test(html)) return html.replace(charset, (tag) => `${tag}\n    ${CSP_META}`);
  return html.replace(/<head[^>]*>/i, (tag) => `${tag}\n    ${CSP_META}`);
}

/**
 * Adds the CSP to the given HTML pages in production builds only: the dev
 * server injects inline scripts (React Fast Refresh) that the policy would
 * block. Pages are listed explicitly so that other builds sharing this Vite
 * config (Storybook's preview iframe relies on inline scripts) stay untouched.
 */
export function contentSecurityPolicy(options: { root: string; pages: readonly string[] }): Plugin {
  const pages = new Set(options.pages.map((page) => page.split('/').join(sep)));
  return {
    name: 'sop-studio:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        return pages.has(relative(options.root, context.filename)) ? injectCspMeta(html) : html;
      },
    },
  };
}
