import { describe, expect, it } from 'vitest';
import { publishRevision } from '../../core/document';
import { sopContentHash } from '../../core/engine';
import { addRevision, getRevision } from '../../device';
import { sampleDoc } from '../storage/testing';
import { caseEvents, commitCommand, newId } from '../storage/repository';
import { TransportError } from './transport';
import { CATALOGUE_CONFLICTS_KEY, CURSOR_KEY, syncValue } from './syncStore';
import { caseAtS2, officeDevicesClosedAfterEach, ok, step } from './testing/scenarios';
import { SOP_ID, twoOfficeServer } from './testing/world';

const office = officeDevicesClosedAfterEach();
const sharedCaseAtS2 = () => caseAtS2(office, { withFile: true });

describe('case sync between two offices (fake server, Chromium IndexedDB)', () => {
  it('sends a case with its files and brings it to the other office, with the SOP revision fetched and checked', async () => {
    const { server, kemiren, glagah, caseId } = await sharedCaseAtS2();
    expect(await kemiren.db.outbox.count()).toBe(0);
    expect(server.caseEvents(caseId).map((e) => e.type)).toEqual(['case.started', 'step.activated', 'step.completed', 'step.activated']);
    // The file went up before the command, under its SHA-256.
    const puts = server.requests.filter((r) => r.method === 'PUT').map((r) => r.path);
    const firstPush = server.requests.findIndex((r) => r.path === '/sync/push' && JSON.stringify(r.body).includes('"step.complete"'));
    expect(puts).toHaveLength(1);
    expect(server.requests.findIndex((r) => r.method === 'PUT')).toBeLessThan(firstPush);
    expect(await [...server.attachments.values()][0]!.text()).toBe('KTP Siti');

    const there = (await glagah.db.cases.get(caseId))!;
    expect(there.state).toEqual(server.cases.get(caseId)!.state);
    expect(there.applicantName).toBe('Siti Aminah');
    expect(there.currentActors).toEqual(['desa-kelurahan']);
    expect((await glagah.db.sops.get(`${SOP_ID}@1`))!.contentHash).toBe(there.state.sop.contentHash);
    // Events name the signed-in user, as the server stamped them.
    expect(there.state.startedBy?.person).toMatchObject({ id: 'u-rina', name: 'Rina Operator', office: 'Kantor Desa Kemiren' });
    expect(await syncValue(glagah.db, CURSOR_KEY)).toBeTruthy();
    // The catalogue came down for offline use, marked as from the server.
    expect((await getRevision(glagah.device, `${SOP_ID}@1`))?.source).toBe('server');
  });

  it('two offices complete the same step offline: exactly one wins, the other\'s input is kept for review, nothing lost', async () => {
    const { server, kemiren, glagah, caseId } = await sharedCaseAtS2();
    ok(await commitCommand(kemiren.db, step(caseId, 2, 's2', { note: 'Terdaftar di SIAK (Kemiren)', by: { actorId: 'desa-kelurahan' } })));
    ok(await commitCommand(glagah.db, step(caseId, 2, 's2', { note: 'Dicek dari kecamatan', by: { actorId: 'desa-kelurahan' } })));

    await kemiren.client().syncOnce();
    await glagah.client().syncOnce();

    const s2Done = server.caseEvents(caseId).filter((e) => e.type === 'step.completed' && e.stepId === 's2');
    expect(s2Done).toHaveLength(1);
    expect((s2Done[0] as { submission: { note?: string } }).submission.note).toBe('Terdaftar di SIAK (Kemiren)');
    // Glagah's case is now the server's, and its own input waits for a clerk in review.
    expect((await glagah.db.cases.get(caseId))!.state).toEqual(server.cases.get(caseId)!.state);
    expect(await glagah.db.outbox.count()).toBe(0);
    const kept = await glagah.db.review.toArray();
    expect(kept).toHaveLength(1);
    expect((kept[0]!.command as { note?: string }).note).toBe('Dicek dari kecamatan');
    expect(kept[0]!.rejection.code).toBe('step.notActive');
    expect(kept[0]!.rejection.message.id).toMatch(/tidak aktif|bukan langkah aktif|sedang/i);
    expect(await kemiren.db.review.count()).toBe(0);
  });

  it('keeps the outbox through failed pushes (no network, server error) and sends it once the server answers', async () => {
    const { server, kemiren, caseId } = await sharedCaseAtS2();
    const command = step(caseId, 2, 's2', { by: { actorId: 'desa-kelurahan' } });
    ok(await commitCommand(kemiren.db, command));
    const client = kemiren.client();

    server.failNext('POST', /^\/sync\/push$/, 'offline');
    await expect(client.syncOnce()).rejects.toMatchObject({ kind: 'offline' });
    server.failNext('POST', /^\/sync\/push$/, 'error500');
    await expect(client.syncOnce()).rejects.toBeInstanceOf(TransportError);
    const row = (await kemiren.db.outbox.get(command.id))!;
    expect(row.tries).toBe(2);
    expect(row.lastError?.message.en).toBe('Server error.');

    await client.syncOnce();
    expect(await kemiren.db.outbox.count()).toBe(0);
    expect(server.caseEvents(caseId).some((e) => e.commandId === command.id)).toBe(true);
  });

  it('a busy server (503, Retry-After) keeps the outbox, and the loop stays away as long as it was asked', async () => {
    const { server, kemiren, caseId } = await sharedCaseAtS2();
    const command = step(caseId, 2, 's2', { by: { actorId: 'desa-kelurahan' } });
    ok(await commitCommand(kemiren.db, command));
    server.failNext('POST', /^\/sync\/push$/, 'busy503', 5);
    await expect(kemiren.client().syncOnce()).rejects.toMatchObject({ kind: 'server', status: 503, retryAfterMs: 30_000 });
    expect((await kemiren.db.outbox.get(command.id))!.lastError?.message.id).toBe('Server sedang sibuk.');

    // The loop: one push, refused busy, then nothing for the 30 s asked (the backoff alone would retry within 2 s).
    let pushed = 0;
    const client = kemiren.client({
      random: () => 0,
      fetch: (input, init) => {
        if (String(input).endsWith('/sync/push')) pushed += 1;
        return kemiren.transport.fetch!(input, init);
      },
    });
    client.start();
    await expect.poll(() => pushed, { timeout: 5_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(pushed).toBe(1);
    expect(await kemiren.db.outbox.count()).toBe(1);
  });

  it('a crash between push and answer, then a retry from a fresh page: the server keeps one copy, the device matches it', async () => {
    const { server, kemiren, caseId } = await sharedCaseAtS2();
    const command = step(caseId, 2, 's2', { by: { actorId: 'desa-kelurahan' } });
    ok(await commitCommand(kemiren.db, command));

    server.failNext('POST', /^\/sync\/push$/, 'lostAnswer');
    await expect(kemiren.client().syncOnce()).rejects.toMatchObject({ kind: 'offline' });
    expect(await kemiren.db.outbox.count()).toBe(1);
    expect(server.caseEvents(caseId).filter((e) => e.commandId === command.id)).toHaveLength(2);

    // The page reloads: a new client, the same database.
    await kemiren.client().syncOnce();
    const pushes = server.requests.filter((r) => r.path === '/sync/push');
    expect(pushes.length).toBeGreaterThanOrEqual(2);
    expect(server.caseEvents(caseId).filter((e) => e.commandId === command.id)).toHaveLength(2);
    expect(await kemiren.db.outbox.count()).toBe(0);
    expect(await caseEvents(kemiren.db, caseId)).toEqual(server.caseEvents(caseId));
  });

  it('puts a command the server refuses in review with the server\'s reason, and its files with it', async () => {
    const { kemiren, caseId } = await sharedCaseAtS2();
    // Rina acts as the village lane (hers) for s2 but claims Kecamatan for the return: the server refuses it.
    const file = { id: newId(), blob: new Blob(['foto rumah']), name: 'rumah.jpg', type: 'image/jpeg' };
    ok(await commitCommand(kemiren.db, step(caseId, 2, 's2', { by: { actorId: 'desa-kelurahan' } })));
    ok(await commitCommand(kemiren.db, step(caseId, 3, 's3', { by: { actorId: 'dinas-kesehatan' }, output: 'Rujukan' }), { attachments: [file] }));
    await kemiren.client().syncOnce();
    const kept = (await kemiren.db.review.toArray())[0]!;
    expect(kept.source).toBe('server');
    expect(kept.rejection).toMatchObject({ code: 'lane.forbidden', message: { en: 'You do not act as dinas-kesehatan.' } });
    expect(kept.files.map((f) => f.name)).toEqual(['rumah.jpg']);
    expect(await kept.files[0]!.blob.text()).toBe('foto rumah');
    expect(await kemiren.db.attachments.get(file.id)).toBeUndefined();
    expect((await kemiren.db.cases.get(caseId))!.revision).toBe(3);
  });

  it('pulls page by page until the server has no more, never folding half a command', async () => {
    const { server, kemiren, caseId } = await sharedCaseAtS2();
    ok(await commitCommand(kemiren.db, step(caseId, 2, 's2', { by: { actorId: 'desa-kelurahan' } })));
    await kemiren.client().syncOnce();
    const late = await office(server, 'budi');
    const { pulled } = await late.client({ pullLimit: 1 }).syncOnce();
    expect(pulled).toBeGreaterThanOrEqual(server.caseEvents(caseId).length);
    expect(server.requests.filter((r) => r.login === 'budi' && r.path === '/sync/pull').length).toBeGreaterThan(3);
    expect((await late.db.cases.get(caseId))!.state).toEqual(server.cases.get(caseId)!.state);
  });
});

describe('the catalogue from the server', () => {
  it('keeps a revision this device holds with other content, still brings the rest, says so, and recovers with the next revision', async () => {
    const server = twoOfficeServer();
    // The village office also plays a lane in Lumajang's SPM, published on the server.
    server.offices.get('desa-kemiren')!.lanes.push({ sopId: 'lmj-16-spm', actorId: 'pengelola' });
    server.publish(sampleDoc('lmj-16-spm'));
    const kemiren = await office(server, 'rina');
    // A designer on this computer published its own revision 1 (the server refused it with 409).
    const own = sampleDoc(SOP_ID);
    own.identity.number = '400/77/429.114/2026';
    await addRevision(kemiren.device, own, { source: 'designer' });

    await kemiren.client().syncOnce();
    expect(await getRevision(kemiren.device, `${SOP_ID}@1`)).toMatchObject({ source: 'designer', contentHash: sopContentHash(own) });
    expect((await getRevision(kemiren.device, 'lmj-16-spm@1'))?.source).toBe('server');
    expect(await syncValue(kemiren.db, CATALOGUE_CONFLICTS_KEY)).toEqual([{ sopId: SOP_ID, revision: 1, title: own.identity.title }]);
    // What the device cannot store is not downloaded again and again.
    expect(server.requests.filter((r) => r.path === `/sops/${SOP_ID}/revisions/1`)).toEqual([]);

    // The publisher publishes the next revision: it comes down, and the notice goes.
    const next = publishRevision(sampleDoc(SOP_ID), { note: 'Revisi berikutnya', date: '2026-12-03' });
    if (!next.ok) throw new Error('sample did not publish');
    server.publish(next.published);
    await kemiren.client().syncOnce();
    expect((await getRevision(kemiren.device, `${SOP_ID}@2`))?.source).toBe('server');
    expect(await syncValue(kemiren.db, CATALOGUE_CONFLICTS_KEY)).toBeUndefined();
  });
});

describe('one tab syncs (Web Locks)', () => {
  it('runs the loop in one of two tabs; the other waits and takes over when the first closes', async () => {
    const { server, kemiren, caseId } = await sharedCaseAtS2();
    const pushedBy: string[] = [];
    const tab = (name: string) =>
      kemiren.client({
        fetch: async (input, init) => {
          if (String(input).endsWith('/sync/push')) pushedBy.push(name);
          return kemiren.transport.fetch!(input, init);
        },
        pollMs: 60_000,
      });
    const first = tab('first');
    const second = tab('second');
    first.start();
    await until(() => first.activity === 'idle', 'first idle');
    second.start();
    await until(() => second.activity === 'follower', 'second follower');

    ok(await commitCommand(kemiren.db, step(caseId, 2, 's2', { by: { actorId: 'desa-kelurahan' } })));
    await until(async () => (await kemiren.db.outbox.count()) === 0, 'first pushed');
    expect(pushedBy.length).toBeGreaterThan(0);
    expect(new Set(pushedBy)).toEqual(new Set(['first']));

    await first.stop();
    await until(() => second.activity === 'idle', 'second took over');
    ok(await commitCommand(kemiren.db, { type: 'case.cancel', id: newId(), caseId, expectedRevision: 3, at: new Date().toISOString(), reason: 'Pemohon pindah domisili', by: { actorId: 'desa-kelurahan' } }));
    await until(async () => (await kemiren.db.outbox.count()) === 0);
    expect(pushedBy.at(-1)).toBe('second');
    expect(server.requests.length).toBeGreaterThan(0);
  });
});

async function until(condition: () => boolean | Promise<boolean>, what = 'condition', timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not met in time`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
