// A revision published on the server reaches a clerk who is already signed in within seconds: the stream's
// `catalogue` event makes the sync loop read the catalogue at once, not at its 5-minute catalogue poll. Likewise
// a `changed` that comes while a round is running: the loop runs another round rather than sleeping to the poll.
import { afterEach, describe, expect, it } from 'vitest';
import { publishRevision } from '../../core/document';
import { getRevision } from '../../device';
import { deviceCatalogue } from '../catalogue/runtimeCatalogue';
import { sampleDoc } from '../storage/testing';
import { SOP_ID, officeDevice, twoOfficeServer, type OfficeDevice } from './testing/world';
import type { FetchLike } from './transport';
import { commitCommand } from '../storage/repository';
import { caseAtS2, officeDevicesClosedAfterEach, ok, step } from './testing/scenarios';

const devices: OfficeDevice[] = [];
const office = officeDevicesClosedAfterEach();
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

/** The next revision of the SPM sample, as a publisher's designer makes it. */
function nextRevision() {
  const next = publishRevision(sampleDoc(SOP_ID), { note: 'Persyaratan diperbarui', date: '2026-12-03' });
  if (!next.ok) throw new Error('the sample did not publish');
  return next.published;
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the catalogue event on the live stream (fake server, Chromium IndexedDB)', () => {
  it('brings a newly published revision into the device catalogue and offers it for new cases, without waiting for the poll', async () => {
    const server = twoOfficeServer();
    const kemiren = await officeDevice(server, 'rina');
    devices.push(kemiren);
    const client = kemiren.client({ pollMs: 10 * 60_000 });
    client.start();
    const offered = deviceCatalogue(kemiren.device, kemiren.db);
    const keys = async () => (await offered.listOffered()).map((item) => item.key);
    await until(async () => (await keys()).join() === `${SOP_ID}@1`, 'revision 1 offered after the first round');
    await until(() => client.activity === 'idle', 'idle, sleeping until the next poll');
    const reads = () => server.requests.filter((r) => r.path === '/catalogue').length;
    const readsBefore = reads();

    const published = nextRevision();
    server.publish(published, '2026-12-03T02:00:00.000Z');
    await until(async () => (await keys()).join() === `${SOP_ID}@2`, 'revision 2 offered after the notice');
    expect(await getRevision(kemiren.device, `${SOP_ID}@2`)).toMatchObject({ source: 'server', revision: 2 });
    expect(reads()).toBe(readsBefore + 1);
  });

  it('reads the catalogue again when the notice comes while a round is running, rather than sleeping until the poll', async () => {
    const server = twoOfficeServer();
    const published = nextRevision();
    let announced = false;
    const kemiren = await officeDevice(server, 'rina');
    devices.push(kemiren);
    // The publication lands just after this round read the catalogue, while the round is still finishing.
    const fetch: FetchLike = async (input, init) => {
      const response = await kemiren.transport.fetch!(input, init);
      if (!announced && String(input).endsWith('/catalogue')) {
        announced = true;
        server.publish(published);
      }
      return response;
    };
    const client = kemiren.client({ pollMs: 10 * 60_000, fetch });
    client.start();
    const offered = deviceCatalogue(kemiren.device, kemiren.db);
    await until(async () => (await offered.listOffered()).some((item) => item.key === `${SOP_ID}@2`), 'revision 2 offered');
    expect(announced).toBe(true);
  });

  it("pulls again when another office's change is announced while a round is running, rather than sleeping until the poll", async () => {
    const { server, kemiren, glagah, caseId } = await caseAtS2(office);
    let pushing = false;
    let announced = false;
    // Kemiren's step 2 reaches the server just after Glagah's round read the feed, while that round is finishing:
    // the `changed` it causes comes while Glagah's loop is awake.
    const fetch: FetchLike = async (input, init) => {
      const response = await glagah.transport.fetch!(input, init);
      if (!pushing && String(input).includes('/sync/pull')) {
        pushing = true;
        ok(await commitCommand(kemiren.db, step(caseId, 2, 's2', { note: 'Terdaftar di SIAK', by: { actorId: 'desa-kelurahan' } })));
        await kemiren.client().syncOnce();
        announced = true;
      }
      return response;
    };
    const client = glagah.client({ pollMs: 10 * 60_000, fetch });
    client.start();
    await until(async () => (await glagah.db.cases.get(caseId))?.state.revision === server.cases.get(caseId)!.state.revision && announced, "Kemiren's step 2 at Glagah");
    expect((await glagah.db.cases.get(caseId))!.state).toEqual(server.cases.get(caseId)!.state);
  });
});
