import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { DeviceDb, storedSession } from '../../device';
import { loadSamples } from '../../samples';
import { FakeServer, type CookieJar } from '../../ui/server/testing/fakeServer';
import { openDesigner } from './helpers';

const SOP = 'bwi-spm-online';
const PASSWORD = 'kata-sandi-uji';
const sample = (id: string) => structuredClone(loadSamples().find((d) => d.id === id)!);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0)) await clean();
});

function fakeServer(): FakeServer {
  return new FakeServer()
    .addOffice({ id: 'dinsos', name: 'Dinas Sosial Kabupaten Banyuwangi', regionCode: '35.10', parentId: null, lanes: [] })
    .addUser({ id: 'u-sari', login: 'sari', name: 'Sari Penerbit', officeId: 'dinsos', positions: [], roles: ['drafter', 'publisher'] }, PASSWORD);
}

describe('journey: a publisher signs in in the designer and publishes to the server', () => {
  it('signs in from the header, publishes revision 2, is told it was sent, and sees "terkirim" in Riwayat revisi; the runtime sees the same account', async () => {
    const server = fakeServer();
    const jar: CookieJar = {};
    const designer = await openDesigner({ seed: () => [sample(SOP)], openRequest: SOP, server: { fetch: server.fetchFor(jar) } });
    const device = new DeviceDb(`${designer.dbName}.device`);
    cleanups.push(async () => {
      await designer.dispose();
      device.close();
      await Dexie.delete(device.name);
    });
    const { screen } = designer;

    await screen.getByRole('button', { name: 'Server: belum masuk' }).click();
    await screen.getByLabelText('Nama pengguna').fill('sari');
    await screen.getByLabelText('Kata sandi').fill(PASSWORD);
    await screen.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect.element(screen.getByText('Peran: penyusun, penerbit')).toBeVisible();
    await screen.getByRole('button', { name: 'Tutup' }).click();
    await expect.element(screen.getByRole('button', { name: 'Server: Sari Penerbit' })).toBeVisible();

    // The account is the origin's: kept in the device database, where the runtime reads its account too.
    expect(await storedSession(device)).toMatchObject({ baseUrl: '', user: { login: 'sari', roles: ['drafter', 'publisher'] } });

    await screen.getByRole('button', { name: 'Terbitkan…' }).click();
    await expect.element(screen.getByTestId('publish-server')).toHaveTextContent('dikirim ke server atas nama Sari Penerbit');
    await userEvent.fill(screen.getByRole('textbox', { name: 'Catatan perubahan' }), 'Waktu langkah diperbarui');
    await screen.getByRole('button', { name: 'Terbitkan revisi 2' }).click();
    await expect.element(screen.getByText(/Revisi 2 terkirim ke server\./)).toBeVisible();
    expect(server.heldRevision(SOP, 2)?.document.revision).toMatchObject({ number: 2, status: 'published' });

    await screen.getByRole('tab', { name: 'Riwayat' }).click();
    await expect.element(screen.getByTestId('server-status-2')).toHaveTextContent(/^terkirim/);
    // Revision 1 came with the sample, before any sign-in: a publisher may send it from here.
    await expect.element(screen.getByTestId('server-status-1')).toHaveTextContent('belum dikirim');
    await screen.getByRole('button', { name: 'Kirim revisi 1 ke server' }).click();
    await expect.element(screen.getByTestId('server-status-1')).toHaveTextContent(/^terkirim/);
  });
});
