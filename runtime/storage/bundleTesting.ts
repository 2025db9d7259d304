/** Helpers for bundle tests: offices with a signing profile, trust between them, and a forger's tools. */
import { canonicalJson } from '../../core/engine';
import { deviceKey, fingerprintOf, saveProfile, trustKey, type DeviceDb } from '../../device';
import type { SopDocument } from '../../schemas/generated/sop.types';
import type { CaseBundle } from './bundle';
import type { RuntimeDb } from './db';
import { deviceDbFor } from './deviceDbFor';
import { storeSopRevision } from './repository';
import { sampleDoc, scratchDb } from './testing';

export interface Office {
  db: RuntimeDb;
  device: DeviceDb;
}

/** A runtime database, its device database and an acting profile that signs what it exports. */
export async function office(label: string, name = `Petugas ${label}`, doc?: SopDocument): Promise<Office & { sopKey?: string }> {
  const db = scratchDb(label);
  const device = deviceDbFor(db);
  await saveProfile(device, { name, office: `Kantor ${label}`, lanes: [] });
  const sopKey = doc ? (await storeSopRevision(db, doc)).key : undefined;
  return { db, device, ...(sopKey ? { sopKey } : {}) };
}

export async function officeWithSop(label: string, id = 'bwi-spm-online'): Promise<Office & { doc: SopDocument; sopKey: string }> {
  const doc = sampleDoc(id);
  const made = await office(label, undefined, doc);
  return { ...made, doc, sopKey: made.sopKey! };
}

/** The receiving office trusts the sending device's key, as an office does after comparing fingerprints. */
export async function trust(receiver: DeviceDb, sender: DeviceDb, name = 'Kantor pengirim'): Promise<void> {
  const key = await deviceKey(sender);
  await trustKey(receiver, { fingerprint: key.fingerprint, publicKey: key.publicKey, name });
}

/** A forger's key pair: validly signs, but nobody trusts it. */
export async function forgerKey(): Promise<{ privateKey: CryptoKey; publicKey: JsonWebKey; fingerprint: string }> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const publicKey = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
  return { privateKey: pair.privateKey, publicKey, fingerprint: await fingerprintOf(publicKey) };
}

/** Re-signs a (changed) bundle body with a key: the forger's own, or a stolen one in a thought experiment. */
export async function resign(bundle: CaseBundle, key: { privateKey: CryptoKey; publicKey: JsonWebKey; fingerprint: string }, keepSignerKey = false): Promise<CaseBundle> {
  const { signature: _old, ...body } = structuredClone(bundle);
  if (!keepSignerKey) body.signer = { ...body.signer, publicKey: key.publicKey, keyId: key.fingerprint };
  const bytes = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, new TextEncoder().encode(canonicalJson(body)));
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return { ...body, signature: btoa(binary) };
}

/** Signs a body with the sending device's own key: what a trusted but buggy or compromised sender could produce. */
export async function signAsDevice(bundle: CaseBundle, device: DeviceDb): Promise<CaseBundle> {
  const key = await deviceKey(device);
  return resign(bundle, { privateKey: key.privateKey, publicKey: key.publicKey, fingerprint: key.fingerprint });
}
