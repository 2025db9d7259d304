/**
 * What a drafter or clerk types as the server address, made canonical. Pure,
 * so both apps (and their tests) agree on what "the same server" means.
 */
import type { LocalizedText } from '../engine';

export type NormalizedServerUrl = { ok: true; baseUrl: string } | { ok: false; message: LocalizedText };

/**
 * An http(s) URL without a trailing slash, or '' for the page's own origin.
 * (Under the apps' Content Security Policy, `connect-src 'self'`, only the
 * page's own origin is reachable; serve the apps and the API from one origin.)
 */
export function normalizeServerUrl(text: string): NormalizedServerUrl {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '/') return { ok: true, baseUrl: '' };
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    return { ok: true, baseUrl: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
  } catch {
    return {
      ok: false,
      message: { id: `"${trimmed}" bukan alamat server yang sah (contoh: https://sop.banyuwangikab.go.id).`, en: `"${trimmed}" is not a valid server address (for example https://sop.banyuwangikab.go.id).` },
    };
  }
}
