import { afterEach, describe, expect, it } from 'vitest';
import { loadSample } from '../../samples';
import { openDesigner, userEvent, waitForSaved } from './helpers';

let designer: Awaited<ReturnType<typeof openDesigner>> | undefined;
afterEach(async () => {
  await designer?.dispose();
  designer = undefined;
});

const SAMPLE = 'oku-01-sktm';

/** Presses Tab until the focused element is the one wanted (at most `max` times). */
async function tabUntil(matches: (el: Element) => boolean, max = 80) {
  for (let i = 0; i < max; i++) {
    if (document.activeElement && matches(document.activeElement)) return;
    await userEvent.keyboard('{Tab}');
  }
  throw new Error(`focus never reached the element; ended on ${document.activeElement?.outerHTML.slice(0, 120)}`);
}

const labelled = (name: string) => (el: Element) =>
  el.getAttribute('aria-label') === name || (el.id !== '' && document.querySelector(`label[for="${el.id}"]`)?.textContent === name);

describe('keyboard only (real Chromium)', () => {
  it('opens an SOP, adds a step, types its text, moves it to another lane and connects it, without a mouse', async () => {
    designer = await openDesigner({ seed: () => [structuredClone(loadSample(SAMPLE)!)] });
    const screen = designer.screen;

    // Library: search, then Tab to the SOP and open it.
    await expect.element(screen.getByLabelText('Cari judul, Nomor SOP, atau instansi')).toBeVisible();
    (screen.getByLabelText('Cari judul, Nomor SOP, atau instansi').element() as HTMLElement).focus();
    await userEvent.keyboard('SKTM');
    await tabUntil((el) => el.textContent === 'STANDAR PELAYANAN SURAT KETERANGAN TIDAK MAMPU (SKTM)');
    await userEvent.keyboard('{Enter}');
    await expect.element(screen.getByRole('heading', { name: 'STANDAR PELAYANAN SURAT KETERANGAN TIDAK MAMPU (SKTM)' })).toBeVisible();

    // F6 to the canvas; arrows select step 2.
    await userEvent.keyboard('{F6}{F6}');
    expect(document.activeElement?.classList.contains('canvas-view')).toBe(true);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect.element(screen.getByRole('heading', { name: /^Langkah 2 · / })).toBeVisible();

    // Ctrl+Enter adds a step after it; the cursor is in its Kegiatan.
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await expect.element(screen.getByRole('heading', { name: /^Baris 3 · Proses/ })).toBeVisible();
    await expect.element(screen.getByRole('textbox', { name: 'Kegiatan' })).toHaveFocus();
    await userEvent.keyboard('Petugas mencatat permohonan di buku register');

    // Back to the canvas (Shift+F6) and one lane to the right (Alt+→).
    await userEvent.keyboard('{Shift>}{F6}{/Shift}');
    expect(document.activeElement?.classList.contains('canvas-view')).toBe(true);
    const laneBefore = (screen.getByRole('combobox', { name: 'Pelaksana 1', exact: true }).element() as HTMLSelectElement).value;
    await userEvent.keyboard('{Alt>}{ArrowRight}{/Alt}');
    await expect.element(screen.getByRole('combobox', { name: 'Pelaksana 1', exact: true })).not.toHaveValue(laneBefore);

    // F6 to the panel; make it a decision.
    await userEvent.keyboard('{F6}');
    await tabUntil(labelled('Jenis simbol'));
    await userEvent.keyboard('Keputusan');
    await expect.element(screen.getByRole('heading', { name: /^Baris 3 · Keputusan/ })).toBeVisible();
    // A new decision gets "Ya" onward and "Tidak" to an end; aim "Tidak" back at step 1.
    await expect.element(screen.getByRole('textbox', { name: 'Label panah 2' })).toHaveValue('Tidak');
    await tabUntil(labelled('Tujuan panah 2'));
    await userEvent.keyboard('{Home}');
    await expect.element(screen.getByRole('combobox', { name: 'Tujuan panah 2' })).toHaveDisplayValue(/^→ Langkah 1/);
    await waitForSaved();

    const flow = (await designer.stored(SAMPLE))!.flows[0]!;
    const added = flow.steps[2]!;
    expect(added.text).toBe('Petugas mencatat permohonan di buku register');
    expect(added.kind).toBe('decision');
    expect(added.actors[0]!.actor).not.toBe(laneBefore);
    expect(flow.edges.find((e) => e.from === added.id && e.to === flow.steps[0]!.id)?.label).toBe('Tidak');
  }, 60_000);
});
