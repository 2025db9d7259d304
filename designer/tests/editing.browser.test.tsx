import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSample } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { canvasNode, dragOnto, openDesigner, userEvent, waitForSaved, openFirstSopOf } from './helpers';
import { plainTextOf } from '../../core/text/richText';

let designer: Awaited<ReturnType<typeof openDesigner>> | undefined;
afterEach(async () => {
  await designer?.dispose();
  designer = undefined;
});

const SAMPLE = 'lmj-06-tetirah';
const sample = (): SopDocument => structuredClone(loadSample(SAMPLE)!);

async function openSample(seed: () => SopDocument[] = () => [sample()]) {
  designer = await openFirstSopOf(seed);
  return designer.screen;
}

async function monacoModel() {
  const { monaco } = await import('../json/monacoSetup');
  await expect.poll(() => document.querySelector('.json-view')?.getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
  return monaco.editor.getModels()[0]!;
}

function replaceText(model: Awaited<ReturnType<typeof monacoModel>>, text: string) {
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
}

describe('editing across views (real Chromium)', () => {
  it('undo and redo restore the exact document after canvas, grid and JSON edits', async () => {
    const screen = await openSample();
    const original = await designer!.stored(SAMPLE);
    expect(original).toEqual(sample());

    // Canvas: move step 2 one lane to the right with the keyboard.
    await userEvent.click(canvasNode('Baris 2,'));
    await userEvent.keyboard('{Alt>}{ArrowRight}{/Alt}');
    // Grid: edit Kegiatan of the first row in place.
    await screen.getByRole('button', { name: 'Tabel', exact: true }).click();
    await userEvent.click(screen.getByRole('row').nth(1).getByRole('gridcell').nth(1));
    await userEvent.keyboard('{F2} (diperbarui){Enter}');
    // JSON: change the SOP number in Monaco.
    await screen.getByRole('button', { name: 'JSON', exact: true }).click();
    const model = await monacoModel();
    const edited = JSON.parse(model.getValue()) as SopDocument;
    edited.identity.number = '999/BARU/2025';
    replaceText(model, JSON.stringify(edited, null, 2));
    await expect.element(screen.getByTestId('json-status')).toHaveTextContent('JSON sah dan sama dengan dokumen.');
    await expect.poll(() => document.querySelector('.editor-toolbar__meta')?.textContent).toContain('999/BARU/2025');
    await waitForSaved();
    const afterEdits = (await designer!.stored(SAMPLE))!;
    expect(afterEdits.identity.number).toBe('999/BARU/2025');
    expect(plainTextOf(afterEdits.flows[0]!.steps[0]!.text).endsWith(' (diperbarui)')).toBe(true);
    expect(afterEdits.flows[0]!.steps[1]!.actors).not.toEqual(original!.flows[0]!.steps[1]!.actors);

    // Undo all three from the canvas, then redo them.
    await screen.getByRole('button', { name: 'Kanvas', exact: true }).click();
    for (let i = 0; i < 3; i++) await userEvent.keyboard('{Control>}z{/Control}');
    await expect.element(screen.getByRole('button', { name: 'Urungkan', exact: true })).toBeDisabled();
    await waitForSaved();
    expect(await designer!.stored(SAMPLE)).toEqual(original);
    await userEvent.keyboard('{Control>}y{/Control}{Control>}y{/Control}{Control>}{Shift>}z{/Shift}{/Control}');
    await expect.element(screen.getByRole('button', { name: 'Ulangi', exact: true })).toBeDisabled();
    await waitForSaved();
    expect(await designer!.stored(SAMPLE)).toEqual(afterEdits);
  }, 60_000);

  it('a drag to another lane and row is one command pair and one undo step', async () => {
    const screen = await openSample();
    const original = await designer!.stored(SAMPLE);
    const source = document.querySelector<HTMLElement>('.react-flow__node[data-id="s2#0"]')!;
    const target = document.querySelector<HTMLElement>('.react-flow__node[data-id="s4#1"]')!;
    await dragOnto(source, target);
    await waitForSaved();
    const moved = (await designer!.stored(SAMPLE))!.flows[0]!;
    expect(moved.steps.map((s) => s.id)).toEqual(['s1', 's3', 's4', 's2', 's5']);
    expect(moved.steps[3]!.actors.map((a) => a.actor)).toEqual(['upt-dinas-sosial']);
    await expect.element(screen.getByRole('button', { name: 'Urungkan', exact: true })).toBeEnabled();
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.element(screen.getByRole('button', { name: 'Urungkan', exact: true })).toBeDisabled();
    await waitForSaved();
    expect(await designer!.stored(SAMPLE)).toEqual(original);
  }, 30_000);

  it('pasting three tab-separated rows from a spreadsheet creates three steps', async () => {
    const screen = await openSample();
    await screen.getByRole('button', { name: 'Tabel', exact: true }).click();
    const lastRow = screen.getByRole('row').last();
    await userEvent.click(lastRow.getByRole('gridcell').nth(1));
    const data = new DataTransfer();
    data.setData(
      'text/plain',
      [
        '6\tPetugas mengarsipkan berkas permohonan\tPetugas\tBerkas lengkap\t10 menit\tArsip\t',
        '7\tKepala Seksi menandatangani laporan\tKepala Seksi\t\t1 hari kerja\tLaporan\t',
        '8\tLaporan dikirim ke Dinas Sosial Provinsi\tPetugas\t\t15 menit\tSurat pengantar\tMelalui pos',
      ].join('\n'),
    );
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await expect.poll(() => screen.getByRole('row').all().length).toBe(1 + 5 + 3);
    await waitForSaved();
    const steps = (await designer!.stored(SAMPLE))!.flows[0]!.steps;
    expect(steps.slice(-4, -1).map((s) => [s.text, s.waktu?.raw, s.output])).toEqual([
      ['Petugas mengarsipkan berkas permohonan', '10 menit', 'Arsip'],
      ['Kepala Seksi menandatangani laporan', '1 hari kerja', 'Laporan'],
      ['Laporan dikirim ke Dinas Sosial Provinsi', '15 menit', 'Surat pengantar'],
    ]);
    await expect.element(screen.getByRole('row').nth(7)).toHaveTextContent('Laporan dikirim ke Dinas Sosial Provinsi');
  }, 30_000);

  it('never lets JSON that is invalid or breaks the schema reach the stored document', async () => {
    const screen = await openSample();
    await screen.getByRole('button', { name: 'JSON', exact: true }).click();
    const model = await monacoModel();
    const original = model.getValue();

    replaceText(model, original.replace(/}\s*$/, '').replace('"schemaVersion": 2,', '"schemaVersion": 2'));
    await expect.element(screen.getByTestId('json-status')).toHaveTextContent(/Belum diterapkan.*baris \d+, kolom \d+/);
    const broken = JSON.parse(original) as Record<string, unknown>;
    broken.flows = 'bukan daftar';
    replaceText(model, JSON.stringify(broken, null, 2));
    await expect.element(screen.getByTestId('json-status')).toHaveTextContent(/Belum diterapkan.*\/flows/);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await designer!.stored(SAMPLE)).toEqual(sample());
    await expect.element(screen.getByTestId('save-status')).toHaveTextContent('Tersimpan');

    // A valid edit goes through and is saved.
    const fixed = JSON.parse(original) as SopDocument;
    fixed.identity.unit = 'Bidang Rehabilitasi Sosial';
    replaceText(model, JSON.stringify(fixed, null, 2));
    await expect.element(screen.getByTestId('json-status')).toHaveTextContent('JSON sah');
    await waitForSaved();
    expect((await designer!.stored(SAMPLE))!.identity.unit).toBe('Bidang Rehabilitasi Sosial');
  }, 60_000);

  it('clicking a problem selects its step and puts the cursor in the field at fault', async () => {
    const broken = sample();
    broken.flows[0]!.steps[2]!.waktu = { raw: 'secepatnya' };
    const screen = await openSample(() => [structuredClone(broken)]);
    const problem = screen.getByRole('button', { name: /Waktu .*secepatnya/i });
    await expect.element(problem).toBeVisible();
    await problem.click();
    await expect.element(screen.getByRole('heading', { name: /^Baris 3 · / })).toBeVisible();
    await expect.element(screen.getByRole('textbox', { name: 'Waktu' })).toHaveFocus();
    expect(canvasNode('Baris 3,').querySelector('.step-node--selected')).not.toBeNull();
  });
});
