import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { loadSample } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { I18nProvider } from '../../ui/i18n';
import { openPrintView } from './handover';
import { PrintApp } from './PrintApp';
import { PrintPreview } from './PrintPreview';

/** An SOP that writes none of its own column labels, so the printout shows the standard ones. */
const plain = (): SopDocument => ({ ...structuredClone(loadSample('oku-01-sktm')!), columns: undefined } as unknown as SopDocument);

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const run of cleanup.reverse()) await run();
  cleanup = [];
  vi.restoreAllMocks();
});

async function mount(ui: 'id' | 'en', node: React.ReactNode) {
  const screen = await render(
    <I18nProvider initialLang={ui} persist={false}>
      {node}
    </I18nProvider>,
  );
  cleanup.push(() => screen.unmount());
  return screen;
}

const headers = () => [...document.querySelectorAll('.print-page thead th')].map((th) => th.textContent?.trim());
const footers = () => [...document.querySelectorAll('.print-page')].map((p) => p.textContent ?? '');

describe('the printout speaks the document\'s language, whatever the interface speaks (real Chromium)', () => {
  it('prints Bahasa Indonesia from an English interface, and English once the reader picks it in the print toolbar', async () => {
    const screen = await mount('en', <PrintPreview doc={plain()} />);
    await expect.element(screen.getByRole('status')).toHaveTextContent(/Ready to print: \d+ pages/);
    expect(headers()).toEqual(expect.arrayContaining(['No', 'Kegiatan', 'Pelaksana', 'Mutu Baku', 'Keterangan']));
    expect(footers()[0]).toMatch(/Halaman 1 dari \d+/);
    expect(document.querySelector('.print-document')?.getAttribute('lang')).toBe('id');
    const choice = screen.getByRole('combobox', { name: 'Language of the printout' });
    await expect.element(choice).toHaveDisplayValue('Bahasa Indonesia');

    await choice.selectOptions('en');
    await expect.poll(() => footers()[0]).toMatch(/Page 1 of \d+/);
    expect(headers()).toEqual(expect.arrayContaining(['Activity', 'Actors', 'Quality standard']));
    await expect.element(screen.getByRole('status')).toHaveTextContent(/Ready to print/);
    expect(document.querySelector('.print-document')?.getAttribute('lang')).toBe('en');
  }, 30_000);

  it('the print page opened by "Cetak" (a hand-over) prints Indonesian in an English interface; ?lang=en asks for English', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    openPrintView(plain());
    const url = new URL(String(open.mock.calls[0]![0]), 'http://localhost/designer/');
    const original = window.location.href;
    cleanup.push(() => window.history.replaceState(window.history.state, '', original));

    window.history.replaceState(window.history.state, '', `${window.location.pathname}${url.search}`);
    const first = await mount('en', <PrintApp />);
    await expect.element(first.getByRole('status')).toHaveTextContent(/Ready to print/);
    expect(footers()[0]).toMatch(/Halaman 1 dari \d+/);
    await first.unmount();
    cleanup.pop(); // that unmount is done

    window.history.replaceState(window.history.state, '', `${window.location.pathname}?sample=oku-01-sktm&lang=en`);
    const second = await mount('id', <PrintApp />);
    await expect.element(second.getByRole('status')).toHaveTextContent(/Siap dicetak/);
    expect(footers()[0]).toMatch(/Page 1 of \d+/);
    await expect.element(second.getByRole('combobox', { name: 'Bahasa cetakan' })).toHaveValue('en');
    // The controls keep the interface language.
    await expect.element(second.getByRole('button', { name: 'Cetak', exact: true })).toBeVisible();
  }, 30_000);
});
