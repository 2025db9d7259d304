import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { MigrationError, appliedMigrations, loadMigrations, migrate, migrationStatus } from '../db/migrate';
import { openEmptyTestDb, testDatabaseKinds } from '../testing/databases';

const at = new Date('2026-12-01T08:00:00Z');

async function dropEverything(db: Db) {
  await db.execScript('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
}

async function insertOffice(db: Db, regionCode = '35.08', id = randomUUID()) {
  await db.query('INSERT INTO offices (id, name, region_code, created_at) VALUES ($1, $2, $3, $4)', [id, 'Dinas Sosial', regionCode, at]);
  return id;
}

async function insertUser(db: Db, officeId: string, login = 'siti') {
  const id = randomUUID();
  await db.query('INSERT INTO users (id, login, name, office_id, roles, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [id, login, 'Siti', officeId, ['clerk'], at]);
  return id;
}

for (const kind of testDatabaseKinds()) {
  describe(`migrations [${kind}]`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await openEmptyTestDb(kind);
    });
    afterAll(async () => db?.close());
    beforeEach(async () => dropEverything(db));

    it('applies every migration file, in order, and records each with its checksum', async () => {
      const files = loadMigrations();
      expect(files.map((m) => m.version)).toEqual(files.map((_, i) => i + 1));
      expect(await migrate(db)).toEqual(files.map((m) => m.version));
      const applied = await appliedMigrations(db);
      expect(applied).toEqual(files.map(({ version, name, checksum }) => ({ version, name, checksum })));
      expect(await migrationStatus(db)).toEqual({ ready: true, pending: [], changed: [] });
    });

    it('applies nothing the second time', async () => {
      await migrate(db);
      expect(await migrate(db)).toEqual([]);
    });

    it('refuses to run when an applied migration file was changed, and applies nothing after it', async () => {
      const files = loadMigrations();
      await migrate(db, { upTo: 1 });
      const edited = files.map((m) => (m.version === 1 ? { ...m, sql: m.sql + '\n-- edited', checksum: 'f'.repeat(64) } : m));
      await expect(migrate(db, { migrations: edited })).rejects.toThrow(MigrationError);
      await expect(migrate(db, { migrations: edited })).rejects.toThrow(/0001_offices_and_users\.sql changed after it was applied/);
      expect((await appliedMigrations(db)).map((m) => m.version)).toEqual([1]);
      expect((await migrationStatus(db, edited)).ready).toBe(false);
    });

    it('rolls a failing migration back whole, leaving no record of it', async () => {
      const broken = [...loadMigrations(), { version: 99, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;', checksum: '0'.repeat(64) }];
      await expect(migrate(db, { migrations: broken })).rejects.toThrow();
      expect((await appliedMigrations(db)).map((m) => m.version)).not.toContain(99);
      const table = await db.query<{ present: boolean }>(`SELECT to_regclass('half_done') IS NOT NULL AS present`);
      expect(table.rows[0]!.present).toBe(false);
    });

    it('0001 offices and users: checks region codes, unique logins whatever the case, positions within the office lanes', async () => {
      await migrate(db, { upTo: 1 });
      await expect(insertOffice(db, '35.1')).rejects.toMatchObject({ code: '23514' });
      await expect(insertOffice(db, '35.08.01.20011')).rejects.toMatchObject({ code: '23514' });
      const kabupaten = await insertOffice(db, '35.08');
      const desa = await insertOffice(db, '35.08.01.2001');
      await insertUser(db, desa, 'Siti');
      await expect(insertUser(db, desa, 'SITI')).rejects.toMatchObject({ code: '23505' });
      const clerk = await insertUser(db, desa, 'budi');
      await expect(
        db.query(`INSERT INTO users (id, login, name, office_id, roles, created_at) VALUES ($1, 'x', 'X', $2, $3, $4)`, [randomUUID(), desa, ['root'], at]),
      ).rejects.toMatchObject({ code: '23514' });
      await db.query(`INSERT INTO office_lanes (office_id, sop_id, actor_id) VALUES ($1, 'lmj-01-ugb', 'desa'), ($2, 'lmj-01-ugb', 'dinsos')`, [desa, kabupaten]);
      await db.query(`INSERT INTO user_positions (user_id, office_id, sop_id, actor_id) VALUES ($1, $2, 'lmj-01-ugb', 'desa')`, [clerk, desa]);
      // The Dinas lane belongs to another office: the user's office cannot lend it.
      await expect(
        db.query(`INSERT INTO user_positions (user_id, office_id, sop_id, actor_id) VALUES ($1, $2, 'lmj-01-ugb', 'dinsos')`, [clerk, desa]),
      ).rejects.toMatchObject({ code: '23503' });
      await expect(
        db.query(`INSERT INTO user_positions (user_id, office_id, sop_id, actor_id) VALUES ($1, $2, 'lmj-01-ugb', 'dinsos')`, [clerk, kabupaten]),
      ).rejects.toMatchObject({ code: '23503' });
      // Taking the lane from the office takes it from the user.
      await db.query(`DELETE FROM office_lanes WHERE office_id = $1`, [desa]);
      expect((await db.query('SELECT * FROM user_positions')).rowCount).toBe(0);
    });

    it('0002 sessions: stores only a SHA-256 hex digest, and a user leaving removes their sessions', async () => {
      await migrate(db, { upTo: 2 });
      const office = await insertOffice(db);
      const user = await insertUser(db, office);
      const insert = (hash: string) =>
        db.query(
          `INSERT INTO sessions (token_hash, user_id, csrf_token, provider, created_at, last_seen_at, idle_expires_at, absolute_expires_at)
           VALUES ($1, $2, $3, 'password', $4, $4, $4::timestamptz + interval '12 hours', $4::timestamptz + interval '7 days')`,
          [hash, user, 'c'.repeat(43), at],
        );
      await expect(insert('plain-cookie-value')).rejects.toMatchObject({ code: '23514' });
      await insert('a'.repeat(64));
      await db.query(`INSERT INTO login_failures (login_key, address, failed_at) VALUES ('siti', '127.0.0.1', $1)`, [at]);
      await db.query('DELETE FROM users WHERE id = $1', [user]);
      expect((await db.query('SELECT * FROM sessions')).rowCount).toBe(0);
      expect((await db.query('SELECT * FROM login_failures')).rowCount).toBe(1);
    });

    it('0003 sop revisions: the database refuses to change or delete a published revision', async () => {
      await migrate(db, { upTo: 3 });
      const office = await insertOffice(db);
      const user = await insertUser(db, office);
      await db.query(
        `INSERT INTO sop_revisions (sop_id, revision, content_hash, title, document, published_by, published_at) VALUES ('lmj-01-ugb', 1, $1, 'UGB', '{}', $2, $3)`,
        ['b'.repeat(64), user, at],
      );
      await expect(db.query(`UPDATE sop_revisions SET title = 'changed'`)).rejects.toThrow(/immutable/);
      await expect(db.query(`DELETE FROM sop_revisions`)).rejects.toThrow(/immutable/);
      await expect(
        db.query(`INSERT INTO sop_revisions (sop_id, revision, content_hash, title, document, published_by, published_at) VALUES ('lmj-01-ugb', 0, $1, 'UGB', '{}', $2, $3)`, [
          'b'.repeat(64),
          user,
          at,
        ]),
      ).rejects.toMatchObject({ code: '23514' });
      expect((await db.query<{ title: string }>('SELECT title FROM sop_revisions')).rows).toEqual([{ title: 'UGB' }]);
    });

    it('0004 pending OIDC sign-ins: hashed browser token, a real PKCE verifier, an expiry after creation', async () => {
      await migrate(db, { upTo: 4 });
      const insert = (hash: string, verifier: string, expires: Date) =>
        db.query(
          `INSERT INTO oidc_logins (token_hash, provider, state, nonce, code_verifier, created_at, expires_at) VALUES ($1, 'oidc', 's', 'n', $2, $3, $4)`,
          [hash, verifier, at, expires],
        );
      const later = new Date(at.getTime() + 600_000);
      await expect(insert('raw-cookie', 'v'.repeat(43), later)).rejects.toMatchObject({ code: '23514' });
      await expect(insert('c'.repeat(64), 'short', later)).rejects.toMatchObject({ code: '23514' });
      await expect(insert('c'.repeat(64), 'v'.repeat(43), at)).rejects.toMatchObject({ code: '23514' });
      await insert('c'.repeat(64), 'v'.repeat(43), later);
      expect((await db.query('SELECT * FROM oidc_logins')).rowCount).toBe(1);
    });
    it('0005 cases: events carry their transaction id, ids and hashes are checked, command ids and grants are unique', async () => {
      await migrate(db, { upTo: 5 });
      const office = await insertOffice(db, '35.10.01.2001');
      const user = await insertUser(db, office);
      await db.query(
        `INSERT INTO sop_revisions (sop_id, revision, content_hash, title, document, published_by, published_at) VALUES ('bwi-spm-online', 1, $1, 'SPM', '{}', $2, $3)`,
        ['b'.repeat(64), user, at],
      );
      const insertCase = (id: string, region: string, sop = 'bwi-spm-online') =>
        db.query(
          `INSERT INTO cases (id, sop_id, sop_revision, sop_content_hash, region_code, holder_office_ids, revision, state, created_at, updated_at)
           VALUES ($1, $2, 1, $3, $4, ARRAY[$5::uuid], 1, '{}', $6, $6)`,
          [id, sop, 'b'.repeat(64), region, office, at],
        );
      await expect(insertCase('c-1', '35.1')).rejects.toMatchObject({ code: '23514' });
      // A case must run on a published revision.
      await expect(insertCase('c-1', '35.10.01.2001', 'no-such-sop')).rejects.toMatchObject({ code: '23503' });
      await insertCase('c-1', '35.10.01.2001');
      const insertEvent = (eventId: string) =>
        db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO case_events (case_id, event_id, command_id, revision, event, user_id, office_id, recorded_at) VALUES ('c-1', $1, 'cmd-1', 1, '{}', $2, $3, $4)`,
            [eventId, user, office, at],
          );
          return (await tx.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0]!.xid;
        });
      const first = await insertEvent('cmd-1:0');
      const second = await insertEvent('cmd-1:1');
      const stored = await db.query<{ xid: string; seq: string }>('SELECT xid::text, seq::text FROM case_events ORDER BY xid, seq');
      expect(stored.rows).toEqual([{ xid: first, seq: '1' }, { xid: second, seq: '2' }]);
      expect(BigInt(second)).toBeGreaterThan(BigInt(first));
      // Both transactions ended: the pull horizon is past them.
      const horizon = await db.query<{ past: boolean }>('SELECT pg_snapshot_xmin(pg_current_snapshot()) > $1::xid8 AS past', [second]);
      expect(horizon.rows[0]!.past).toBe(true);
      await expect(insertEvent('cmd-1:0')).rejects.toMatchObject({ code: '23505' });
      await db.query(`INSERT INTO processed_commands (command_id, case_id, user_id, device_id, processed_at) VALUES ('cmd-1', 'c-1', $1, 'dev', $2)`, [user, at]);
      await expect(
        db.query(`INSERT INTO processed_commands (command_id, case_id, user_id, device_id, processed_at) VALUES ('cmd-1', 'c-1', $1, 'dev', $2)`, [user, at]),
      ).rejects.toMatchObject({ code: '23505' });
      await db.query(`INSERT INTO case_visibility (case_id, office_id) VALUES ('c-1', $1)`, [office]);
      await expect(db.query(`INSERT INTO case_visibility (case_id, office_id) VALUES ('c-1', $1)`, [office])).rejects.toMatchObject({ code: '23505' });
      const insertFile = (sha: string, bytes: Buffer, size: number) =>
        db.query(`INSERT INTO attachments (sha256, bytes, content_type, size, created_at) VALUES ($1, $2, 'image/jpeg', $3, $4)`, [sha, bytes, size, at]);
      await expect(insertFile('not-a-hash', Buffer.from('abc'), 3)).rejects.toMatchObject({ code: '23514' });
      await expect(insertFile('d'.repeat(64), Buffer.from('abc'), 4)).rejects.toMatchObject({ code: '23514' });
      await insertFile('d'.repeat(64), Buffer.from([0, 255, 1]), 3);
      const file = await db.query<{ bytes: Uint8Array }>('SELECT bytes FROM attachments');
      expect([...file.rows[0]!.bytes]).toEqual([0, 255, 1]);
    });

    it('0006 sync push functions: a push written in one call, grants before events, read back with the ids it took', async () => {
      await migrate(db, { upTo: 6 });
      const village = await insertOffice(db, '35.10.01.2001');
      const dinkes = await insertOffice(db, '35.10');
      const elsewhere = await insertOffice(db, '35.08');
      const user = await insertUser(db, village);
      await db.query(
        `INSERT INTO sop_revisions (sop_id, revision, content_hash, title, document, published_by, published_at) VALUES ('bwi-spm-online', 1, $1, 'SPM', '{}', $2, $3)`,
        ['b'.repeat(64), user, at],
      );
      for (const office of [dinkes, elsewhere]) await db.query(`INSERT INTO office_lanes (office_id, sop_id, actor_id) VALUES ($1, 'bwi-spm-online', 'dinkes')`, [office]);
      const caseRow = (id: string, revision: number, actors: string[]) => ({
        id,
        sop_id: 'bwi-spm-online',
        sop_revision: 1,
        sop_content_hash: 'b'.repeat(64),
        region_code: '35.10.01.2001',
        regions: ['35', '35.10', '35.10.01', '35.10.01.2001'],
        holders: [village],
        path_actors: actors,
        revision,
        state: { revision },
      });
      const write = (batch: object) =>
        db.transaction(async (tx) => (await tx.query<{ told: string[] }>('SELECT sync_push_write($1::jsonb, $2) AS told', [JSON.stringify(batch), 'test_channel'])).rows[0]!.told);
      const base = { userId: user, officeId: village, deviceId: 'dev', recordedAt: at.toISOString(), files: [] };
      // The case reaches the Dinas Kesehatan's lane: it is granted the case; the office in another regency is not.
      const told = await write({
        ...base,
        cases: [caseRow('c-1', 2, ['desa', 'dinkes'])],
        commands: [{ commandId: 'cmd-1', caseId: 'c-1' }],
        events: [1, 2].map((revision) => ({ caseId: 'c-1', commandId: 'cmd-1', event: { id: `cmd-1:${revision}`, revision } })),
      });
      expect(told).toEqual([village, dinkes].sort());
      const feed = await db.query<{ kind: string; office: string | null; event: string | null }>(
        `SELECT 'grant' AS kind, office_id::text AS office, NULL AS event, xid, seq FROM case_visibility
         UNION ALL SELECT 'event', NULL, event_id, xid, seq FROM case_events ORDER BY xid, seq`,
      );
      // Grants come first in the feed (in office order), then the events in command order.
      expect(feed.rows.map((r) => r.event ?? `grant`)).toEqual(['grant', 'grant', 'cmd-1:1', 'cmd-1:2']);
      expect((await db.query('SELECT 1 FROM processed_commands WHERE command_id = $1', ['cmd-1'])).rowCount).toBe(1);
      // Read: the named case (locked), the taken id with its case.
      const read = await db.transaction(
        async (tx) => (await tx.query<{ read: { known: Record<string, string>; cases: { id: string; revision: number }[] } }>('SELECT sync_push_read($1::text[], $2::text[], 7) AS read', [['c-1', 'c-2'], ['cmd-1', 'cmd-2']])).rows[0]!.read,
      );
      expect(read.known).toEqual({ 'cmd-1': 'c-1' });
      expect(read.cases.map((c) => [c.id, c.revision])).toEqual([['c-1', 2]]);
      // The same command id again is refused whole: nothing of that write is left.
      await expect(write({ ...base, cases: [caseRow('c-1', 3, ['desa', 'dinkes'])], commands: [{ commandId: 'cmd-1', caseId: 'c-1' }], events: [] })).rejects.toMatchObject({ code: '23505' });
      expect((await db.query<{ revision: number }>('SELECT revision FROM cases')).rows).toEqual([{ revision: 2 }]);
    });

    it('0008 grouped push write: each command is written under its own user, office and device', async () => {
      await migrate(db, { upTo: 8 });
      const village = await insertOffice(db, '35.10.01.2001');
      const neighbour = await insertOffice(db, '35.10.01.2002');
      const rina = await insertUser(db, village, 'rina');
      const tono = await insertUser(db, neighbour, 'tono');
      await db.query(
        `INSERT INTO sop_revisions (sop_id, revision, content_hash, title, document, published_by, published_at) VALUES ('bwi-spm-online', 1, $1, 'SPM', '{}', $2, $3)`,
        ['b'.repeat(64), rina, at],
      );
      const caseRow = (id: string, region: string, holder: string) => ({
        id,
        sop_id: 'bwi-spm-online',
        sop_revision: 1,
        sop_content_hash: 'b'.repeat(64),
        region_code: region,
        regions: [region],
        holders: [holder],
        path_actors: ['desa'],
        revision: 1,
        state: { revision: 1 },
      });
      const told = await db.transaction(
        async (tx) =>
          (
            await tx.query<{ told: string[] }>('SELECT sync_push_write($1::jsonb, $2) AS told', [
              JSON.stringify({
                recordedAt: at.toISOString(),
                cases: [caseRow('c-rina', '35.10.01.2001', village), caseRow('c-tono', '35.10.01.2002', neighbour)],
                commands: [
                  { commandId: 'cmd-rina', caseId: 'c-rina', userId: rina, deviceId: 'tablet-1' },
                  { commandId: 'cmd-tono', caseId: 'c-tono', userId: tono, deviceId: 'tablet-2' },
                ],
                events: [
                  { caseId: 'c-rina', commandId: 'cmd-rina', event: { id: 'cmd-rina:1', revision: 1 }, userId: rina, officeId: village },
                  { caseId: 'c-tono', commandId: 'cmd-tono', event: { id: 'cmd-tono:1', revision: 1 }, userId: tono, officeId: neighbour },
                ],
                files: [],
              }),
              'test_channel',
            ])
          ).rows[0]!.told,
      );
      expect(told).toEqual([village, neighbour].sort());
      const events = await db.query<{ event_id: string; user_id: string; office_id: string; device_id: string }>(
        `SELECT e.event_id, e.user_id::text AS user_id, e.office_id::text AS office_id, p.device_id
           FROM case_events e JOIN processed_commands p ON p.command_id = e.command_id ORDER BY e.seq`,
      );
      expect(events.rows).toEqual([
        { event_id: 'cmd-rina:1', user_id: rina, office_id: village, device_id: 'tablet-1' },
        { event_id: 'cmd-tono:1', user_id: tono, office_id: neighbour, device_id: 'tablet-2' },
      ]);
    });

    it('0009 account change notices: changing users, offices, lanes or positions, or ending a session, NOTIFYs; renewing a session does not', async () => {
      await migrate(db, { upTo: 9 });
      const heard: string[] = [];
      const stop = await db.listen('sop_accounts_changed', (payload) => heard.push(payload ?? '(reconnected)'));
      try {
        const office = await insertOffice(db, '35.10.01.2001');
        const user = await insertUser(db, office);
        await db.query(`INSERT INTO office_lanes (office_id, sop_id, actor_id) VALUES ($1, 'bwi-spm-online', 'desa')`, [office]);
        await db.query(`INSERT INTO user_positions (user_id, office_id, sop_id, actor_id) VALUES ($1, $2, 'bwi-spm-online', 'desa')`, [user, office]);
        await db.query(
          `INSERT INTO sessions (token_hash, user_id, csrf_token, provider, created_at, last_seen_at, idle_expires_at, absolute_expires_at)
           VALUES ($1, $2, $3, 'password', $4, $4, $4::timestamptz + interval '12 hours', $4::timestamptz + interval '7 days')`,
          ['a'.repeat(64), user, 'c'.repeat(43), at],
        );
        const settle = async (count: number) => {
          for (let i = 0; i < 100 && heard.length < count; i++) await new Promise((r) => setTimeout(r, 20));
        };
        await settle(4);
        expect([...heard].sort()).toEqual(['office_lanes', 'offices', 'user_positions', 'users']);
        heard.length = 0;
        // Renewing the idle expiry: no notice (a cache keeps serving the session; it renews through the database).
        await db.query(`UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1`, ['a'.repeat(64), at]);
        await db.query(`DELETE FROM sessions WHERE token_hash = $1`, ['a'.repeat(64)]);
        await settle(1);
        await new Promise((r) => setTimeout(r, 100));
        expect(heard).toEqual(['sessions']);
      } finally {
        await stop();
      }
    });
  });
}
