import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { storedSession } from '../../device';
import { signInToServer } from '../../ui/server/session';
import { deviceDbFor } from '../storage/deviceDbFor';
import { serverLink, setServerLink } from '../storage/outbox';
import { scratchDb } from '../storage/testing';
import { adoptLegacySession, sessionForLink } from './session';
import { LEGACY_SESSION_KEY, setSyncValue, syncValue } from './syncStore';
import { PASSWORD, SERVER_URL, twoOfficeServer } from './testing/world';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0)) await clean();
});

function devicePair() {
  const db = scratchDb('shared-session');
  const device = deviceDbFor(db);
  cleanups.push(async () => {
    db.close();
    device.close();
    await Dexie.delete(db.name);
    await Dexie.delete(device.name);
  });
  return { db, device };
}

describe('the account shared with the designer (Chromium IndexedDB)', () => {
  it('an account signed in elsewhere on this origin (the designer) is the runtime’s, for the server it belongs to only', async () => {
    const server = twoOfficeServer();
    const { db, device } = devicePair();
    const signed = await signInToServer(device, { serverUrl: SERVER_URL, login: 'rina', password: PASSWORD }, { fetch: server.fetchFor({}) });
    expect(signed.ok).toBe(true);
    const shared = await storedSession(device);
    expect(sessionForLink(shared, undefined)?.user.login).toBe('rina');
    await setServerLink(db, SERVER_URL);
    expect(sessionForLink(shared, await serverLink(db))?.user.login).toBe('rina');
    await setServerLink(db, 'https://sop.lumajangkab.go.id');
    expect(sessionForLink(shared, await serverLink(db))).toBeUndefined();
  });

  it('adopts once an account kept by the runtime before it was shared, with the linked server’s address', async () => {
    const { db, device } = devicePair();
    await setServerLink(db, SERVER_URL);
    const legacy = {
      user: { id: 'u-rina', login: 'rina', name: 'Rina Operator', officeId: 'desa-kemiren', roles: ['clerk'], positions: [] },
      office: { id: 'desa-kemiren', name: 'Kantor Desa Kemiren', regionCode: '35.10.01.2001', parentId: null },
      csrfToken: 'csrf-lama',
      signedInAt: 1,
    };
    await setSyncValue(db, LEGACY_SESSION_KEY, legacy);
    await adoptLegacySession(db, device);
    expect(await storedSession(device)).toEqual({ ...legacy, baseUrl: SERVER_URL });
    expect(await syncValue(db, LEGACY_SESSION_KEY)).toBeUndefined();
    await adoptLegacySession(db, device);
    expect((await storedSession(device))?.csrfToken).toBe('csrf-lama');
  });
});
