/**
 * What both apps keep on this device, in one IndexedDB database of its own:
 *
 * - the catalogue of published SOP revisions: the designer writes a revision
 *   here when it publishes (or archives) one, and the runtime offers what is
 *   here for new cases. This table is the hand-over between the two apps, so
 *   neither imports the other; a server later fills it as well.
 * - the people who use this device (local profiles) and which one is acting.
 *
 * Dexie's live queries see writes from every tab of the origin, so a runtime
 * tab that is already open updates the moment the designer publishes.
 */
import Dexie, { type Table } from 'dexie';
import type { LaneRef } from '../core/people';

export const DEVICE_DB_NAME = 'sop-studio-device';
/** Version of the record formats below; every record is stamped with the one that wrote it. */
export const DEVICE_SCHEMA_VERSION = 1;

export type CatalogueSource = 'designer' | 'file' | 'sample' | 'server' | 'bundle';

/** One published revision, frozen: only `archivedAt` ever changes. */
export interface CatalogueRow {
  /** `${sopId}@${revision}` */
  key: string;
  schemaVersion: number;
  sopId: string;
  revision: number;
  /** SHA-256 of the document's canonical JSON (the hash cases pin). */
  contentHash: string;
  title: string;
  /** The agency (identity.office), so two SOPs with one title can be told apart. */
  office: string;
  /** Nomor SOP. */
  number: string;
  /** The publication date the drafter gave (YYYY-MM-DD or ISO). */
  publishedAt: string;
  /** Set when the revision was archived: no new case starts on it; running cases go on. */
  archivedAt?: string;
  source: CatalogueSource;
  storedAt: string;
  /** The document as published, byte for byte. */
  json: string;
}

/** A person who uses this device: the seam a signed-in server account replaces. */
export interface ProfileRow {
  id: string;
  schemaVersion: number;
  name: string;
  nip?: string;
  office?: string;
  /** The lanes (SOP actors) this person may act as. */
  lanes: LaneRef[];
  /**
   * May publish SOPs: on a device without server accounts, the person who may
   * accept an SOP revision that arrived in a case bundle into the catalogue.
   * A local flag (anyone at the device can tick it), so it records who took
   * the decision rather than enforcing it; a server role replaces it later.
   */
  mayPublish?: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * This device's signing key pair (one row, id 'device'). The private key is
 * a non-extractable CryptoKey: IndexedDB stores it (structured clone) but no
 * script can read its bytes, so copying the database does not copy the key.
 */
export interface DeviceKeyRow {
  id: 'device';
  algorithm: 'ECDSA-P256';
  privateKey: CryptoKey;
  /** The public half as a JWK (kty, crv, x, y). */
  publicKey: JsonWebKey;
  /** SHA-256 (hex) of the public key's canonical JWK: the key id bundles carry. */
  fingerprint: string;
  createdAt: string;
}

/** Who may have signed a trusted key: an office typed it in, or (later) the server distributed it. */
export type TrustedKeySource = 'manual' | 'server';

/** A public key whose signed case bundles this office imports. */
export interface TrustedKeyRow {
  /** SHA-256 (hex) of the canonical public JWK. */
  fingerprint: string;
  schemaVersion: number;
  /** The key itself when known (from a key export or a bundle); a fingerprint alone is enough to trust. */
  publicKey?: JsonWebKey;
  /** Whom the key belongs to, as the person who trusted it wrote it (a name, an office). */
  name: string;
  office?: string;
  deviceCode?: string;
  source: TrustedKeySource;
  addedAt: string;
  /** The person who added it, by name. */
  addedBy?: string;
}

/**
 * What an SOP evaluation (monev, in the runtime) hands to the designer: the
 * evaluated revision and the evaluator's notes, per step and general. The
 * runtime writes it and opens `designer/?evaluasi=<id>`; the designer reads
 * it (device/evaluationHandoffs.ts).
 */
export interface EvaluationHandoffRow {
  /** The evaluation's id. */
  id: string;
  schemaVersion: number;
  sopId: string;
  /** The evaluated (published) revision. */
  revision: number;
  /** "Evaluasi SOP Penerbitan SPM, Januari–Juni 2026". */
  title: string;
  /** The evaluated period, YYYY-MM-DD both ends. */
  period: { from: string; to: string };
  /** ISO time. */
  evaluatedAt: string;
  evaluator?: { name: string; nip?: string; office?: string };
  /** A link back to the evaluation in the runtime. */
  runtimeUrl?: string;
  /** "Langkah 5 melebihi Waktu pada 62% kasus; pertimbangkan 30 menit". */
  notes: { stepId: string; text: string }[];
  /** Notes about the SOP as a whole. */
  generalNotes?: string[];
  createdAt: string;
  /** When the designer opened it (ISO). */
  openedAt?: string;
}

export interface DeviceMetaRow {
  key: string;
  value: unknown;
}

export class DeviceDb extends Dexie {
  declare catalogue: Table<CatalogueRow, string>;
  declare profiles: Table<ProfileRow, string>;
  declare meta: Table<DeviceMetaRow, string>;
  declare keys: Table<DeviceKeyRow, string>;
  declare trustedKeys: Table<TrustedKeyRow, string>;
  declare evaluationHandoffs: Table<EvaluationHandoffRow, string>;

  constructor(name: string = DEVICE_DB_NAME) {
    super(name);
    this.version(1).stores({
      catalogue: '&key, sopId',
      profiles: '&id, name',
      meta: '&key',
    });
    // v2: the device's signing key and the keys whose bundles this office trusts (issue 9).
    this.version(2).stores({
      keys: '&id',
      trustedKeys: '&fingerprint, addedAt',
    });
    // v3: SOP evaluations handed from the runtime to the designer (issue 12). A new table only: no upgrade of existing rows.
    this.version(3).stores({
      evaluationHandoffs: '&id, sopId',
    });
  }
}
