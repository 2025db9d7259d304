/**
 * Hands a refused bundle's signer from the import screen to the trusted keys
 * settings, within this tab only (sessionStorage), so the clerk compares the
 * fingerprint there before trusting it. Never trusted automatically.
 */
import { PUBLIC_KEY_FORMAT, type PublicKeyExport } from '../../device';

const KEY = 'sop-studio.trust-offer';

export interface TrustOffer {
  /** A public key export text, as if pasted. */
  text: string;
  name: string;
  office: string;
  deviceCode: string;
}

export function offerTrust(signer: { fingerprint: string; publicKey: JsonWebKey; deviceCode: string; person: { name: string; office?: string } }): void {
  const exported: PublicKeyExport = { format: PUBLIC_KEY_FORMAT, version: 1, fingerprint: signer.fingerprint, publicKey: signer.publicKey };
  const offer: TrustOffer = { text: JSON.stringify(exported), name: signer.person.name, office: signer.person.office ?? '', deviceCode: signer.deviceCode };
  try {
    sessionStorage.setItem(KEY, JSON.stringify(offer));
  } catch {
    // Storage unavailable: the settings open empty and the clerk pastes the key.
  }
}

/** The pending offer, removed as it is read (a reload of the settings does not offer it again). */
export function takeTrustOffer(): TrustOffer | undefined {
  try {
    const text = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    const value = text ? (JSON.parse(text) as Partial<TrustOffer>) : undefined;
    if (!value || typeof value.text !== 'string') return undefined;
    return { text: value.text, name: String(value.name ?? ''), office: String(value.office ?? ''), deviceCode: String(value.deviceCode ?? '') };
  } catch {
    return undefined;
  }
}
