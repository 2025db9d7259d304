// The device's signing key and the trusted keys, in real Chromium IndexedDB and WebCrypto.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceDb } from './db';
import { deviceKey, exportPublicKey, isTrustedKey, listTrustedKeys, parseTrustInput, shortFingerprint, signText, trustKey, untrustKey, verifyText } from './keys';
import { scratchDeviceDb } from './testing';

const opened: DeviceDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
const fresh = () => {
  const db = scratchDeviceDb('keys');
  opened.push(db);
  return db;
};

describe('device signing key', () => {
  it('is made once, survives reopening, and its private half cannot be exported', async () => {
    const db = fresh();
    const [a, b] = await Promise.all([deviceKey(db), deviceKey(db)]);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(a.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', a.privateKey)).rejects.toThrow();
    db.close();
    const again = new DeviceDb(db.name);
    opened.push(again);
    const reopened = await deviceKey(again);
    expect(reopened.fingerprint).toBe(a.fingerprint);
    const signature = await signText(reopened, 'isi bundel');
    expect(await verifyText(a.publicKey, 'isi bundel', signature)).toBe(true);
    expect(await verifyText(a.publicKey, 'isi bundel lain', signature)).toBe(false);
    expect(await verifyText(a.publicKey, 'isi bundel', 'bukan base64!')).toBe(false);
  });

  it('shows a short fingerprint to read aloud', () => {
    expect(shortFingerprint('3f2a91c05b7ed41088af6c2b9e0d7a51c3e4f5a6b7c8d9e0f1a2b3c4d5e6f708')).toBe('3F2A-91C0-5B7E-D410-88AF');
  });

  it('opens a version 1 device database and keeps its catalogue and profiles', async () => {
    const name = `sop-studio-device-v1-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores({ catalogue: '&key, sopId', profiles: '&id, name', meta: '&key' });
    await old.table('profiles').put({ id: 'p1', name: 'Siti', lanes: [] });
    old.close();
    const db = new DeviceDb(name);
    opened.push(db);
    expect(await db.profiles.get('p1')).toMatchObject({ name: 'Siti' });
    expect(await listTrustedKeys(db)).toEqual([]);
    expect((await deviceKey(db)).fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('trusted keys', () => {
  it('trusts a pasted public key by the fingerprint computed here, lists and removes it', async () => {
    const sender = fresh();
    const receiver = fresh();
    const text = await exportPublicKey(sender, { name: 'Desa Kemiren', office: 'Kantor Desa' });
    const senderKey = await deviceKey(sender);
    // A pasted text cannot claim another fingerprint: it is computed from the key.
    const parsed = await parseTrustInput(text.replace(senderKey.fingerprint, '0'.repeat(64)));
    expect(parsed).toMatchObject({ ok: true, fingerprint: senderKey.fingerprint, name: 'Desa Kemiren', office: 'Kantor Desa' });
    expect(await isTrustedKey(receiver, senderKey.fingerprint)).toBe(false);
    await trustKey(receiver, { fingerprint: senderKey.fingerprint, publicKey: senderKey.publicKey, name: 'Desa Kemiren' }, () => new Date('2025-06-02T01:00:00Z'));
    expect(await isTrustedKey(receiver, senderKey.fingerprint)).toBe(true);
    expect(await listTrustedKeys(receiver)).toMatchObject([{ fingerprint: senderKey.fingerprint, name: 'Desa Kemiren', source: 'manual', addedAt: '2025-06-02T01:00:00.000Z' }]);
    await untrustKey(receiver, senderKey.fingerprint.toUpperCase());
    expect(await isTrustedKey(receiver, senderKey.fingerprint)).toBe(false);
  });

  it('refuses a key that does not match its fingerprint, a nameless owner, and text that is not a key', async () => {
    const db = fresh();
    const key = await deviceKey(fresh());
    await expect(trustKey(db, { fingerprint: 'a'.repeat(64), publicKey: key.publicKey, name: 'X' })).rejects.toMatchObject({ code: 'key.invalid' });
    await expect(trustKey(db, { fingerprint: key.fingerprint, name: '  ' })).rejects.toMatchObject({ code: 'key.invalid' });
    expect(await parseTrustInput('{"format":"lain"}')).toMatchObject({ ok: false });
    expect(await parseTrustInput('3F2A-91C0')).toMatchObject({ ok: false, problem: { en: expect.stringContaining('64 hexadecimal digits') } });
    expect(await parseTrustInput(` ${key.fingerprint.toUpperCase().replace(/(.{4})/g, '$1 ')} `)).toEqual({ ok: true, fingerprint: key.fingerprint });
    expect(await listTrustedKeys(db)).toEqual([]);
  });
});
