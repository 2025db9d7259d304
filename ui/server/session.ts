/**
 * Signing in to the server and out of it, for both apps. The account is kept
 * in the device database (device/serverSession.ts), so the designer and the
 * runtime of one origin see the same sign-in, as they share its cookie.
 */
import type { LocalizedText } from '../../core/engine';
import { normalizeServerUrl, type Role } from '../../core/sync';
import { forgetSession, saveSession, storedSession, type DeviceDb, type StoredSession } from '../../device';
import { ServerTransport, TransportError, type ServerTransportOptions } from './transport';

export type SignInResult = { ok: true; session: StoredSession } | { ok: false; message: LocalizedText };

export interface SignInInput {
  /** As typed; '' means the page's own origin. */
  serverUrl: string;
  login: string;
  password: string;
}

/** Signs in at the server and keeps who signed in. A refusal (wrong password, server down) keeps the previous state. */
export async function signInToServer(device: DeviceDb, input: SignInInput, options: ServerTransportOptions = {}): Promise<SignInResult> {
  const url = normalizeServerUrl(input.serverUrl);
  if (!url.ok) return url;
  try {
    const info = await new ServerTransport(url.baseUrl, undefined, options).signIn(input.login.trim(), input.password);
    const session: StoredSession = { baseUrl: url.baseUrl, user: info.user, office: info.office, csrfToken: info.csrfToken, signedInAt: Date.now() };
    await saveSession(device, session);
    return { ok: true, session };
  } catch (error) {
    if (error instanceof TransportError) return { ok: false, message: error.localized };
    throw error;
  }
}

/**
 * Signs out: the server ends the session and this device forgets who was
 * signed in. Offline, the local sign-out still happens (the server's session
 * then ends at its idle expiry).
 */
export async function signOutOfServer(device: DeviceDb, options: ServerTransportOptions = {}): Promise<{ reachedServer: boolean }> {
  const session = await storedSession(device);
  let reachedServer = false;
  if (session) {
    try {
      await new ServerTransport(session.baseUrl, session.csrfToken, options).signOut();
      reachedServer = true;
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      // 401: the server had already ended it, which is what signing out asks for.
      reachedServer = error.kind === 'unauthorized';
    }
  }
  await forgetSession(device);
  return { reachedServer };
}

/**
 * Asks the server who is signed in (roles, positions and the CSRF token may
 * have changed) and keeps the answer. A 401 throws and keeps the stored
 * account: the runtime goes on recording its clerk as the person while it
 * asks them to sign in again.
 */
export async function refreshServerSession(device: DeviceDb, transport: ServerTransport): Promise<StoredSession> {
  const info = await transport.me();
  const previous = await storedSession(device);
  const session: StoredSession = { baseUrl: transport.baseUrl, user: info.user, office: info.office, csrfToken: info.csrfToken, signedInAt: previous?.signedInAt ?? Date.now() };
  await saveSession(device, session);
  return session;
}

export function hasRole(session: Pick<StoredSession, 'user'> | null | undefined, role: Role): boolean {
  return session?.user.roles.includes(role) ?? false;
}
