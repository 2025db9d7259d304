/**
 * Linking the runtime to a server and signing in or out. Signing in itself is
 * shared with the designer (ui/server/session.ts: the account is kept in the
 * device database, as the session cookie is the origin's); what is the
 * runtime's own is the link, which decides whether a clerk's commands are
 * queued for the server, and which must not move to another server while
 * work for the first one is still queued.
 */
import type { LocalizedText } from '../../core/engine';
import { normalizeServerUrl } from '../../core/sync';
import { storedSession as storedDeviceSession, saveSession, type DeviceDb, type StoredSession } from '../../device';
import { signInToServer, signOutOfServer, type SignInInput, type SignInResult } from '../../ui/server/session';
import type { RuntimeDb } from '../storage/db';
import { serverLink, setServerLink } from '../storage/outbox';
import { LAST_ERROR_KEY, LEGACY_SESSION_KEY, setSyncValue, syncValue } from './syncStore';
import type { TransportOptions } from './transport';

export { normalizeServerUrl, type SignInResult };

const OTHER_SERVER_PENDING: LocalizedText = {
  id: 'Masih ada pekerjaan yang belum terkirim ke server yang tertaut. Kirim dahulu (masuk ke server itu), baru tautkan perangkat ke server lain.',
  en: 'Work is still waiting to be sent to the linked server. Send it first (sign in to that server) before linking this device to another one.',
};

/** Links the device to the server at `serverUrl` (when it is not linked elsewhere with work pending) and signs in. */
export async function signIn(db: RuntimeDb, device: DeviceDb, input: SignInInput, options: TransportOptions = {}): Promise<SignInResult> {
  const url = normalizeServerUrl(input.serverUrl);
  if (!url.ok) return url;
  const linked = await serverLink(db);
  if (linked && linked.baseUrl !== url.baseUrl && (await db.outbox.count()) > 0) return { ok: false, message: OTHER_SERVER_PENDING };
  const result = await signInToServer(device, input, options);
  if (!result.ok) return result;
  await db.transaction('rw', db.syncState, async () => {
    if (!linked || linked.baseUrl !== url.baseUrl) await setServerLink(db, url.baseUrl);
    await setSyncValue(db, LAST_ERROR_KEY, undefined);
  });
  return result;
}

/**
 * Signs out (in both apps: they share the cookie). The device stays linked,
 * so work done afterwards is still queued and sent at the next sign-in.
 */
export function signOut(device: DeviceDb, options: TransportOptions = {}): Promise<{ reachedServer: boolean }> {
  return signOutOfServer(device, options);
}

/**
 * The account the runtime acts with: the shared one, when it belongs to the
 * server this device is linked to (or the device is not linked yet).
 */
export function sessionForLink(session: StoredSession | undefined, link: { baseUrl: string } | undefined): StoredSession | undefined {
  return session && (!link || link.baseUrl === session.baseUrl) ? session : undefined;
}

/**
 * Before the account was shared with the designer (schema 3 of the runtime
 * database), the runtime kept it in its own sync table. Moves such an account
 * to the device database once, so an upgrade does not sign the clerk out.
 */
export async function adoptLegacySession(db: RuntimeDb, device: DeviceDb): Promise<void> {
  const legacy = await syncValue<Omit<StoredSession, 'baseUrl'>>(db, LEGACY_SESSION_KEY);
  if (!legacy) return;
  if (!(await storedDeviceSession(device)) && typeof legacy.user?.id === 'string') {
    const link = await serverLink(db);
    await saveSession(device, { ...legacy, baseUrl: link?.baseUrl ?? '' });
  }
  await setSyncValue(db, LEGACY_SESSION_KEY, undefined);
}
