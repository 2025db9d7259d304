import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CaseEvent } from '../../core/engine';
import { foldEvents } from '../../core/engine';
import type { PushResult } from '../../core/sync/protocol';
import { describeOnEachDatabase } from '../testing/databases';
import { asPush, chooseCommand, completeCommand, idsOf, pullAll, pullPage, pullUntil, push, spmWorld, startCommand, type SpmWorld } from '../testing/spmWorld';
import { startTestServer, tableSnapshot, TEST_START, type TestServer } from '../testing/testServer';

const eventsOf = (result: PushResult): CaseEvent[] => {
  if (result.status === 'rejected') throw new Error(`rejected: ${result.rejection.message.en}`);
  return result.events;
};

describeOnEachDatabase('case sync routes', (database) => {
  let server: TestServer;
  let world: SpmWorld;

  beforeEach(async () => {
    server = await startTestServer(database.db);
    world = await spmWorld(server);
  });
  afterEach(async () => server?.close());

  const start = async (caseId: string) => {
    const [result] = await push(world.clerks.desa, [asPush(startCommand(caseId), world.sop)]);
    expect(result!.status).toBe('applied');
    return eventsOf(result!);
  };
  /** The applicant's documents checked at the village office (s1): revision 2, s2 active. */
  const received = async (caseId: string) => {
    await start(caseId);
    const [result] = await push(world.clerks.desa, [asPush(completeCommand(caseId, 's1', 1, 'masyarakat-pemohon'))]);
    expect(result!.status).toBe('applied');
  };
  /** Runs the case to s3 (Dinas Kesehatan's verification): revision 3. */
  const toDinkes = async (caseId: string) => {
    await received(caseId);
    const [result] = await push(world.clerks.desa, [asPush(completeCommand(caseId, 's2', 2, 'desa-kelurahan'))]);
    expect(result!.status).toBe('applied');
  };

  it('applies a start, re-running the engine, and stamps the signed-in user, the office and the receive time', async () => {
    const command = startCommand('kasus-1', { by: { actorId: 'masyarakat-pemohon', person: { id: 'forged', name: 'Bukan Saya' } } });
    const [result] = await push(world.clerks.desa, [asPush(command, world.sop)]);
    expect(result, JSON.stringify(result)).toMatchObject({ status: 'applied', commandId: command.id });
    const events = eventsOf(result!);
    expect(events.map((e) => e.type)).toEqual(['case.started', 'step.activated']);
    for (const event of events) {
      expect(event.by?.person).toEqual({ id: world.clerks.desa.session.user.id, name: 'Siti Aminah', office: 'Kantor Desa Kemiren' });
      expect(event.at).toBe(command.at);
      expect(event.recordedAt).toBe(TEST_START.toISOString());
    }
    const stored = await database.db.query<{ revision: number; path_actors: string[]; region_code: string }>('SELECT revision, path_actors, region_code FROM cases');
    expect(stored.rows).toEqual([{ revision: 1, path_actors: ['masyarakat-pemohon'], region_code: '35.10.01.2001' }]);
  });

  it('answers a repeated command id with its events and writes nothing', async () => {
    const command = asPush(startCommand('kasus-1'), world.sop);
    const [first] = await push(world.clerks.desa, [command]);
    const before = await tableSnapshot(database.db, ['sessions']);
    const [again] = await push(world.clerks.desa, [command]);
    expect(again).toEqual({ status: 'duplicate', commandId: command.command.id, events: eventsOf(first!) });
    expect(await tableSnapshot(database.db, ['sessions'])).toBe(before);
  });

  it('answers a command on an older revision as stale, with the events after the revision it expected', async () => {
    await toDinkes('kasus-1');
    const before = await tableSnapshot(database.db, ['sessions']);
    const late = completeCommand('kasus-1', 's1', 1, 'masyarakat-pemohon');
    const [result] = await push(world.clerks.desa, [asPush(late)]);
    expect(result!.status).toBe('stale');
    const events = eventsOf(result!);
    expect(events.length).toBeGreaterThan(0);
    expect([...new Set(events.map((e) => e.revision))]).toEqual([2, 3]);
    expect(await tableSnapshot(database.db, ['sessions'])).toBe(before);
  });

  it('refuses what the engine refuses, in both languages, and writes nothing', async () => {
    await start('kasus-1');
    const before = await tableSnapshot(database.db, ['sessions']);
    // s3 is not active yet: the engine refuses.
    const [result] = await push(world.clerks.desa, [asPush(completeCommand('kasus-1', 's4', 1, 'desa-kelurahan'))]);
    expect(result!.status).toBe('rejected');
    const { rejection } = result as Extract<PushResult, { status: 'rejected' }>;
    expect(rejection.message.id).not.toBe(rejection.message.en);
    expect(await tableSnapshot(database.db, ['sessions'])).toBe(before);
  });

  it('needs the SOP revision to start a case, and an office holding the start lane', async () => {
    const before = await tableSnapshot(database.db, ['sessions']);
    const [noSop] = await push(world.clerks.desa, [{ command: startCommand('kasus-1') }]);
    expect(noSop).toMatchObject({ status: 'rejected', rejection: { code: 'sop.required' } });
    const [notStarter] = await push(world.clerks.dinkes, [asPush(startCommand('kasus-2', { by: {} }), world.sop)]);
    expect(notStarter).toMatchObject({ status: 'rejected', rejection: { code: 'lane.noStart' } });
    const [unknownSop] = await push(world.clerks.desa, [{ command: startCommand('kasus-3'), sop: { sopId: 'tidak-ada', revision: 1 } }]);
    expect(unknownSop).toMatchObject({ status: 'rejected', rejection: { code: 'sop.unknown' } });
    expect(await tableSnapshot(database.db, ['sessions'])).toBe(before);
  });

  it('answers every command of a batch in order, each on its own', async () => {
    const a = startCommand('kasus-a');
    const b = completeCommand('kasus-a', 's1', 1, 'masyarakat-pemohon');
    const bad = completeCommand('kasus-a', 's1', 2, 'masyarakat-pemohon');
    const results = await push(world.clerks.desa, [asPush(a, world.sop), asPush(b), asPush(bad)]);
    expect(results.map((r) => [r.commandId, r.status])).toEqual([
      [a.id, 'applied'],
      [b.id, 'applied'],
      [bad.id, 'rejected'],
    ]);
  });

  it('sees, within one batch, what its earlier commands did: a resend is a duplicate, a late command is stale with them', async () => {
    const start = startCommand('kasus-a');
    const s1 = completeCommand('kasus-a', 's1', 1, 'masyarakat-pemohon');
    const late = completeCommand('kasus-a', 's1', 1, 'masyarakat-pemohon', { id: 'lain-perangkat' });
    const other = startCommand('kasus-b');
    const results = await push(world.clerks.desa, [asPush(start, world.sop), asPush(s1), asPush(s1), asPush(late), asPush(other, world.sop)]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'duplicate', 'stale', 'applied']);
    const applied = (results[1] as { events: CaseEvent[] }).events;
    expect((results[2] as { events: CaseEvent[] }).events).toEqual(applied);
    // The stale answer carries what the device lacks: s1's events, written in this same push.
    expect(idsOf((results[3] as { events: CaseEvent[] }).events)).toEqual(idsOf(applied));
    // Stored once each, in command order, and the feed gives the same.
    const feed = await pullAll(world.clerks.desa);
    expect(feed.events.filter((e) => e.caseId === 'kasus-a').map((e) => e.event.revision)).toEqual([1, 1, 2, 2]);
    expect(new Set(idsOf(feed.events)).size).toBe(feed.events.length);
    // Asked again as a new push, the whole batch is duplicates and nothing is written twice.
    const again = await push(world.clerks.desa, [asPush(start, world.sop), asPush(s1), asPush(other, world.sop)]);
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect((await pullAll(world.clerks.desa)).events.length).toBe(feed.events.length);
  });

  it('pulls the office its cases in commit order; other regions and lanes not yet reached see nothing', async () => {
    await start('kasus-1');
    const desa = await pullAll(world.clerks.desa);
    expect(desa.events.map((e) => e.event.type)).toEqual(['case.started', 'step.activated']);
    expect(desa.events[0]).toMatchObject({ caseId: 'kasus-1', sop: { sopId: world.sop.id, revision: world.sop.revision.number } });
    for (const office of ['dinkes', 'kecamatan', 'desaTetangga', 'dinkesLumajang'] as const) {
      expect((await pullAll(world.clerks[office])).events).toEqual([]);
    }
    // Nothing new: the same cursor comes back and no events.
    expect(await pullPage(world.clerks.desa, desa.cursor)).toEqual({ events: [], cursor: desa.cursor, more: false });
  });

  it('delivers a case whole to an office that comes to see it after its cursor passed the earlier events', async () => {
    await received('kasus-b'); // Dinas Kesehatan cannot see it yet
    await toDinkes('kasus-a');
    const first = await pullAll(world.clerks.dinkes);
    expect(new Set(first.events.map((e) => e.caseId))).toEqual(new Set(['kasus-a']));
    // The cursor is now past kasus-b's start. kasus-b reaches s3:
    await push(world.clerks.desa, [asPush(completeCommand('kasus-b', 's2', 2, 'desa-kelurahan'))]);
    const second = await pullUntil(world.clerks.dinkes, first.cursor, (pulled) => pulled.events.some((e) => e.caseId === 'kasus-b' && e.event.revision === 3));
    const caseB = second.events.filter((e) => e.caseId === 'kasus-b').map((e) => e.event);
    expect(foldEvents(caseB)?.revision).toBe(3);
    expect(new Set(caseB.map((e) => e.revision))).toEqual(new Set([1, 2, 3]));
    // Lumajang's Dinas Kesehatan plays the same lane, in another regency: nothing.
    expect((await pullAll(world.clerks.dinkesLumajang)).events).toEqual([]);
    // And the Kecamatan's turn has not come.
    expect((await pullAll(world.clerks.kecamatan)).events).toEqual([]);
  });

  it('never ends a page inside a command, whatever the limit, and the pages add up to the whole feed', async () => {
    await toDinkes('kasus-1');
    await toDinkes('kasus-2');
    const whole = await pullAll(world.clerks.desa, '', 1000);
    let cursor = '';
    const paged: string[] = [];
    for (let pages = 0; pages < 50; pages++) {
      const page = await pullPage(world.clerks.desa, cursor, 1);
      // Each page holds every event of the commands it touches.
      const commands = new Set(page.events.map((e) => e.event.commandId));
      for (const commandId of commands) {
        expect(page.events.filter((e) => e.event.commandId === commandId).length).toBe(whole.events.filter((e) => e.event.commandId === commandId).length);
      }
      paged.push(...idsOf(page.events));
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(paged).toEqual(idsOf(whole.events));
    expect(new Set(paged).size).toBe(paged.length);
  });

  it('refuses a malformed cursor in both languages', async () => {
    const response = await world.clerks.desa.request('GET', `/api/v1/sync/pull?after=${encodeURIComponent("1' OR '1'='1")}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('sync.cursorInvalid');
  });

  it('runs the SPM sample to its end across four offices, each pulling the same timeline', async () => {
    const c = 'kasus-penuh';
    const steps: [keyof SpmWorld['clerks'], (revision: number) => ReturnType<typeof completeCommand>][] = [
      ['desa', (r) => completeCommand(c, 's1', r, 'masyarakat-pemohon')],
      ['desa', (r) => completeCommand(c, 's2', r, 'desa-kelurahan')],
      ['dinkes', (r) => completeCommand(c, 's3', r, 'dinas-kesehatan')],
      ['desa', (r) => completeCommand(c, 's4', r, 'desa-kelurahan')],
      ['kecamatan', (r) => completeCommand(c, 's5', r, 'kecamatan')],
      ['kecamatan', (r) => chooseCommand(c, 's6', 'e6', r, 'kecamatan')],
      ['dinsos', (r) => chooseCommand(c, 's7', 'e8', r, 'dinas-sosial')],
      ['desa', (r) => completeCommand(c, 's8', r, 'desa-kelurahan')],
      ['desa', (r) => completeCommand(c, 's9', r, 'desa-kelurahan')],
      ['desa', (r) => completeCommand(c, 's10', r, 'desa-kelurahan')],
    ];
    await start(c);
    let revision = 1;
    for (const [office, make] of steps) {
      const [result] = await push(world.clerks[office], [asPush(make(revision))]);
      expect(result!.status, `${office}: ${JSON.stringify(result)}`).toBe('applied');
      revision += 1;
    }
    const timelines = await Promise.all((['desa', 'kecamatan', 'dinkes', 'dinsos'] as const).map(async (o) => (await pullAll(world.clerks[o])).events.map((e) => e.event)));
    const state = foldEvents([...timelines[0]!].sort((a, b) => a.revision - b.revision));
    expect(state?.status).toBe('finished');
    for (const timeline of timelines) {
      const byId = (events: CaseEvent[]) => [...new Map(events.map((e) => [e.id, e])).values()].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(timeline)).toEqual(byId(timelines[0]!));
    }
    expect((await pullAll(world.clerks.desaTetangga)).events).toEqual([]);
  });
});
