import { afterEach, describe, expect, it } from 'vitest';
import { loadSample } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { openDesigner, selectCanvasStep, userEvent, waitForSaved, openFirstSopOf } from './helpers';

let designer: Awaited<ReturnType<typeof openDesigner>> | undefined;
afterEach(async () => {
  await designer?.dispose();
  designer = undefined;
});

const SAMPLE = 'bwi-spm-online';
const sample = (): SopDocument => structuredClone(loadSample(SAMPLE)!);

async function openSample(seed: () => SopDocument[] = () => [sample()]) {
  designer = await openFirstSopOf(seed);
  return designer.screen;
}

async function storedStep(id: string) {
  await waitForSaved();
  return (await designer!.stored(SAMPLE))!.flows[0]!.steps.find((s) => s.id === id)!;
}

const problemMessages = () => [...document.querySelectorAll('.problem__message')].map((p) => p.textContent ?? '');

describe('schema v2 step fields in the properties panel (real Chromium)', () => {
  it('an end step\'s outcome is chosen, saved, and one Ctrl+Z restores it', async () => {
    const screen = await openSample();
    await selectCanvasStep('Langkah 10,');
    const outcome = screen.getByRole('combobox', { name: 'Hasil akhir' });
    await expect.element(outcome).toHaveValue('selesai');
    await userEvent.selectOptions(outcome, 'ditolak');
    expect((await storedStep('s10')).outcome).toBe('ditolak');
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(async () => (await storedStep('s10')).outcome).toBe('selesai');
    await selectCanvasStep('Langkah 10,');
    await expect.element(screen.getByRole('combobox', { name: 'Hasil akhir' })).toHaveValue('selesai');
  }, 40_000);

  it('a parallel split shows its problem until it fans out; untick clears it', async () => {
    const screen = await openSample();
    await selectCanvasStep('Langkah 2,');
    await screen.getByRole('checkbox', { name: 'Percabangan paralel (semua panah diambil)' }).click();
    expect((await storedStep('s2')).split).toBe('parallel');
    await expect.poll(() => problemMessages().some((m) => m.includes('bercabang paralel'))).toBe(true);
    await screen.getByRole('checkbox', { name: 'Percabangan paralel (semua panah diambil)' }).click();
    await expect.poll(() => problemMessages().some((m) => m.includes('bercabang paralel'))).toBe(false);
    expect((await storedStep('s2')).split).toBeUndefined();
  }, 40_000);

  it('an arrow marked with an inferred target is drawn dotted; an illegible target is a warning', async () => {
    const screen = await openSample();
    await selectCanvasStep('Langkah 6,');
    await expect.poll(() => document.querySelectorAll('path.route-edge--inferred').length).toBe(0);
    await screen.getByRole('checkbox', { name: 'Tujuan panah 1 disimpulkan penyusun' }).click();
    await expect.poll(() => document.querySelectorAll('path.route-edge--inferred').length).toBe(1);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Tujuan panah 2' }), '(tujuan tidak terbaca di sumber)');
    await waitForSaved();
    const edges = (await designer!.stored(SAMPLE))!.flows[0]!.edges;
    expect(edges.find((e) => e.id === 'e6')!.inferred).toEqual(['target']);
    expect(edges.find((e) => e.id === 'e7')).toMatchObject({ targetUnknown: true });
    expect(edges.find((e) => e.id === 'e7')!.to).toBeUndefined();
    await expect.poll(() => problemMessages().length).toBeGreaterThan(0);
    await userEvent.keyboard('{Control>}z{/Control}{Control>}z{/Control}');
    await waitForSaved();
    expect((await designer!.stored(SAMPLE))!.flows[0]!.edges).toEqual(sample().flows[0]!.edges);
  }, 40_000);

  it('typing in a RichText Kegiatan keeps its list and bold', async () => {
    const rich = () => {
      const doc = sample();
      doc.flows[0]!.steps[2]!.text = { blocks: [{ spans: [{ text: 'Periksa:' }] }, { marker: 'a.', spans: [{ text: 'surat ' }, { text: 'rujukan', bold: true }] }] };
      return [doc];
    };
    const screen = await openSample(rich);
    await selectCanvasStep('Langkah 3,');
    const kegiatan = screen.getByRole('textbox', { name: 'Kegiatan' });
    await expect.element(kegiatan).toHaveValue('Periksa:\na. surat **rujukan**');
    await userEvent.type(kegiatan, '{Control>}{End}{/Control}\nb. _hasil_ lab');
    expect((await storedStep('s3')).text).toEqual({
      blocks: [
        { spans: [{ text: 'Periksa:' }] },
        { marker: 'a.', spans: [{ text: 'surat ' }, { text: 'rujukan', bold: true }] },
        { marker: 'b.', spans: [{ text: 'hasil', italic: true }, { text: ' lab' }] },
      ],
    });
  }, 40_000);

  it('the Waktu kind, the asked condition, sub-row and continued text: each saved, each undone by one Ctrl+Z', async () => {
    const screen = await openSample();
    const before = sample().flows[0]!.steps.find((s) => s.id === 's8')!;
    await selectCanvasStep('Langkah 8,');
    const measure = screen.getByRole('combobox', { name: 'Jenis waktu' });
    const asked = screen.getByRole('checkbox', { name: 'Ditanyakan kepada petugas saat kasus berjalan' });
    const subRow = screen.getByRole('checkbox', { name: 'Sub-baris dari baris di atasnya' });
    const continues = screen.getByRole('checkbox', { name: 'Kalimat Kegiatan berlanjut ke baris berikutnya' });
    await expect.element(measure).toHaveValue('work');
    await expect.element(asked).not.toBeChecked();

    await userEvent.selectOptions(measure, 'Batas waktu penyelesaian');
    await expect.poll(async () => (await storedStep('s8')).waktu).toEqual({ ...before.waktu, measure: 'limit' });
    await asked.click();
    await expect.poll(async () => (await storedStep('s8')).condition).toEqual({ text: before.condition!.text, asked: true });
    await subRow.click();
    await continues.click();
    await expect.poll(async () => (await storedStep('s8')).textContinues).toBe(true);
    expect((await storedStep('s8')).subRow).toBe(true);

    // One Ctrl+Z per change, newest first; the panel shows each restored value.
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(async () => (await storedStep('s8')).textContinues).toBeUndefined();
    await expect.element(continues).not.toBeChecked();
    expect((await storedStep('s8')).subRow).toBe(true);
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(async () => (await storedStep('s8')).subRow).toBeUndefined();
    await expect.element(subRow).not.toBeChecked();
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(async () => (await storedStep('s8')).condition?.asked).toBe(false);
    await expect.element(asked).not.toBeChecked();
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(async () => (await storedStep('s8')).waktu?.measure).toBeUndefined();
    await expect.element(measure).toHaveValue('work');
    expect(await storedStep('s8')).toEqual(before);
  }, 60_000);

  it('a sign-off chain is built, ordered and removed in the panel, and Ctrl+Z undoes each change', async () => {
    const screen = await openSample();
    await selectCanvasStep('Langkah 10,');
    const add = screen.getByRole('button', { name: '+ Paraf/tanda tangan' });
    await add.click();
    await screen.getByRole('textbox', { name: 'Jabatan 1' }).fill('Kasi Pelayanan');
    await add.click();
    await screen.getByRole('textbox', { name: 'Jabatan 2' }).fill('Kepala Dinas');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Tindakan 2' }), 'tanda tangan');
    // Step 10 has two lanes: the sign-off names which one's organisation signs.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Lajur 2' }), 'dinas-sosial');
    const chain = [
      { position: 'Kasi Pelayanan', action: 'paraf' },
      { position: 'Kepala Dinas', action: 'tandaTangan', actor: 'dinas-sosial' },
    ];
    await expect.poll(async () => (await storedStep('s10')).signOffs).toEqual(chain);

    await screen.getByRole('button', { name: 'Naikkan paraf/tanda tangan 2' }).click();
    await expect.poll(async () => (await storedStep('s10')).signOffs).toEqual([chain[1], chain[0]]);
    await expect.element(screen.getByRole('textbox', { name: 'Jabatan 1' })).toHaveValue('Kepala Dinas');
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(async () => (await storedStep('s10')).signOffs).toEqual(chain);
    await expect.element(screen.getByRole('textbox', { name: 'Jabatan 1' })).toHaveValue('Kasi Pelayanan');

    await screen.getByRole('button', { name: 'Hapus paraf/tanda tangan 1' }).click();
    await expect.poll(async () => (await storedStep('s10')).signOffs).toEqual([chain[1]]);
    await expect.element(screen.getByRole('textbox', { name: 'Jabatan 2' })).not.toBeInTheDocument();
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(async () => (await storedStep('s10')).signOffs).toEqual(chain);
    await expect.element(screen.getByRole('textbox', { name: 'Jabatan 2' })).toHaveValue('Kepala Dinas');

    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(async () => (await storedStep('s10')).signOffs?.[1]?.actor).toBeUndefined();
    await expect.element(screen.getByRole('combobox', { name: 'Lajur 2' })).toHaveValue('');
  }, 60_000);
});
