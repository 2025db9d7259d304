import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { validateSop } from '../../core/validation';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { canvasNode, captureDownload, openDesigner, userEvent, waitForSaved } from './helpers';

let designer: Awaited<ReturnType<typeof openDesigner>> | undefined;
afterEach(async () => {
  await designer?.dispose();
  designer = undefined;
});

describe('acceptance: drawing an SOP only through the UI (real Chromium)', () => {
  it('creates a 3-lane, 6-step SOP with a Tidak loop back to step 2, survives a reload, and exports exactly what was drawn', async () => {
    designer = await openDesigner();
    let screen = designer.screen;

    await screen.getByRole('button', { name: 'SOP baru' }).click();
    await screen.getByRole('textbox', { name: 'Nama SOP' }).fill('Penerbitan Surat Keterangan Domisili');
    await screen.getByRole('button', { name: 'Buat SOP' }).click();
    await expect.element(screen.getByRole('heading', { name: 'Penerbitan Surat Keterangan Domisili' })).toBeVisible();

    // The applicant's case fields are already there.
    await screen.getByRole('tab', { name: 'Isian kasus' }).click();
    const caseFields = screen.getByRole('list', { name: 'Daftar isian' }).getByRole('listitem');
    await expect.poll(() => caseFields.all().map((item) => item.element().textContent)).toEqual([
      expect.stringMatching(/^Nama pemohonTeks singkat · wajib/),
      expect.stringMatching(/^NIK pemohonNIK \(16 angka\) · wajib/),
      expect.stringMatching(/^AlamatTeks panjang↑/),
      expect.stringMatching(/^Nomor teleponNomor telepon↑/),
    ]);

    // Three lanes.
    await screen.getByRole('tab', { name: 'Pelaksana' }).click();
    for (const [label, kind] of [['Pemohon', 'citizen'], ['Petugas Loket', 'role'], ['Kepala Seksi', 'role']] as const) {
      await screen.getByRole('textbox', { name: 'Nama pelaksana' }).fill(label);
      await screen.getByRole('combobox', { name: 'Jenis pelaksana', exact: true }).selectOptions(kind);
      await screen.getByRole('button', { name: 'Tambah lajur', exact: true }).click();
    }
    await expect.element(screen.getByRole('textbox', { name: 'Nama lajur 3' })).toHaveValue('Kepala Seksi');

    // Six steps, each typed into the properties panel.
    const steps: [string, string, string][] = [
      ['Mulai', 'Pemohon datang membawa KTP dan KK', 'Pemohon'],
      ['Proses', 'Petugas memeriksa kelengkapan berkas', 'Petugas Loket'],
      ['Keputusan', 'Kepala Seksi memverifikasi: berkas memenuhi syarat?', 'Kepala Seksi'],
      ['Proses', 'Petugas mencetak surat keterangan', 'Petugas Loket'],
      ['Proses', 'Kepala Seksi menandatangani surat', 'Kepala Seksi'],
      ['Selesai', 'Surat diserahkan kepada pemohon', 'Pemohon'],
    ];
    for (const [kind, text, lane] of steps) {
      await screen.getByRole('button', { name: kind, exact: true }).click();
      const kegiatan = screen.getByRole('textbox', { name: 'Kegiatan' });
      await expect.element(kegiatan).toHaveFocus();
      await kegiatan.fill(text);
      await screen.getByRole('combobox', { name: 'Pelaksana 1', exact: true }).selectOptions(lane);
    }
    await screen.getByRole('textbox', { name: 'Waktu' }).fill('5 menit');

    // Label the decision's branches: Ya onward, Tidak back to step 2.
    await userEvent.click(canvasNode('Langkah 3,'));
    await expect.element(screen.getByRole('heading', { name: 'Langkah 3 · Keputusan' })).toBeVisible();
    await screen.getByRole('textbox', { name: 'Label panah 1' }).fill('Ya');
    await screen.getByRole('combobox', { name: 'Sambungkan ke langkah' }).selectOptions('s2');
    await screen.getByRole('button', { name: 'Sambungkan', exact: true }).click();
    await screen.getByRole('textbox', { name: 'Label panah 2' }).fill('Tidak');
    await screen.getByRole('textbox', { name: 'Waktu' }).fill('2-3 jam');
    await expect.element(screen.getByText('2–3 jam (rentang 120–180 menit)')).toBeVisible();
    await expect.element(screen.getByText('Tidak ada masalah. SOP ini sah.')).toBeVisible();
    await waitForSaved();

    // A reload comes back to the same SOP, drawn the same way.
    screen = await designer.reload();
    await expect.element(screen.getByRole('heading', { name: 'Penerbitan Surat Keterangan Domisili' })).toBeVisible();
    await expect.poll(() => document.querySelectorAll('.react-flow__node').length).toBe(6);
    expect(canvasNode('Langkah 3,').getAttribute('aria-label')).toContain('Keputusan');

    const { fileName, json } = await captureDownload(() => screen.getByRole('button', { name: 'Ekspor .sop.json' }).click());
    expect(fileName).toBe('penerbitan-surat-keterangan-domisili.sop.json');
    const doc = json as SopDocument;
    expect(validateSop(doc).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(doc.identity.title).toBe('Penerbitan Surat Keterangan Domisili');
    expect(doc.actors.map((a) => [a.label, a.kind])).toEqual([
      ['Pemohon', 'citizen'],
      ['Petugas Loket', 'role'],
      ['Kepala Seksi', 'role'],
    ]);
    const flow = doc.flows[0]!;
    expect(flow.lanes).toEqual(doc.actors.map((a) => a.id));
    const label = (id: string) => doc.actors.find((a) => a.id === id)!.label;
    expect(flow.steps.map((s) => [s.number, s.kind, s.text, s.actors.map((a) => label(a.actor))])).toEqual([
      ['1', 'start', steps[0]![1], ['Pemohon']],
      ['2', 'process', steps[1]![1], ['Petugas Loket']],
      ['3', 'decision', steps[2]![1], ['Kepala Seksi']],
      ['4', 'process', steps[3]![1], ['Petugas Loket']],
      ['5', 'process', steps[4]![1], ['Kepala Seksi']],
      ['6', 'end', steps[5]![1], ['Pemohon']],
    ]);
    expect(flow.steps[2]!.waktu).toEqual({ raw: '2-3 jam', parsed: { kind: 'amount', unit: 'hour', min: 2, max: 3 } });
    expect(flow.steps[5]!.waktu?.raw).toBe('5 menit');
    const number = (id: string | undefined) => flow.steps.find((s) => s.id === id)?.number;
    expect(flow.edges.map((e) => [number(e.from), number(e.to), e.label ?? null]).sort()).toEqual(
      [
        ['1', '2', null],
        ['2', '3', null],
        ['3', '4', 'Ya'],
        ['3', '2', 'Tidak'],
        ['4', '5', null],
        ['5', '6', null],
      ].sort(),
    );
    void page;
  }, 60_000);
});
