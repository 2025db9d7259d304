import { afterEach, beforeEach, expect, it } from 'vitest';
import { sopContentHash } from '../../core/engine';
import type { CatalogueEntry, OfficeWithLanes } from '../../core/sync/protocol';
import { describeOnEachDatabase } from '../testing/databases';
import { publishedSample } from '../testing/sopFixtures';
import { asPush, completeCommand, push, startCommand } from '../testing/spmWorld';
import v1Bwi from '../../core/migrations/fixtures/bwi-spm-online.v1.sop.json';
import { makeOffice, makeUser, rowCounts, signIn, startTestServer, tableSnapshot, type Browser, type TestServer } from '../testing/testServer';

describeOnEachDatabase('publication and catalogue', (database) => {
  let server: TestServer;
  let publisher: Browser;
  let desa: OfficeWithLanes;
  beforeEach(async () => {
    server = await startTestServer(database.db);
    const dinas = await makeOffice(server, { regionCode: '35.08' });
    publisher = await signIn(server, (await makeUser(server, { officeId: dinas.id, roles: ['publisher'] })).login);
    desa = await makeOffice(server, { regionCode: '35.08.01.2001', lanes: [{ sopId: 'lmj-01-ugb', actorId: 'staf' }, { sopId: 'lmj-01-ugb', actorId: 'kasi' }] });
  });
  afterEach(async () => server?.close());

  it('publishes a revision once: 201, then 200 for the same content, 409 for other content under that number', async () => {
    const rev1 = publishedSample('lmj-01-ugb');
    const first = await publisher.request('PUT', '/api/v1/sops/lmj-01-ugb/revisions/1', { document: rev1 });
    expect(first.statusCode).toBe(201);
    expect(first.json().revision).toEqual({
      sopId: 'lmj-01-ugb',
      revision: 1,
      contentHash: sopContentHash(rev1),
      title: rev1.identity.title,
      publishedAt: server.ctx.now().toISOString(),
    });

    server.advance(60_000);
    // A retried upload, with keys in another order: same content, same hash.
    const reordered = Object.fromEntries(Object.entries(rev1).reverse());
    const again = await publisher.request('PUT', '/api/v1/sops/lmj-01-ugb/revisions/1', { document: reordered });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());

    const before = await tableSnapshot(database.db);
    const changed = publishedSample('lmj-01-ugb', (d) => (d.identity.title = 'Judul lain'));
    const conflict = await publisher.request('PUT', '/api/v1/sops/lmj-01-ugb/revisions/1', { document: changed });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error).toMatchObject({ code: 'revision.conflict', message: { id: expect.stringContaining('revisi baru'), en: expect.stringContaining('new revision') } });
    expect(await tableSnapshot(database.db)).toBe(before);
  });

  it('accepts a revision an older designer publishes in schema v1: checked migrated, stored and hashed as sent, and run migrated', async () => {
    const v1 = structuredClone(v1Bwi) as unknown as Record<string, unknown>;
    const hash = sopContentHash(structuredClone(v1) as never);
    const put = await publisher.request('PUT', '/api/v1/sops/bwi-spm-online/revisions/1', { document: v1 });
    expect(put.statusCode, put.body).toBe(201);
    expect(put.json().revision).toMatchObject({ contentHash: hash, title: 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine' });
    // The same v1 document again is the same revision; its migrated form is other content.
    expect((await publisher.request('PUT', '/api/v1/sops/bwi-spm-online/revisions/1', { document: v1 })).statusCode).toBe(200);
    const migrated = publishedSample('bwi-spm-online', undefined, '2024-01-16');
    expect((await publisher.request('PUT', '/api/v1/sops/bwi-spm-online/revisions/1', { document: { ...migrated, revision: (v1 as { revision: unknown }).revision } })).statusCode).toBe(409);

    const got = await publisher.request('GET', '/api/v1/sops/bwi-spm-online/revisions/1');
    expect(got.json()).toMatchObject({ document: v1, contentHash: hash });

    // A case on it runs on the server, which reads the stored v1 text migrated.
    const office = await makeOffice(server, { regionCode: '35.10.01.2001', lanes: [{ sopId: 'bwi-spm-online', actorId: 'masyarakat-pemohon' }, { sopId: 'bwi-spm-online', actorId: 'desa-kelurahan' }] });
    const clerk = await signIn(server, (await makeUser(server, { officeId: office.id, positions: office.lanes })).login);
    const [started] = await push(clerk, [asPush(startCommand('kasus-v1'), v1 as never)]);
    expect(started, JSON.stringify(started)).toMatchObject({ status: 'applied' });
    const [completed] = await push(clerk, [asPush(completeCommand('kasus-v1', 's1', 1, 'masyarakat-pemohon'))]);
    expect(completed, JSON.stringify(completed)).toMatchObject({ status: 'applied' });
    const pinned = await database.db.query<{ sop_content_hash: string }>('SELECT sop_content_hash FROM cases');
    expect(pinned.rows).toEqual([{ sop_content_hash: hash }]);
  });

  it('refuses a document the publish rules refuse, a draft, and a document whose id or number is not the address', async () => {
    const before = await rowCounts(database.db);
    const rev1 = publishedSample('lmj-01-ugb');

    const dangling = structuredClone(rev1);
    const edge = dangling.flows[0]!.edges.find((e) => 'to' in e && e.to)!;
    (edge as { to: string }).to = 'nowhere';
    const invalid = await publisher.request('PUT', '/api/v1/sops/lmj-01-ugb/revisions/1', { document: dangling });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.code).toBe('sop.invalid');
    // The same diagnostics the designer shows, at the same pointers.
    const edgeIndex = dangling.flows[0]!.edges.indexOf(edge);
    expect(Object.keys(invalid.json().error.details)).toContain(`/document/flows/0/edges/${edgeIndex}/to`);

    const broken = await publisher.request('PUT', '/api/v1/sops/lmj-01-ugb/revisions/1', { document: { ...rev1, flows: 'none' } });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.details).toHaveProperty('/document/flows');

    const draft = await publisher.request('PUT', '/api/v1/sops/lmj-01-ugb/revisions/1', { document: { ...rev1, revision: { number: 1, status: 'draft' } } });
    expect([draft.statusCode, draft.json().error.code]).toEqual([422, 'revision.notPublished']);

    const otherNumber = await publisher.request('PUT', '/api/v1/sops/lmj-01-ugb/revisions/2', { document: rev1 });
    expect([otherNumber.statusCode, otherNumber.json().error.code]).toEqual([422, 'sop.idMismatch']);
    const otherSop = await publisher.request('PUT', '/api/v1/sops/lmj-02-pub/revisions/1', { document: rev1 });
    expect([otherSop.statusCode, otherSop.json().error.code]).toEqual([422, 'sop.idMismatch']);
    expect(otherSop.json().error.message.id).toContain('lmj-01-ugb');

    const zero = await publisher.request('PUT', '/api/v1/sops/lmj-01-ugb/revisions/0', { document: rev1 });
    expect(zero.statusCode).toBe(400);
    const noDocument = await publisher.request('PUT', '/api/v1/sops/lmj-01-ugb/revisions/1', { doc: rev1 });
    expect(noDocument.statusCode).toBe(400);

    expect(await rowCounts(database.db)).toEqual(before);
  });

  it('lists in the catalogue the latest revision of each SOP the office plays a lane in, with its lanes', async () => {
    const rev1 = publishedSample('lmj-01-ugb');
    const rev2 = publishedSample('lmj-01-ugb', (d) => Object.assign(d, { revision: rev1.revision }), '2026-12-02');
    expect(rev2.revision.number).toBe(2);
    await publisher.request('PUT', '/api/v1/sops/lmj-01-ugb/revisions/1', { document: rev1 });
    server.advance(3600_000);
    await publisher.request('PUT', '/api/v1/sops/lmj-01-ugb/revisions/2', { document: rev2 });
    const other = publishedSample('lmj-02-pub');
    expect((await publisher.request('PUT', '/api/v1/sops/lmj-02-pub/revisions/1', { document: other })).statusCode).toBe(201);

    const clerk = await signIn(server, (await makeUser(server, { officeId: desa.id })).login);
    const catalogue = await clerk.request('GET', '/api/v1/catalogue');
    expect(catalogue.statusCode).toBe(200);
    expect(catalogue.json<{ entries: CatalogueEntry[] }>().entries).toEqual([
      {
        sopId: 'lmj-01-ugb',
        revision: 2,
        contentHash: sopContentHash(rev2),
        title: rev2.identity.title,
        publishedAt: server.ctx.now().toISOString(),
        lanes: ['kasi', 'staf'],
      },
    ]);

    const read = await clerk.request('GET', '/api/v1/sops/lmj-01-ugb/revisions/1');
    expect(read.statusCode).toBe(200);
    expect(read.json().document).toEqual(rev1);
    expect(read.json().contentHash).toBe(sopContentHash(rev1));
    expect(sopContentHash(read.json().document)).toBe(sopContentHash(rev1));

    const noLane = await clerk.request('GET', '/api/v1/sops/lmj-02-pub/revisions/1');
    expect([noLane.statusCode, noLane.json().error.code]).toEqual([403, 'revision.forbidden']);
    const unknown = await clerk.request('GET', '/api/v1/sops/lmj-01-ugb/revisions/9');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'revision.unknown']);
    // The publisher reads whatever was published.
    expect((await publisher.request('GET', '/api/v1/sops/lmj-02-pub/revisions/1')).statusCode).toBe(200);
  });
});
