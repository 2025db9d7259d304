import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformContext } from 'vite';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, injectCspMeta } from './csp';

const page = `<!doctype html>
<html lang="id">
  <head>
    <meta charset="UTF-8" />
    <script type="module" src="./assets/index.js"></script>
  </head>
</html>`;

function runHook(html: string, filename: string): string {
  const plugin = contentSecurityPolicy({ root: '/repo', pages: ['index.html', 'designer/index.html'] });
  const hook = plugin.transformIndexHtml;
  if (!hook || typeof hook === 'function') throw new Error('expected an ordered transformIndexHtml hook');
  return hook.handler.call({} as never, html, { filename, path: '/' } as IndexHtmlTransformContext) as string;
}

/**
 * The whole policy, written out: a change to it is a decision, made here in the open.
 * Workers (Monaco's two, the service worker) and the installed apps' manifests come
 * from our own origin only; no `blob:` worker, since Vite starts Monaco's workers from files.
 */
const EXPECTED_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'";

describe('Content-Security-Policy', () => {
  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_POLICY);
  });

  it('forbids eval and inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('is placed after <meta charset> and before the first script', () => {
    const html = injectCspMeta(page);
    const csp = html.indexOf('http-equiv="Content-Security-Policy"');
    expect(csp).toBeGreaterThan(html.indexOf('<meta charset'));
    expect(csp).toBeLessThan(html.indexOf('<script'));
    expect(injectCspMeta(html)).toBe(html);
  });

  it('applies only to production builds of the app pages', () => {
    const plugin = contentSecurityPolicy({ root: '/repo', pages: ['index.html'] });
    expect(plugin.apply).toBe('build');
    expect(runHook(page, '/repo/designer/index.html')).toContain('Content-Security-Policy');
    expect(runHook(page, '/repo/node_modules/storybook/iframe.html')).toBe(page);
  });
});
