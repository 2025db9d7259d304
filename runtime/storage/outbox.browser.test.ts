import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { foldEvents, type CaseCommand } from '../../core/engine';
import { RuntimeDb, SCHEMA_VERSION, schemaVersionOf } from './db';
import { setServerLink } from './outbox';
import { caseEvents, commitCommand, loadDraft, newId, searchCases, startCase, type CommitResult } from './repository';
import { dbWithSop, linkOffering, loadNativeFixture, type DbFixture } from './testing';
import v2Fixture from './fixtures/v2.json';

const APPLICANT = { nama: 'Siti Aminah', nik: '3510015205850002' };
const S1_ALL = ['s1-r1', 's1-r2', 's1-r3'];
const opened: RuntimeDb[] = [];

afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

function okState(result: CommitResult) {
  if (!result.ok) throw new Error(`${result.rejection.code}: ${result.rejection.message.en}`);
  return result.state;
}

const complete = (caseId: string, expectedRevision: number, extra: Partial<CaseCommand> = {}): CaseCommand =>
  ({ type: 'step.complete', id: newId(), caseId, expectedRevision, at: new Date().toISOString(), stepId: 's1', ticked: S1_ALL, ...extra }) as CaseCommand;

async function fresh() {
  const made = await dbWithSop();
  opened.push(made.db);
  return made;
}

describe('the outbox, written with each command', () => {
  it('stays empty on a device that is not linked to a server (local use as before)', async () => {
    const { db, sopKey } = await fresh();
    const state = okState(await startCase(db, { sopKey, fields: APPLICANT }));
    okState(await commitCommand(db, complete(state.id, 1)));
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncCases.count()).toBe(0);
  });

  it('queues every command of a case started while linked, in the command\'s own transaction, with the file hashes', async () => {
    const { db, sopKey, doc } = await fresh();
    await linkOffering(db, 'https://sop.example.go.id/', [doc]);
    const state = okState(await startCase(db, { sopKey, fields: APPLICANT }));
    const blob = new Blob(['KTP Siti'], { type: 'text/plain' });
    const file = { id: newId(), blob, name: 'ktp.txt', type: 'text/plain', requirementId: 's1-r1' };
    okState(
      await commitCommand(db, complete(state.id, 1, { attachments: [{ id: file.id, name: 'ktp.txt', type: 'text/plain', size: blob.size, requirementId: 's1-r1' }] } as Partial<CaseCommand>), {
        attachments: [file],
      }),
    );
    const rows = await db.outbox.orderBy('queuedAt').toArray();
    expect(rows.map((r) => [r.command.type, r.baseRevision, r.tries])).toEqual([
      ['case.start', 0, 0],
      ['step.complete', 1, 0],
    ]);
    // The queued start is the command the engine decided: with its case number, without the local SOP key.
    expect((rows[0]!.command as { caseNumber?: string }).caseNumber).toBe(state.number);
    expect(rows[0]!.command).not.toHaveProperty('sopKey');
    expect(rows[0]!.sop).toEqual({ sopId: 'bwi-spm-online', revision: 1 });
    const expected = [...new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(rows[1]!.attachments).toEqual([expected]);
    expect((rows[1]!.command as { attachments: { sha256?: string }[] }).attachments[0]!.sha256).toBe(expected);
    expect((await db.attachments.get(file.id))!.sha256).toBe(expected);
  });

  it('queues nothing for a refused command, and nothing twice for a repeated one', async () => {
    const { db, sopKey, doc } = await fresh();
    await linkOffering(db, '', [doc]);
    const state = okState(await startCase(db, { sopKey, fields: APPLICANT }));
    expect((await commitCommand(db, complete(state.id, 1, { ticked: [] } as Partial<CaseCommand>))).ok).toBe(false);
    const command = complete(state.id, 1);
    okState(await commitCommand(db, command));
    expect((await commitCommand(db, command)).ok).toBe(true);
    expect(await db.outbox.count()).toBe(2);
  });

  it('writes neither the events nor the outbox row when the outbox write fails', async () => {
    const { db, sopKey, doc } = await fresh();
    await linkOffering(db, '', [doc]);
    const state = okState(await startCase(db, { sopKey, fields: APPLICANT }));
    const original = db.outbox.add.bind(db.outbox);
    db.outbox.add = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof db.outbox.add;
    const result = await commitCommand(db, complete(state.id, 1));
    db.outbox.add = original;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.rejection.code).toBe('storage.full');
    expect((await db.cases.get(state.id))!.revision).toBe(1);
    expect(await db.events.where('caseId').equals(state.id).count()).toBe(2);
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps a case from before the link on this device only: its commands are not queued', async () => {
    const { db, sopKey } = await fresh();
    const before = okState(await startCase(db, { sopKey, fields: APPLICANT }));
    await setServerLink(db, '');
    okState(await commitCommand(db, complete(before.id, 1)));
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('schema version 3 (sync tables)', () => {
  it('opens a database saved by version 2 (fixtures/v2.json) with nothing lost, and carries on with it', async () => {
    const name = `sop-studio-fixture-v3-${Date.now()}`;
    await loadNativeFixture(name, v2Fixture as unknown as DbFixture);
    const db = new RuntimeDb(name);
    opened.push(db);
    await db.open();
    expect(await schemaVersionOf(db)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
    const caseId = '0193b6c2-7a10-7000-8000-000000000002';
    const row = (await db.cases.get(caseId))!;
    expect(row.caseNumber).toBe('SPM-2025-7KQX-0001');
    expect(foldEvents(await caseEvents(db, caseId))).toEqual(row.state);
    expect(await (await db.attachments.toArray())[0]!.blob.text()).toBe('KTP Budi S');
    expect((await loadDraft(db, caseId, 's2#1'))!.values.note).toBe('cek SIAK besok');
    expect((await searchCases(db, 'budi')).map((r) => r.id)).toEqual([caseId]);
    expect([await db.outbox.count(), await db.review.count(), await db.syncState.count(), await db.syncCases.count()]).toEqual([0, 0, 0, 0]);
    // The numbering carries on, and the old case takes commands as before.
    const next = okState(await startCase(db, { sopKey: row.sopKey, fields: APPLICANT, at: '2025-07-02T01:00:00.000Z' }));
    expect(next.number).toBe('SPM-2025-7KQX-0002');
    okState(await commitCommand(db, { type: 'step.complete', id: newId(), caseId, expectedRevision: 2, at: '2025-07-02T01:10:00.000Z', stepId: 's2' }));
  });
});
