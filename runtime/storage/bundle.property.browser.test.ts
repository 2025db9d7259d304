/**
 * Property (fast-check, real Chromium IndexedDB): a corrupted case bundle
 * (truncated, events duplicated, any field changed, re-hashed the old way,
 * re-signed by an untrusted key, signer key swapped) imported into a
 * populated office leaves every table of both databases exactly as it was,
 * unless the bundle is valid; a valid one leaves the case consistent
 * (stored events fold to the stored snapshot).
 */
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, foldEvents, sha256Hex, type CaseCommand } from '../../core/engine';
import { seedCatalogue, type DeviceDb } from '../../device';
import { exportCaseBundle, importCaseBundle, type CaseBundle } from './bundle';
import { forgerKey, officeWithSop, resign, signAsDevice, trust, type Office } from './bundleTesting';
import type { RuntimeDb } from './db';
import { deviceDbFor } from './deviceDbFor';
import { caseEvents, commitCommand, newId, startCase } from './repository';
import { scratchDb } from './testing';
import type { SopDocument } from '../../schemas/generated/sop.types';

let sender: Office & { sopKey: string; doc: SopDocument };
let receiver: RuntimeDb;
let receiverDevice: DeviceDb;
let bundle: CaseBundle;
let forger: Awaited<ReturnType<typeof forgerKey>>;

beforeAll(async () => {
  sender = await officeWithSop('prop-a');
  const cases: string[] = [];
  for (const [i, nama] of ['Siti Aminah', 'Budi Santoso'].entries()) {
    const started = await startCase(sender.db, { sopKey: sender.sopKey, fields: { nama, nik: `351001520585000${i + 2}` }, at: `2025-06-0${i + 2}T01:00:00.000Z` });
    if (!started.ok) throw new Error(started.rejection.message.en);
    cases.push(started.state.id);
  }
  const caseId = cases[0]!;
  const photo = { id: newId(), blob: new Blob(['foto KTP'], { type: 'image/jpeg' }), name: 'ktp.jpg', type: 'image/jpeg', requirementId: 's1-r1' };
  const done = await commitCommand(
    sender.db,
    { type: 'step.complete', id: newId(), caseId, expectedRevision: 1, at: '2025-06-02T01:30:00.000Z', stepId: 's1', ticked: ['s1-r1', 's1-r2', 's1-r3'], attachments: [{ id: photo.id, name: 'ktp.jpg', type: 'image/jpeg', size: 8, requirementId: 's1-r1' }] } as CaseCommand,
    { attachments: [photo] },
  );
  if (!done.ok) throw new Error(done.rejection.message.en);
  // A populated receiving office: the catalogue, a trusted sender, and another case already imported.
  receiver = scratchDb('prop-b');
  receiverDevice = deviceDbFor(receiver);
  await seedCatalogue(receiverDevice, [sender.doc]);
  await trust(receiverDevice, sender.device);
  await importCaseBundle(receiver, JSON.stringify(await exportCaseBundle(sender.db, cases[1]!)), { device: receiverDevice });
  bundle = await exportCaseBundle(sender.db, caseId);
  forger = await forgerKey();
});

afterAll(async () => {
  for (const db of [sender.db, sender.device, receiver, receiverDevice]) db.close();
  for (const db of [sender.db, sender.device, receiver, receiverDevice]) await Dexie.delete(db.name);
});

/** Every table of both databases, Blobs and CryptoKeys reduced to what identifies them. */
async function stateOf(): Promise<unknown> {
  const tables: Record<string, unknown> = {};
  for (const table of [...receiver.tables, ...receiverDevice.tables]) {
    const rows = await table.toArray();
    tables[`${table.db.name}/${table.name}`] = await Promise.all(
      rows.map(async (row: Record<string, unknown>) => {
        const copy: Record<string, unknown> = { ...row };
        if (copy['blob'] instanceof Blob) copy['blob'] = sha256Hex(String.fromCharCode(...new Uint8Array(await (copy['blob'] as Blob).arrayBuffer())));
        if (copy['privateKey']) copy['privateKey'] = 'key';
        return copy;
      }),
    );
  }
  return tables;
}

/** Paths to every value in the bundle, so a mutation can land anywhere (half the time outside the big SOP document). */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function setAt(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  if (path.length === 0) return;
  let node: any = target;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]!] = value;
}

