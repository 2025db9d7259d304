// The clerk's view of sync, through the whole app in Chromium against the in-memory server:
// signing in makes the account the person, two offices on one step leave one case marked
// "Perlu tinjauan" with the kept input and the reason, and redo/discard are explicit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { I18nProvider } from '../../ui/i18n';
import { App } from '../App';
import { commitCommand, startCase } from '../storage/repository';
import { scratchDb } from '../storage/testing';
import { step } from './testing/scenarios';
import { officeDevice, twoOfficeServer, PASSWORD, SERVER_URL, type OfficeDevice } from './testing/world';
import type { TransportOptions } from './transport';
import type { RuntimeDb } from '../storage/db';
import Dexie from 'dexie';

const devices: OfficeDevice[] = [];
const scratch: RuntimeDb[] = [];

beforeEach(() => {
  window.location.hash = '';
});

afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
  for (const db of scratch.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
    await Dexie.delete(`${db.name}.device`);
  }
  window.location.hash = '';
});

function mount(db: RuntimeDb, sync: TransportOptions, lang: 'id' | 'en' = 'id') {
  return render(
    <I18nProvider initialLang={lang} persist={false}>
      <App db={db} seed={false} sync={sync} />
    </I18nProvider>,
  );
}

describe('signing in (Pengaturan → Server)', () => {
  it('links the device, makes the account the person acting, shows the status, and signs out', async () => {
    const server = twoOfficeServer();
    const db = scratchDb('sync-ui');
    scratch.push(db);
    const jar = {};
    const sync = { fetch: server.fetchFor(jar), openStream: server.openStreamFor(jar) };
    window.location.hash = '#/pengaturan';
    const screen = await mount(db, sync);
    await expect.element(screen.getByRole('heading', { name: 'Server' })).toBeVisible();
    // Not linked: no sync status at all (a local-only device is unchanged).
    expect(screen.container.querySelector('.rt-sync')).toBeNull();

    await screen.getByLabelText('Alamat server').fill(SERVER_URL);
    await screen.getByLabelText('Nama pengguna').fill('rina');
    await screen.getByLabelText('Kata sandi').fill('salah');
    await screen.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect.element(screen.getByRole('alert').filter({ hasText: 'Nama pengguna atau kata sandi salah.' })).toBeVisible();

    await screen.getByLabelText('Kata sandi').fill(PASSWORD);
    await screen.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect.element(screen.getByText('Rina Operator', { exact: true })).toBeVisible();
    await expect.element(screen.getByText('Kantor: Kantor Desa Kemiren (kode wilayah 35.10.01.2001)')).toBeVisible();
    await expect.element(screen.getByRole('link', { name: 'Petugas: Rina Operator' })).toBeVisible();
    const status = screen.getByRole('region', { name: 'Sinkronisasi dengan server' });
    await expect.element(status.getByText('Semua pekerjaan sudah terkirim')).toBeVisible();
    await expect.element(status.getByText(/^Sinkron terakhir: /)).toBeVisible();

    await screen.getByRole('button', { name: 'Keluar' }).click();
    await expect.element(screen.getByText(/Anda telah keluar\./)).toBeVisible();
    await expect.element(status.getByRole('alert')).toHaveTextContent(/Belum masuk ke server/);
    await expect.element(screen.getByLabelText('Nama pengguna')).toBeVisible();
    expect(server.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/session', login: 'rina' });
  });
});

describe('a session the server ended', () => {
  it('asks the clerk to sign in again at once when the stream says so, without retrying in a loop, and recovers', async () => {
    const server = twoOfficeServer();
    const kemiren = await officeDevice(server, 'rina', { withSop: true });
    devices.push(kemiren);
    const screen = await mount(kemiren.db, kemiren.transport);
    const status = screen.getByRole('region', { name: 'Sinkronisasi dengan server' });
    await expect.element(status.getByText(/^Sinkron terakhir: /)).toBeVisible();
    await expect.poll(() => server.openStreamCount).toBe(1);

    // An admin disables Rina (or she signs out on another computer): the server ends her sessions.
    const before = server.requests.length;
    server.endSessionsOf('rina');
    await expect.element(status.getByRole('alert')).toHaveTextContent(/Sesi Anda di server sudah berakhir/);
    expect(status.getByRole('button', { name: 'Sinkronkan sekarang' }).query()).toBeNull();
    expect(status.getByRole('status')).not.toHaveTextContent('Menyinkronkan');
    // One look (GET /me answered 401), then it waits for a sign-in: no stream reopened, no retry loop.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /me']);
    expect(server.openStreamCount).toBe(0);
    // The account still names who did the work kept on this device.
    await expect.element(screen.getByRole('link', { name: 'Petugas: Rina Operator' })).toBeVisible();

    await status.getByRole('link', { name: 'Masuk' }).click();
    await expect.element(screen.getByRole('alert').filter({ hasText: 'Sesi Rina Operator di server sudah berakhir.' })).toBeVisible();
    await expect.element(screen.getByLabelText('Nama pengguna')).toHaveValue('rina');
    await screen.getByLabelText('Kata sandi').fill(PASSWORD);
    await screen.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect.element(screen.getByRole('button', { name: 'Keluar' })).toBeVisible();
    await expect.element(status.getByRole('alert')).not.toBeInTheDocument();
    await expect.poll(() => server.openStreamCount).toBe(1);
  });
});

describe('a command kept for review', () => {
  async function conflict() {
    const server = twoOfficeServer();
    const kemiren = await officeDevice(server, 'rina', { withSop: true });
    const glagah = await officeDevice(server, 'budi');
    devices.push(kemiren, glagah);
    const started = await startCase(kemiren.db, { sopKey: kemiren.sopKey, fields: { nama: 'Siti Aminah', nik: '3510015205850002' }, by: { actorId: 'masyarakat-pemohon' } });
    if (!started.ok) throw new Error(started.rejection.message.en);
    const caseId = started.state.id;
    await commitCommand(kemiren.db, step(caseId, 1, 's1', { ticked: ['s1-r1', 's1-r2', 's1-r3'], by: { actorId: 'masyarakat-pemohon' } }));
    await kemiren.client().syncOnce();
    await glagah.client().syncOnce();
    // Both offices do s2 while offline; Kemiren's reaches the server first.
    await commitCommand(kemiren.db, step(caseId, 2, 's2', { note: 'Terdaftar di SIAK', by: { actorId: 'desa-kelurahan' } }));
    await commitCommand(glagah.db, step(caseId, 2, 's2', { note: 'Dicek dari kecamatan', by: { actorId: 'desa-kelurahan' } }));
    await kemiren.client().syncOnce();
    await glagah.client().syncOnce();
    return { server, kemiren, glagah, caseId };
  }

  it('marks the case "Perlu tinjauan", shows the kept input and the reason, and discards it only after confirming', async () => {
    const { glagah, caseId } = await conflict();
    window.location.hash = '#/kasus';
    const screen = await mount(glagah.db, glagah.transport);
    await expect.element(screen.getByRole('row', { name: /Siti Aminah/ }).getByText('Perlu tinjauan')).toBeVisible();
    await expect.element(screen.getByRole('link', { name: '1 perintah perlu tinjauan' })).toBeVisible();

    window.location.hash = `#/kasus/${caseId}`;
    const panel = screen.getByRole('region', { name: 'Perlu tinjauan' });
    await expect.element(panel.getByText('Dicek dari kecamatan')).toBeVisible();
    await expect.element(panel.getByText(/^Alasan: /)).toBeVisible();
    await expect.element(panel.getByText('Tidak berlaku lagi setelah perubahan dari kantor lain')).toBeVisible();
    // The other office's work is the case now; the kept step is no longer active, so only discarding is offered.
    await expect.element(panel.getByText(/Langkah ini tidak aktif lagi/)).toBeVisible();
    expect(panel.getByRole('button', { name: 'Kerjakan ulang' }).query()).toBeNull();

    await panel.getByRole('button', { name: 'Buang' }).click();
    await expect.element(panel.getByRole('alertdialog')).toHaveTextContent(/Buang isian ini untuk selamanya\?/);
    await panel.getByRole('button', { name: 'Batal' }).click();
    expect(await glagah.db.review.count()).toBe(1);
    await panel.getByRole('button', { name: 'Buang' }).click();
    await panel.getByRole('button', { name: 'Ya, buang' }).click();
    await expect.element(panel.getByText('Isian dibuang.')).toBeVisible();
    expect(await glagah.db.review.count()).toBe(0);
  });

  it('redoes kept input on the step active now: the step form opens filled in, and saving sends it as a new command', async () => {
    const { server, kemiren, caseId } = await conflict();
    // Kemiren's s3 input is refused by the server (it claims a lane Rina does not hold) and s3 is still active.
    await commitCommand(kemiren.db, step(caseId, 3, 's3', { note: 'Rujukan puskesmas', by: { actorId: 'dinas-kesehatan' } }));
    await kemiren.client().syncOnce();
    expect(await kemiren.db.review.count()).toBe(1);
    // The server now lets Rina act for Dinas Kesehatan (as its office was given that lane).
    server.offices.get('desa-kemiren')!.lanes.push({ sopId: 'bwi-spm-online', actorId: 'dinas-kesehatan' });
    server.addUser({ id: 'u-rina', login: 'rina', name: 'Rina Operator', nip: '198505122010012003', officeId: 'desa-kemiren', positions: [{ sopId: 'bwi-spm-online', actorId: 'masyarakat-pemohon' }, { sopId: 'bwi-spm-online', actorId: 'desa-kelurahan' }, { sopId: 'bwi-spm-online', actorId: 'dinas-kesehatan' }] }, PASSWORD);

    window.location.hash = `#/kasus/${caseId}`;
    const screen = await mount(kemiren.db, kemiren.transport);
    const panel = screen.getByRole('region', { name: 'Perlu tinjauan' });
    await expect.element(panel.getByText('Ditolak server')).toBeVisible();
    await expect.element(panel.getByText('Alasan: Anda tidak berperan sebagai dinas-kesehatan.')).toBeVisible();
    await panel.getByRole('button', { name: 'Kerjakan ulang' }).click();
    await expect.element(panel.getByText('Isian dimasukkan ke formulir langkah 3. Periksa lalu simpan.')).toBeVisible();
    await expect.element(screen.getByLabelText(/^Catatan/)).toHaveValue('Rujukan puskesmas');
    await expect.poll(() => kemiren.db.review.count()).toBe(0);
    await screen.getByRole('button', { name: 'Selesaikan langkah 3' }).click();
    await expect.poll(() => server.caseEvents(caseId).some((e) => e.type === 'step.completed' && e.stepId === 's3' && e.submission.note === 'Rujukan puskesmas'), { timeout: 5000 }).toBe(true);
    expect(await kemiren.db.outbox.count()).toBe(0);
  });
});

