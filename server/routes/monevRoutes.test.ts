import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CaseEvent } from '../../core/engine';
import { caseFactsFromEvents, monevMeasures, monevStepsOf, type MonevQuery } from '../../core/monev';
import type { MonevResponse } from '../../core/sync/protocol';
import { describeOnEachDatabase } from '../testing/databases';
import { SERVER_MONEV_CALENDAR } from '../monev/monevFacts';
import { asPush, completeCommand, pullAll, push, spmWorld, SPM, startCommand, type SpmWorld } from '../testing/spmWorld';
import { makeOffice, makeUser, signIn, type Browser, type TestServer, startTestServer } from '../testing/testServer';

describeOnEachDatabase('monev route', (database) => {
  let server: TestServer;
  let world: SpmWorld;

  beforeEach(async () => {
    server = await startTestServer(database.db);
    world = await spmWorld(server);
  });
  afterEach(async () => server?.close());

  const applied = async (clerk: Browser, ...commands: Parameters<typeof asPush>[0][]) => {
    for (const command of commands) {
      const [result] = await push(clerk, [asPush(command, world.sop)]);
      expect(result!.status).toBe('applied');
    }
  };

  /** What the apps would compute over the cases the clerk's office pulled. */
  async function pureMeasures(clerk: Browser, query: MonevQuery) {
    const byCase = new Map<string, CaseEvent[]>();
    for (const { caseId, event } of (await pullAll(clerk)).events) byCase.set(caseId, [...(byCase.get(caseId) ?? []), event]);
    const facts = [...byCase.values()].map((events) => caseFactsFromEvents(events, SERVER_MONEV_CALENDAR)).sort((a, b) => a.startedAt - b.startedAt || (a.caseId < b.caseId ? -1 : 1));
    return JSON.parse(JSON.stringify(monevMeasures(facts, query, SERVER_MONEV_CALENDAR, monevStepsOf(world.sop))));
  }

  const measuresOf = async (clerk: Browser, search = '') => {
    const response = await clerk.request('GET', `/api/v1/monev/${SPM}${search}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<MonevResponse>();
  };

  it("answers the measures of the cases the office reads, as the apps compute them, and follows new pushes", async () => {
    await applied(world.clerks.desa, startCommand('kasus-1'), completeCommand('kasus-1', 's1', 1, 'masyarakat-pemohon'), completeCommand('kasus-1', 's2', 2, 'desa-kelurahan'));
    await applied(world.clerks.desa, startCommand('kasus-2'));
    // A neighbouring village's case: Kemiren's clerk does not read it.
    await applied(world.clerks.desaTetangga, startCommand('kasus-tetangga'));

    const first = await measuresOf(world.clerks.desa);
    expect(first).toMatchObject({ sopId: SPM, revision: world.sop.revision.number, timeZone: SERVER_MONEV_CALENDAR.timeZone });
    expect(first.measures.cases).toBe(2);
    expect(first.measures).toEqual(await pureMeasures(world.clerks.desa, {}));

    await applied(world.clerks.desa, completeCommand('kasus-2', 's1', 1, 'masyarakat-pemohon'));
    const second = await measuresOf(world.clerks.desa);
    expect(second.measures.steps.find((s) => s.stepId === 's1')!.done).toBe(2);
    expect(second.measures).toEqual(await pureMeasures(world.clerks.desa, {}));

    const office = 'Kantor Desa Kemiren';
    // Filters are parameters, never SQL: a quote in an office name is just a name no case has.
    expect((await measuresOf(world.clerks.desa, `?office=${encodeURIComponent("Desa' OR '1'='1")}`)).measures.cases).toBe(0);

    const filtered = await measuresOf(world.clerks.desa, `?office=${encodeURIComponent(office)}&lane=desa-kelurahan&from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00%2B07:00&revision=${world.sop.revision.number}`);
    const query = { office, lane: 'desa-kelurahan', from: Date.parse('2026-12-01T00:00:00Z'), to: Date.parse('2026-12-08T00:00:00+07:00'), revision: world.sop.revision.number };
    expect(filtered.measures).toEqual(await pureMeasures(world.clerks.desa, query));
    expect(filtered.measures.cases).toBe(2);
    expect(new Set(filtered.measures.steps.map((s) => s.actor))).toEqual(new Set(['desa-kelurahan']));
  });

  it('shows an office with the lane elsewhere no case, and refuses an office without a lane in the SOP', async () => {
    await applied(world.clerks.desa, startCommand('kasus-1'));
    expect((await measuresOf(world.clerks.dinkesLumajang)).measures.cases).toBe(0);

    const elsewhere = await makeOffice(server, { name: 'Dinas Pendidikan', regionCode: '35.10' });
    await makeUser(server, { officeId: elsewhere.id, login: 'guru' });
    const refused = await (await signIn(server, 'guru')).request('GET', `/api/v1/monev/${SPM}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'monev.forbidden', message: { id: expect.stringContaining('lajur'), en: expect.stringContaining('lane') } });

    const anonymous = await server.app.inject({ method: 'GET', url: `/api/v1/monev/${SPM}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a period that is not one, an unknown filter and an unpublished revision, in both languages', async () => {
    const desa = world.clerks.desa;
    const notADate = await desa.request('GET', `/api/v1/monev/${SPM}?from=2026-13-45T00:00:00Z`);
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().error).toMatchObject({ code: 'monev.periodInvalid', message: { id: expect.stringContaining('2026-13-45'), en: expect.stringContaining('2026-13-45') } });
    const backwards = await desa.request('GET', `/api/v1/monev/${SPM}?from=2026-12-08T00:00:00Z&to=2026-12-01T00:00:00Z`);
    expect(backwards.json().error.code).toBe('monev.periodInvalid');
    const noTimeZone = await desa.request('GET', `/api/v1/monev/${SPM}?from=2026-12-01T00:00:00`);
    expect(noTimeZone.statusCode).toBe(400);
    expect(noTimeZone.json().error.code).toBe('request.invalid');
    const unknownFilter = await desa.request('GET', `/api/v1/monev/${SPM}?kantor=x`);
    expect(unknownFilter.statusCode).toBe(400);
    const unpublished = await desa.request('GET', `/api/v1/monev/${SPM}?revision=99`);
    expect(unpublished.statusCode).toBe(404);
    expect(unpublished.json().error).toMatchObject({ code: 'revision.unknown', message: { id: expect.stringContaining('99'), en: expect.stringContaining('99') } });
  });
});
