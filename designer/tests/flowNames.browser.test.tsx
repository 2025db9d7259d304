import { afterEach, describe, expect, it } from 'vitest';
import { loadSample } from '../../samples';
import { openDesigner } from './helpers';

let designer: Awaited<ReturnType<typeof openDesigner>> | undefined;
afterEach(async () => {
  await designer?.dispose();
  designer = undefined;
});

/** The SKTM sample with a second, untitled flow that has no steps yet (its id "f2" is never shown). */
const seed = () => {
  const doc = structuredClone(loadSample('oku-01-sktm')!);
  doc.flows.push({ id: 'f2', lanes: doc.flows[0]!.lanes, steps: [], edges: [] });
  return [doc];
};

/** What a problems-panel entry names (its "where") and what it says. */
function whereAndMessage(problem: Element): [string, string] {
  return [problem.querySelector('.problem__where')?.textContent ?? '', problem.querySelector('.problem__message')?.textContent ?? ''];
}

describe('a flow has one name on the tabs and in the problems panel (real Chromium)', () => {
  it('names an untitled flow by its position, and a titled one by its title, in both places', async () => {
    designer = await openDesigner({ seed });
    const screen = designer.screen;
    await screen.getByRole('button', { name: /Surat Keterangan Tidak Mampu/i }).first().click();
    await screen.getByRole('tab', { name: 'Alur 2' }).click();
    await expect.element(screen.getByRole('tab', { name: 'Alur 2' })).toHaveAttribute('aria-selected', 'true');
    const problem = screen.getByRole('button', { name: /belum punya langkah/ });
    await expect.poll(() => whereAndMessage(problem.element())).toEqual(['Alur 2', 'Alur 2 belum punya langkah.']);

    await screen.getByRole('button', { name: 'Ubah judul alur' }).click();
    await screen.getByRole('textbox', { name: 'Judul di atas tabel alur (boleh kosong)' }).fill('Pengaduan');
    await screen.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect.element(screen.getByRole('tab', { name: 'Pengaduan' })).toBeVisible();
    await expect.poll(() => whereAndMessage(problem.element())).toEqual(['Pengaduan', 'Alur "Pengaduan" belum punya langkah.']);
  }, 30_000);

  it('speaks English with the same rule', async () => {
    designer = await openDesigner({ seed, lang: 'en' });
    const screen = designer.screen;
    await screen.getByRole('button', { name: /Surat Keterangan Tidak Mampu/i }).first().click();
    await expect.element(screen.getByRole('tab', { name: 'Flow 2' })).toBeVisible();
    const problem = screen.getByRole('button', { name: /has no steps/ });
    await expect.poll(() => whereAndMessage(problem.element())).toEqual(['Flow 2', 'Flow 2 has no steps.']);
  }, 30_000);
});
