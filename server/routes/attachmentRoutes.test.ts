import { createHash } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../core/sync/protocol';
import { describeOnEachDatabase } from '../testing/databases';
import { asPush, completeCommand, push, spmWorld, startCommand, type SpmWorld } from '../testing/spmWorld';
import { startTestServer, tableSnapshot, type Browser, type TestServer } from '../testing/testServer';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 300 }, (_, i) => i % 256)]);

describeOnEachDatabase('attachments', (database) => {
  let server: TestServer;
  let world: SpmWorld;

  beforeEach(async () => {
    server = await startTestServer(database.db);
    world = await spmWorld(server);
  });
  afterEach(async () => server?.close());

  const put = (clerk: Browser, hash: string, bytes: Buffer, type = 'image/jpeg') => clerk.request('PUT', `/api/v1/attachments/${hash}`, bytes, { 'content-type': type });
  const get = (clerk: Browser, hash: string) => clerk.request('GET', `/api/v1/attachments/${hash}`);

  it('stores bytes under their SHA-256 (201, then 200 when held) and gives them back to the uploader', async () => {
    expect((await put(world.clerks.desa, sha(photo), photo)).statusCode).toBe(201);
    expect((await put(world.clerks.desa, sha(photo), photo)).statusCode).toBe(200);
    const back = await get(world.clerks.desa, sha(photo));
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/jpeg');
    expect(back.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(back.rawPayload, photo)).toBe(0);
    // A JSON file is a file: stored byte for byte, not parsed.
    const json = Buffer.from('{"bukan": "perintah"}  ');
    expect((await put(world.clerks.desa, sha(json), json, 'application/json')).statusCode).toBe(201);
    expect((await get(world.clerks.desa, sha(json))).body).toBe('{"bukan": "perintah"}  ');
  });

  it('refuses bytes that do not match the hash (422) and files over the limit (413), writing nothing', async () => {
    const before = await tableSnapshot(database.db, ['sessions']);
    const mismatch = await put(world.clerks.desa, sha(photo), Buffer.concat([photo, Buffer.from([1])]));
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.code).toBe('attachment.hashMismatch');
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 7);
    const tooLarge = await put(world.clerks.desa, sha(big), big);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe('request.tooLarge');
    expect(await tableSnapshot(database.db, ['sessions'])).toBe(before);
  });

  it('lets read a file only the uploader, then offices that may read a case referring to it', async () => {
    await put(world.clerks.desa, sha(photo), photo);
    // Before any case refers to it, no one else.
    for (const office of ['dinkes', 'desaTetangga'] as const) expect((await get(world.clerks[office], sha(photo))).statusCode).toBe(404);
    await push(world.clerks.desa, [asPush(startCommand('kasus-1'), world.sop)]);
    const withFile = completeCommand('kasus-1', 's1', 1, 'masyarakat-pemohon', {
      attachments: [{ id: 'f1', name: 'ktp.jpg', type: 'image/jpeg', size: photo.length, sha256: sha(photo), requirementId: 's1-r1' }],
    });
    const [applied] = await push(world.clerks.desa, [{ ...asPush(withFile), attachments: [sha(photo)] }]);
    expect(applied!.status).toBe('applied');
    await push(world.clerks.desa, [asPush(completeCommand('kasus-1', 's2', 2, 'desa-kelurahan'))]);
    // The case reached Dinas Kesehatan Banyuwangi: it may read the file; Lumajang and the neighbouring village may not.
    expect((await get(world.clerks.dinkes, sha(photo))).statusCode).toBe(200);
    const refused = await get(world.clerks.dinkesLumajang, sha(photo));
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.message.id).not.toBe(refused.json().error.message.en);
    expect((await get(world.clerks.desaTetangga, sha(photo))).statusCode).toBe(404);
  });

  it('refuses a command referring to a file not uploaded, or uploaded by another office, and writes nothing', async () => {
    await push(world.clerks.desa, [asPush(startCommand('kasus-1'), world.sop)]);
    await put(world.clerks.desaTetangga, sha(photo), photo);
    const before = await tableSnapshot(database.db, ['sessions']);
    for (const hash of ['a'.repeat(64), sha(photo)]) {
      const command = completeCommand('kasus-1', 's1', 1, 'masyarakat-pemohon', {
        attachments: [{ id: 'f1', name: 'ktp.jpg', type: 'image/jpeg', size: 1, sha256: hash }],
      });
      const [result] = await push(world.clerks.desa, [asPush(command)]);
      expect(result).toMatchObject({ status: 'rejected', rejection: { code: 'attachment.missing' } });
    }
    expect(await tableSnapshot(database.db, ['sessions'])).toBe(before);
  });
});
