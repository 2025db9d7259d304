/**
 * Linking this device to a server and signing in or out. The session cookie
 * is the browser's (HttpOnly); what is kept here is who signed in (so the
 * clerk stays the person on events while offline) and the CSRF token.
 */
import type { LocalizedText } from '../../core/engine';
import type { RuntimeDb } from '../storage/db';
import { serverLink, setServerLink } from '../storage/outbox';
import { LAST_ERROR_KEY, SESSION_KEY, setSyncValue, storedSession, type StoredSession } from './syncStore';
import { SyncTransport, TransportError, type TransportOptions } from './transport';

export type SignInResult = { ok: true; session: StoredSession } | { ok: false; message: LocalizedText };

/**
 * Normalises what was typed as the server address: an http(s) URL without a
 * trailing slash, or '' for the page's own origin. (Under the apps' Content
 * Security Policy, `connect-src 'self'`, only the page's own origin is
 * reachable; serve the apps and the API from one origin.)
 */
export function normalizeServerUrl(text: string): { ok: true; baseUrl: string } | { ok: false; message: LocalizedText } {
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

const OTHER_SERVER_PENDING: LocalizedText = {
  id: 'Masih ada pekerjaan yang belum terkirim ke server yang tertaut. Kirim dahulu (masuk ke server itu), baru tautkan perangkat ke server lain.',
  en: 'Work is still waiting to be sent to the linked server. Send it first (sign in to that server) before linking this device to another one.',
};

/** Links the device to the server at `baseUrl` (when it is not linked elsewhere with work pending) and signs in. */
export async function signIn(db: RuntimeDb, input: { serverUrl: string; login: string; password: string }, options: TransportOptions = {}): Promise<SignInResult> {
  const url = normalizeServerUrl(input.serverUrl);
  if (!url.ok) return url;
  const linked = await serverLink(db);
  if (linked && linked.baseUrl !== url.baseUrl && (await db.outbox.count()) > 0) return { ok: false, message: OTHER_SERVER_PENDING };
  try {
    const info = await new SyncTransport(url.baseUrl, undefined, options).signIn(input.login.trim(), input.password);
    const session: StoredSession = { user: info.user, office: info.office, csrfToken: info.csrfToken, signedInAt: Date.now() };
    await db.transaction('rw', db.syncState, async () => {
      if (!linked || linked.baseUrl !== url.baseUrl) await setServerLink(db, url.baseUrl);
      await setSyncValue(db, SESSION_KEY, session);
      await setSyncValue(db, LAST_ERROR_KEY, undefined);
    });
    return { ok: true, session };
  } catch (error) {
    if (error instanceof TransportError) return { ok: false, message: error.localized };
    throw error;
  }
}

/**
 * Signs out: the server ends the session and this device forgets who was
 * signed in. The device stays linked, so work done afterwards is still
 * queued and sent at the next sign-in. Offline, the local sign-out still
 * happens (the server's session then ends at its idle expiry).
 */
export async function signOut(db: RuntimeDb, options: TransportOptions = {}): Promise<{ reachedServer: boolean }> {
  const [link, session] = await Promise.all([serverLink(db), storedSession(db)]);
  let reachedServer = false;
  if (link && session) {
    try {
      await new SyncTransport(link.baseUrl, session.csrfToken, options).signOut();
      reachedServer = true;
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      reachedServer = error.kind === 'unauthorized';
    }
  }
  await setSyncValue(db, SESSION_KEY, undefined);
  return { reachedServer };
}

/** Asks the server who is signed in (positions may have changed) and keeps the answer; 401 means signed out. */
export async function refreshSession(db: RuntimeDb, transport: SyncTransport): Promise<StoredSession> {
  const info = await transport.me();
  const previous = await storedSession(db);
  const session: StoredSession = { user: info.user, office: info.office, csrfToken: info.csrfToken, signedInAt: previous?.signedInAt ?? Date.now() };
  await setSyncValue(db, SESSION_KEY, session);
  return session;
}
