import { afterEach, describe, expect, it } from 'vitest';
import { loadSample } from '../../samples';
import { designerSopHref, requestedSopId, withoutSopRequest } from '../../ui/appLinks';
import { openDesigner } from '../tests/helpers';
import { openDesignerDb, SopRepository } from '../storage';

let designer: Awaited<ReturnType<typeof openDesigner>> | undefined;
afterEach(async () => {
  await designer?.dispose();
  designer = undefined;
});

const SKTM = 'oku-01-sktm';
const sktm = () => structuredClone(loadSample(SKTM)!);
const TITLE = sktm().identity.title;

/** Writes into the designer's database as another session of the drafter would have. */
async function withRepository(dbName: string, run: (repository: SopRepository) => Promise<void>) {
  const db = openDesignerDb({ name: dbName, seed: () => [sktm()] });
  try {
    await run(new SopRepository(db));
  } finally {
    db.close();
  }
}

describe('a link that opens one SOP in the designer (the start page\'s samples)', () => {
  it('builds and reads designer/?sop=<id>', () => {
    expect(designerSopHref('oku-01-sktm')).toBe('./designer/?sop=oku-01-sktm');
    expect(requestedSopId('?sop=oku-01-sktm&x=1')).toBe('oku-01-sktm');
    expect(requestedSopId('?sop=')).toBeNull();
    expect(withoutSopRequest('http://h/designer/?sop=a&x=1#top')).toBe('http://h/designer/?x=1#top');
  });

  it('creates the SOP from the bundled sample when the library no longer holds it, and opens it', async () => {
    designer = await openDesigner({ openRequest: SKTM });
    const screen = designer.screen;
    await expect.element(screen.getByRole('heading', { name: TITLE })).toBeVisible();
    await expect.element(screen.getByText('Contoh SOP ini ditambahkan ke pustaka Anda.')).toBeVisible();
    await expect.poll(() => document.querySelectorAll('.react-flow__node').length).toBeGreaterThan(0);
    expect(await designer.stored(SKTM)).toEqual(sktm());

    // The request is honoured once; a reload comes back to the same SOP through the session, with no notice.
    const again = await designer.reload();
    await expect.element(again.getByRole('heading', { name: TITLE })).toBeVisible();
    await expect.element(again.getByText('Contoh SOP ini ditambahkan ke pustaka Anda.')).not.toBeInTheDocument();
  }, 30_000);

  it('opens the drafter\'s edited copy as it is, never replacing it with the sample', async () => {
    const dbName = `open-request-edited-${Date.now()}`;
    await withRepository(dbName, async (repository) => {
      const loaded = (await repository.loadDraft(SKTM))!;
      loaded.doc.identity.title = 'SKTM versi kecamatan kami';
      await repository.saveDraft(loaded.doc, loaded.summary.saveCount);
    });
    designer = await openDesigner({ dbName, seed: () => [sktm()], openRequest: SKTM });
    const screen = designer.screen;
    await expect.element(screen.getByRole('heading', { name: 'SKTM versi kecamatan kami' })).toBeVisible();
    await expect.element(screen.getByText(/Draf Anda dari contoh ini dibuka, dengan perubahan Anda/)).toBeVisible();
    expect((await designer.stored(SKTM))!.identity.title).toBe('SKTM versi kecamatan kami');
  }, 30_000);

  it('brings back a copy the drafter deleted instead of overwriting it', async () => {
    const dbName = `open-request-deleted-${Date.now()}`;
    await withRepository(dbName, async (repository) => {
      const loaded = (await repository.loadDraft(SKTM))!;
      loaded.doc.identity.unit = 'Seksi Jaminan Sosial';
      await repository.saveDraft(loaded.doc, loaded.summary.saveCount);
      await repository.deleteDraft(SKTM);
    });
    designer = await openDesigner({ dbName, seed: () => [sktm()], openRequest: SKTM, lang: 'en' });
    await expect.element(designer.screen.getByText(/You had deleted this SOP; your draft was restored/)).toBeVisible();
    expect((await designer.stored(SKTM))!.identity.unit).toBe('Seksi Jaminan Sosial');
  }, 30_000);

  it('says so in the library when neither the library nor the samples hold that SOP', async () => {
    designer = await openDesigner({ seed: () => [sktm()], openRequest: 'tidak-ada' });
    const screen = designer.screen;
    await expect.element(screen.getByText('Tidak ada SOP dengan id "tidak-ada" di pustaka ini maupun di contoh.')).toBeVisible();
    await expect.element(screen.getByRole('heading', { name: 'Pustaka SOP' })).toBeVisible();
  }, 30_000);
});
