// A trial run of a draft SOP ("Uji coba"): cases go to the sandbox database, never to the real one.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { I18nProvider } from '../ui/i18n';
import { App } from './App';
import { RuntimeDb } from './storage/db';
import { listCases, seedPublishedSops } from './storage/repository';
import { sampleDoc } from './storage/testing';
import { isTrialUrl, openTrialRun } from './trial';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
  window.location.hash = '';
});

function database(label: string): RuntimeDb {
  const name = `sop-studio-${label}-${Date.now()}`;
  names.push(name);
  return new RuntimeDb(name);
}

describe('trial run of a draft (Chromium)', () => {
  it('runs two steps of a draft in the sandbox while the real case list stays empty; the sandbox wipes in one click', async () => {
    const real = database('real');
    await seedPublishedSops(real, [sampleDoc('bwi-spm-online')]);
    const sandbox = database('trial');
    const draft = sampleDoc('lmj-01-ugb');
    expect(draft.revision.status).toBe('draft');

    const url = await openTrialRun(draft, { db: sandbox, runtimeUrl: 'http://127.0.0.1/runtime/' });
    expect(isTrialUrl(new URL(url).search)).toBe(true);
    window.location.hash = new URL(url).hash;

    const screen = await render(
      <I18nProvider initialLang="id" persist={false}>
        <App trial db={sandbox} />
      </I18nProvider>,
    );
    await expect.element(screen.getByText(/^UJI COBA: SOP ini masih rancangan/)).toBeVisible();
    await screen.getByLabelText('Nama pemohon / lembaga').fill('Yayasan Contoh');
    await screen.getByRole('button', { name: 'Mulai kasus' }).click();
    await expect.element(screen.getByRole('heading', { level: 3, name: 'Langkah 1' })).toBeVisible();
    for (const step of ['1', '2']) {
      await screen.getByRole('checkbox', { name: /wajib diperiksa/ }).click();
      await screen.getByRole('button', { name: `Selesaikan langkah ${step}` }).click();
    }
    await expect.element(screen.getByRole('heading', { level: 3, name: 'Langkah 3' })).toBeVisible();

    expect(await sandbox.cases.count()).toBe(1);
    expect((await listCases(real, { status: 'all' })).rows).toEqual([]);
    expect(await real.cases.count()).toBe(0);
    expect(await real.events.count()).toBe(0);

    await screen.getByRole('button', { name: 'Hapus semua data uji coba' }).click();
    await expect.element(screen.getByText('Data uji coba telah dihapus.')).toBeVisible();
    expect(await sandbox.cases.count()).toBe(0);
    expect(await sandbox.sops.count()).toBe(0);
    await screen.unmount();
    real.close();
    sandbox.close();
  }, 60_000);
});
