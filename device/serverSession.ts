/**
 * Who is signed in to the server, shared by both apps of this origin. The
 * session cookie itself is the browser's (HttpOnly, one per origin), so a
 * sign-in in the designer is a sign-in in the runtime too; what is kept here
 * is what the apps cannot read from that cookie: the server's address, the
 * account (so the clerk stays the person on events while offline) and the
 * CSRF token. It lives in the device database, which both apps open, and
 * Dexie's live queries tell every open tab of either app when it changes.
 */
import type { Office, User } from '../core/sync';
import type { DeviceDb } from './db';

const SESSION_KEY = 'server.session';

export interface StoredSession {
  /** The server's base URL without a trailing slash ('' for the page's own origin). */
  baseUrl: string;
  user: User;
  office: Office;
  csrfToken: string;
  signedInAt: number;
}

function isStoredSession(value: unknown): value is StoredSession {
  const v = value as Partial<StoredSession> | undefined;
  return typeof v?.baseUrl === 'string' && typeof v.user?.id === 'string' && typeof v.user.name === 'string' && Array.isArray(v.user.roles) && typeof v.csrfToken === 'string';
}

export async function storedSession(device: DeviceDb): Promise<StoredSession | undefined> {
  const value = (await device.meta.get(SESSION_KEY))?.value;
  return isStoredSession(value) ? value : undefined;
}

export async function saveSession(device: DeviceDb, session: StoredSession): Promise<void> {
  await device.meta.put({ key: SESSION_KEY, value: session });
}

export async function forgetSession(device: DeviceDb): Promise<void> {
  await device.meta.delete(SESSION_KEY);
}
