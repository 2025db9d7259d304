/**
 * Signing keys. Each device makes one ECDSA P-256 key pair the first time it
 * signs (WebCrypto; the private key is non-extractable and lives in this
 * database). An office trusts other devices' public keys by fingerprint:
 * typed in from a key export, or taken from a bundle after comparing the
 * fingerprint with the sender. `source: 'server'` is the seam for keys a
 * server distributes later (an office key pair then signs instead of, or as
 * well as, each device).
 *
 * ECDSA P-256 rather than Ed25519: every Chromium that runs SOP Studio has
 * it, while Ed25519 in WebCrypto only arrived in Chromium 137.
 */
import { canonicalJson, toHex, type LocalizedText } from '../core/engine';
import { DEVICE_SCHEMA_VERSION, type DeviceDb, type DeviceKeyRow, type TrustedKeyRow, type TrustedKeySource } from './db';
import { DeviceStorageError, toDeviceError } from './errors';

export const SIGNATURE_ALGORITHM = 'ECDSA-P256-SHA256';
const KEY_PARAMS: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGN_PARAMS: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

export const PUBLIC_KEY_FORMAT = 'sop-studio.public-key';

/** The public half as it travels: what an office pastes to trust another device. */
export interface PublicKeyExport {
  format: typeof PUBLIC_KEY_FORMAT;
  version: 1;
  fingerprint: string;
  publicKey: JsonWebKey;
  name?: string;
  office?: string;
  deviceCode?: string;
}

/** Only the members that define an EC public key, so the fingerprint never depends on `ext` or `key_ops`. */
function publicJwkOf(jwk: JsonWebKey): JsonWebKey {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
}

export function isPublicJwk(value: unknown): value is JsonWebKey {
  const jwk = value as JsonWebKey | null;
  return (
    !!jwk &&
    typeof jwk === 'object' &&
    jwk.kty === 'EC' &&
    jwk.crv === 'P-256' &&
    typeof jwk.x === 'string' &&
    typeof jwk.y === 'string' &&
    /^[A-Za-z0-9_-]{43}$/.test(jwk.x) &&
    /^[A-Za-z0-9_-]{43}$/.test(jwk.y)
  );
}

/** SHA-256 (64 hex digits) of the canonical public JWK. */
export async function fingerprintOf(jwk: JsonWebKey): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(publicJwkOf(jwk)));
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/** "3F2A-91C0-5B7E-D410-88AF": the first 80 bits, grouped to be read aloud over the phone. */
export function shortFingerprint(fingerprint: string): string {
  return (fingerprint.slice(0, 20).toUpperCase().match(/.{1,4}/g) ?? []).join('-');
}

/** Accepts a fingerprint as typed: any case, with spaces or dashes. */
export function normalizeFingerprint(text: string): string {
  return text.replace(/[\s-]/g, '').toLowerCase();
}

