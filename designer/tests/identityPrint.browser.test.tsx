import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { loadSample } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { I18nProvider } from '../../ui/i18n';
import { PrintPreview } from '../../print/view';
import { takeHandedOverDocument } from '../../print/view/handover';
import { logoPngFile, qrPngFile } from '../identity/testFiles';
import { openDesigner } from './helpers';

let designer: Awaited<ReturnType<typeof openDesigner>> | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await designer?.dispose();
  designer = undefined;
});

const SAMPLE = 'bwi-spm-online';
const sample = (): SopDocument => structuredClone(loadSample(SAMPLE)!);

/** Clicks "Cetak" and renders what the print page would receive, as the print page renders it. */
async function printedDraft(screen: NonNullable<typeof designer>['screen']) {
  const open = vi.spyOn(window, 'open').mockImplementation(() => null);
  await screen.getByRole('button', { name: 'Cetak', exact: true }).click();
  const key = /\?doc=([a-z0-9]+)$/.exec(String(open.mock.calls[0]![0]))![1]!;
  const handed = (await takeHandedOverDocument(key)) as SopDocument;
  const print = await render(
    <I18nProvider initialLang="id" persist={false}>
      <PrintPreview doc={handed} />
    </I18nProvider>,
  );
  const view = page.elementLocator(print.container);
  await expect.element(view.getByRole('status')).toHaveTextContent(/halaman/i);
  return { view, container: print.container, unmount: () => print.unmount() };
}

describe('identity edits reach the print preview (real Chromium)', () => {
  it('a new logo, "Nama SOP" relabelled, "Peringatan" removed and an e-signature show on the printed identity page', async () => {
    designer = await openDesigner({ seed: () => [sample()] });
    const screen = designer.screen;
    await screen.getByRole('button', { name: sample().identity.title, exact: true }).click();
    await screen.getByRole('tab', { name: 'Identitas' }).click();

    await userEvent.upload(screen.getByLabelText('Pilih logo'), logoPngFile());
    await expect.element(screen.getByRole('img', { name: 'Logo kop surat saat ini' })).toBeVisible();
    await screen.getByRole('button', { name: 'Ubah label Nama SOP' }).click();
    await screen.getByRole('textbox', { name: 'Label baris Nama SOP' }).fill('Judul SOP');
    await screen.getByRole('button', { name: 'Hapus baris Peringatan' }).click();
    await expect.element(screen.getByRole('button', { name: 'Tambah baris Peringatan' })).toBeVisible();
    await userEvent.upload(screen.getByLabelText('Pilih kode QR'), qrPngFile());
    await screen.getByRole('textbox', { name: 'Pernyataan penandatanganan' }).fill('Ditandatangani secara elektronik dengan sertifikat BSrE');

    const { view, container, unmount } = await printedDraft(screen);
    const identity = container.querySelector<HTMLElement>('[data-part="identity"]')!;
    expect(identity.querySelector('[data-row="title"] th')!.textContent).toBe('Judul SOP');
    expect(identity.textContent).not.toContain('Nama SOP');
    const logo = identity.querySelector<HTMLImageElement>('img.letterhead__logo')!;
    expect(logo.src.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
    await expect.poll(() => logo.naturalWidth).toBeGreaterThan(0);
    expect(identity.querySelector('[data-block="peringatan"]')).toBeNull();
    expect(identity.textContent).not.toContain('Peringatan');
    expect(identity.querySelector('[data-block="dasarHukum"]')).not.toBeNull();
    await expect.element(view.getByText('Ditandatangani secara elektronik dengan sertifikat BSrE').first()).toBeVisible();
    expect(identity.querySelector('img.esign__qr')).not.toBeNull();
    await unmount();
  });

  it('a row removed and one marked illegible print as the drafter left them; undo restores the printed row', async () => {
    designer = await openDesigner({ seed: () => [sample()] });
    const screen = designer.screen;
    await screen.getByRole('button', { name: sample().identity.title, exact: true }).click();
    await screen.getByRole('tab', { name: 'Identitas' }).click();

    await screen.getByRole('button', { name: 'Hapus baris Tanggal Revisi' }).click();
    await screen.getByRole('checkbox', { name: 'Nomor SOP: tidak terbaca di sumber' }).click();
    let printed = await printedDraft(screen);
    let identity = printed.container.querySelector<HTMLElement>('[data-part="identity"]')!;
    expect(identity.querySelector('[data-row="revisi"]')).toBeNull();
    expect(identity.querySelector('[data-row="number"] td')!.textContent).toBe('(tidak terbaca)');
    await printed.unmount();
    vi.restoreAllMocks();

    await screen.getByRole('button', { name: 'Urungkan', exact: true }).click();
    await screen.getByRole('button', { name: 'Urungkan', exact: true }).click();
    await expect.element(screen.getByRole('button', { name: 'Hapus baris Tanggal Revisi' })).toBeVisible();
    printed = await printedDraft(screen);
    identity = printed.container.querySelector<HTMLElement>('[data-part="identity"]')!;
    expect(identity.querySelector('[data-row="revisi"] td')!.textContent).toBe('-');
    expect(identity.querySelector('[data-row="number"] td')!.textContent).toBe('660/04/429.109/2024');
    await printed.unmount();
  });
});
