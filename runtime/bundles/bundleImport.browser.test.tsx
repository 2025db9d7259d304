// The clerk's path through the UI: a bundle from an untrusted device is refused with its signer's
// fingerprint; "trust it" opens the settings with the key filled in; after comparing and trusting,
// the same file imports. Real Chromium, the whole runtime app.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { shortFingerprint } from '../../device';
import { I18nProvider } from '../../ui/i18n';
import { App } from '../App';
import { exportCaseBundle } from '../storage/bundle';
import { officeWithSop } from '../storage/bundleTesting';
import { startCase } from '../storage/repository';
import { scratchDb } from '../storage/testing';

const names: string[] = [];
afterEach(async () => {
  window.location.hash = '';
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('importing a case bundle through the runtime', () => {
  it('refuses an untrusted signer, offers to trust it in the settings, then imports', async () => {
    const sender = await officeWithSop('ui-a');
    const started = await startCase(sender.db, { sopKey: sender.sopKey, fields: { nama: 'Siti Aminah', nik: '3510015205850002' }, at: '2025-06-02T01:00:00.000Z' });
    if (!started.ok) throw new Error(started.rejection.message.en);
    const bundle = await exportCaseBundle(sender.db, started.state.id);
    sender.db.close();
    sender.device.close();
    names.push(sender.db.name, sender.device.name);
    const file = () => new File([JSON.stringify(bundle)], 'kasus.sopcase.json', { type: 'application/json' });

    const db = scratchDb('ui-b');
    names.push(db.name, `${db.name}.device`);
    window.location.hash = '#/kasus';
    const screen = await render(
      <I18nProvider initialLang="id" persist={false}>
        <App db={db} seed={false} />
      </I18nProvider>,
    );
    const picker = screen.getByLabelText('Pilih berkas bundel kasus (.sopcase.json)');
    await picker.upload(file());
    const alert = screen.getByRole('alert').filter({ hasText: 'belum dipercaya' });
    await expect.element(alert).toHaveTextContent(shortFingerprint(bundle.signer.keyId));
    await expect.element(alert).toHaveTextContent('Petugas ui-a');
    await screen.getByRole('button', { name: 'Bandingkan sidik jari dan percayai kunci ini di Pengaturan' }).click();

    await expect.element(screen.getByRole('heading', { name: 'Kunci tanda tangan' })).toBeVisible();
    await expect.element(screen.getByText(`Sidik jari kunci ini: ${shortFingerprint(bundle.signer.keyId)}.`, { exact: false })).toBeVisible();
    await expect.element(screen.getByLabelText('Nama pemilik (orang atau kantor)')).toHaveValue('Petugas ui-a');
    await expect.element(screen.getByRole('button', { name: 'Percayai kunci ini' })).toBeDisabled();
    await screen.getByLabelText('Sidik jari sudah saya cocokkan dengan pengirim').click();
    await screen.getByRole('button', { name: 'Percayai kunci ini' }).click();
    await expect.element(screen.getByRole('rowheader', { name: /Petugas ui-a/ })).toBeVisible();

    window.location.hash = '#/kasus';
    await screen.getByLabelText('Pilih berkas bundel kasus (.sopcase.json)').upload(file());
    await expect.element(screen.getByText('Bundel diimpor: 2 peristiwa baru, 0 lampiran baru.')).toBeVisible();
    await expect.element(screen.getByText(/SOP Penerbitan Surat Pernyataan Miskin .* revisi 1 dari bundel disimpan hanya untuk kasus ini/)).toBeVisible();
    await screen.getByRole('link', { name: 'Buka kasus' }).click();
    await expect.element(screen.getByRole('heading', { level: 2, name: 'Kasus Siti Aminah' })).toBeVisible();
  });
});