/** This device's key pair, made (once, in a transaction, so two tabs never make two) when first needed. */
export async function deviceKey(db: DeviceDb, now: () => Date = () => new Date()): Promise<DeviceKeyRow> {
  const existing = await db.keys.get('device');
  if (isSoundKey(existing)) return existing;
  // Generated outside the transaction (WebCrypto is asynchronous and would let an IndexedDB transaction close).
  const pair = (await crypto.subtle.generateKey(KEY_PARAMS, false, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = publicJwkOf(await crypto.subtle.exportKey('jwk', pair.publicKey));
  const row: DeviceKeyRow = { id: 'device', algorithm: 'ECDSA-P256', privateKey: pair.privateKey, publicKey, fingerprint: await fingerprintOf(publicKey), createdAt: now().toISOString() };
  try {
    return await db.transaction('rw', db.keys, async () => {
      const raced = await db.keys.get('device');
      if (isSoundKey(raced)) return raced;
      // A damaged row (no usable private key) cannot sign anything: a new key pair replaces it.
      await db.keys.put(row);
      return row;
    });
  } catch (error) {
    throw toDeviceError(error);
  }
}

function isSoundKey(row: DeviceKeyRow | undefined): row is DeviceKeyRow {
  return !!row && row.privateKey instanceof CryptoKey && isPublicJwk(row.publicKey) && typeof row.fingerprint === 'string' && /^[0-9a-f]{64}$/.test(row.fingerprint);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Signs text with this device's private key; the signature is IEEE P1363 (r‖s), base64. */
export async function signText(key: DeviceKeyRow, text: string): Promise<string> {
  const signature = await crypto.subtle.sign(SIGN_PARAMS, key.privateKey, new TextEncoder().encode(text));
  return toBase64(new Uint8Array(signature));
}

/** Whether `signature` over `text` was made with the private half of `publicKey`. Never throws. */
export async function verifyText(publicKey: JsonWebKey, text: string, signature: string): Promise<boolean> {
  const bytes = typeof signature === 'string' ? fromBase64(signature) : undefined;
  if (!bytes || !isPublicJwk(publicKey)) return false;
  try {
    const key = await crypto.subtle.importKey('jwk', publicJwkOf(publicKey), KEY_PARAMS, false, ['verify']);
    return await crypto.subtle.verify(SIGN_PARAMS, key, bytes as BufferSource, new TextEncoder().encode(text));
  } catch {
    return false;
  }
}

/** The text another office pastes to trust this device. */
export async function exportPublicKey(db: DeviceDb, about: { name?: string; office?: string; deviceCode?: string } = {}): Promise<string> {
  const key = await deviceKey(db);
  const exported: PublicKeyExport = { format: PUBLIC_KEY_FORMAT, version: 1, fingerprint: key.fingerprint, publicKey: key.publicKey, ...definedOnly(about) };
  return JSON.stringify(exported);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as Partial<T>;
}

export type ParsedTrustInput = { ok: true; fingerprint: string; publicKey?: JsonWebKey; name?: string; office?: string; deviceCode?: string } | { ok: false; problem: LocalizedText };

/**
 * Reads what was pasted to trust a key: a public key export (its fingerprint
 * is computed here, never taken from the text) or a full 64-digit fingerprint.
 */
export async function parseTrustInput(text: string): Promise<ParsedTrustInput> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let value: Partial<PublicKeyExport>;
    try {
      value = JSON.parse(trimmed) as Partial<PublicKeyExport>;
    } catch {
      return { ok: false, problem: { id: 'Teks kunci publik tidak utuh (bukan JSON yang sah).', en: 'The public key text is incomplete (not valid JSON).' } };
    }
    if (value?.format !== PUBLIC_KEY_FORMAT || !isPublicJwk(value.publicKey)) {
      return { ok: false, problem: { id: 'Teks ini bukan kunci publik SOP Studio.', en: 'This text is not an SOP Studio public key.' } };
    }
    const fingerprint = await fingerprintOf(value.publicKey);
    const about = definedOnly({ name: clip(value.name), office: clip(value.office), deviceCode: clip(value.deviceCode) });
    return { ok: true, fingerprint, publicKey: publicJwkOf(value.publicKey), ...about };
  }
  const fingerprint = normalizeFingerprint(trimmed);
  if (/^[0-9a-f]{64}$/.test(fingerprint)) return { ok: true, fingerprint };
  return {
    ok: false,
    problem: {
      id: 'Tempelkan kunci publik yang diekspor perangkat pengirim, atau sidik jari lengkapnya (64 digit heksadesimal).',
      en: "Paste the public key exported by the sending device, or its full fingerprint (64 hexadecimal digits).",
    },
  };
}

const clip = (value: unknown): string | undefined => (typeof value === 'string' ? value.trim().slice(0, 200) : undefined);

export interface TrustKeyInput {
  fingerprint: string;
  publicKey?: JsonWebKey;
  name: string;
  office?: string;
  deviceCode?: string;
  source?: TrustedKeySource;
  addedBy?: string;
}

/** Trusts a key (again: the name and office are updated, the date it was first trusted kept). */
export async function trustKey(db: DeviceDb, input: TrustKeyInput, now: () => Date = () => new Date()): Promise<TrustedKeyRow> {
  const fingerprint = normalizeFingerprint(input.fingerprint);
  if (!/^[0-9a-f]{64}$/.test(fingerprint)) {
    throw new DeviceStorageError('key.invalid', { id: 'Sidik jari kunci tidak sah (64 digit heksadesimal).', en: 'The key fingerprint is invalid (64 hexadecimal digits).' });
  }
  if (input.publicKey && (!isPublicJwk(input.publicKey) || (await fingerprintOf(input.publicKey)) !== fingerprint)) {
    throw new DeviceStorageError('key.invalid', { id: 'Kunci publik tidak cocok dengan sidik jarinya.', en: 'The public key does not match its fingerprint.' });
  }
  const name = input.name.trim().slice(0, 200);
  if (!name) throw new DeviceStorageError('key.invalid', { id: 'Beri nama pemilik kunci (orang atau kantor).', en: 'Name the owner of the key (a person or an office).' });
  try {
    return await db.transaction('rw', db.trustedKeys, async () => {
      const existing = await db.trustedKeys.get(fingerprint);
      const row: TrustedKeyRow = {
        fingerprint,
        schemaVersion: DEVICE_SCHEMA_VERSION,
        ...(input.publicKey ? { publicKey: publicJwkOf(input.publicKey) } : existing?.publicKey ? { publicKey: existing.publicKey } : {}),
        name,
        ...definedOnly({ office: clip(input.office), deviceCode: clip(input.deviceCode), addedBy: clip(input.addedBy) }),
        source: input.source ?? 'manual',
        addedAt: existing?.addedAt ?? now().toISOString(),
      };
      await db.trustedKeys.put(row);
      return row;
    });
  } catch (error) {
    throw toDeviceError(error);
  }
}

export async function untrustKey(db: DeviceDb, fingerprint: string): Promise<void> {
  try {
    await db.trustedKeys.delete(normalizeFingerprint(fingerprint));
  } catch (error) {
    throw toDeviceError(error);
  }
}

/** Trusted keys, newest first; rows that do not read as keys are skipped, never fatal. */
export async function listTrustedKeys(db: DeviceDb): Promise<TrustedKeyRow[]> {
  const rows = await db.trustedKeys.toArray();
  return rows
    .filter((r) => typeof r?.fingerprint === 'string')
    .sort((a, b) => String(b.addedAt ?? '').localeCompare(String(a.addedAt ?? '')) || a.fingerprint.localeCompare(b.fingerprint));
}

/** Whether bundles signed by this key are imported: this device's own key, or one the office trusts. */
export async function isTrustedKey(db: DeviceDb, fingerprint: string): Promise<boolean> {
  const own = await db.keys.get('device');
  if (isSoundKey(own) && own.fingerprint === fingerprint) return true;
  return (await db.trustedKeys.get(fingerprint)) !== undefined;
}