type Signing = 'none' | 'forger' | 'sender' | 'old-hash';

const allPaths = () => pathsOf(bundle).filter((p) => p.length > 0 && p[0] !== 'signature');
const valueArb = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null), fc.boolean(), fc.constant('<img src=x onerror=alert(1)>'), fc.constant('\u202E'), fc.constant({}), fc.constant([]));
const signingArb = fc.constantFrom<Signing>('none', 'forger', 'sender', 'old-hash');

type Corruption =
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; event: number; signing: Signing }
  | { kind: 'mutate'; path: number; outsideSop: boolean; value: unknown; signing: Signing }
  | { kind: 'swap-key' }
  | { kind: 'drop'; part: 'events' | 'attachments'; index: number; signing: Signing };

const corruptionArb: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 0.999, noNaN: true }) }),
  fc.record({ kind: fc.constant('duplicate' as const), event: fc.nat(), signing: signingArb }),
  fc.record({ kind: fc.constant('mutate' as const), path: fc.nat(), outsideSop: fc.boolean(), value: valueArb, signing: signingArb }),
  fc.record({ kind: fc.constant('swap-key' as const) }),
  fc.record({ kind: fc.constant('drop' as const), part: fc.constantFrom('events' as const, 'attachments' as const), index: fc.nat(), signing: signingArb }),
);

async function sign(copy: any, signing: Signing): Promise<string> {
  if (signing === 'forger') return JSON.stringify(await resign(copy, forger));
  if (signing === 'sender') return JSON.stringify(await signAsDevice(copy, sender.device));
  if (signing === 'old-hash') {
    const { signature: _s, ...body } = copy;
    return JSON.stringify({ ...body, version: 1, integrity: { algorithm: 'SHA-256', hash: sha256Hex(canonicalJson({ ...body, version: 1 })) } });
  }
  return JSON.stringify(copy);
}

async function corrupt(c: Corruption): Promise<string> {
  const text = JSON.stringify(bundle);
  const copy: any = structuredClone(bundle);
  switch (c.kind) {
    case 'truncate':
      return text.slice(0, Math.floor(text.length * c.at));
    case 'duplicate':
      copy.events.splice(c.event % copy.events.length, 0, copy.events[c.event % copy.events.length]);
      return sign(copy, c.signing);
    case 'mutate': {
      const candidates = allPaths().filter((p) => (c.outsideSop ? p[0] !== 'sop' : true));
      setAt(copy, candidates[c.path % candidates.length]!, structuredClone(c.value));
      return sign(copy, c.signing);
    }
    case 'swap-key':
      copy.signer = { ...copy.signer, publicKey: forger.publicKey, keyId: forger.fingerprint };
      return JSON.stringify(copy);
    case 'drop': {
      const list = copy[c.part] as unknown[];
      if (list.length) list.splice(c.index % list.length, 1);
      return sign(copy, c.signing);
    }
  }
}

describe('corrupted bundles never change the receiving office (fast-check, Chromium)', () => {
  it('leaves every table as it was unless the bundle is valid', async () => {
    let refused = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(corruptionArb, async (corruption) => {
        const text = await corrupt(corruption);
        const before = await stateOf();
        const outcome = await importCaseBundle(receiver, text, { device: receiverDevice }).then(
          (summary) => ({ ok: true as const, summary }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        if (!outcome.ok) {
          refused++;
          expect(outcome.error).toMatchObject({ code: 'bundle.invalid' });
          expect(await stateOf()).toEqual(before);
          return;
        }
        // Accepted: only a trusted signature over content that passes every check can get here.
        accepted++;
        expect(corruption.kind === 'mutate' || corruption.kind === 'duplicate' || corruption.kind === 'drop' ? corruption.signing : 'sender').toBe('sender');
        const row = (await receiver.cases.get(outcome.summary.caseId))!;
        expect(foldEvents(await caseEvents(receiver, row.id))).toEqual(row.state);
      }),
      { numRuns: 300, seed: Number(import.meta.env['VITE_FC_SEED'] ?? 20261203) },
    );
    expect(refused).toBeGreaterThan(200);
    console.info(`bundle property: ${refused} refused, ${accepted} accepted`);
  }, 60_000);
});
