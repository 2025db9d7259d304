// One definition of valid, as the drafter meets it (real Chromium): a text
// field takes no more than the schema allows, so what is saved and exported
// always comes back through the app's own import; a Word line break (U+000B)
// never reaches the document; and a document that holds one anyway still
// exports as well-formed SVG and as PNG.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SOP_LIMITS } from '../../core/validation';
import { loadSample } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { checkImportText } from '../library/sopFiles';
import { canvasNode, openDesigner, userEvent, waitForSaved, openFirstSopOf } from './helpers';

let designer: Awaited<ReturnType<typeof openDesigner>> | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await designer?.dispose();
  designer = undefined;
});

const SAMPLE = 'bwi-spm-online';
const sample = (): SopDocument => structuredClone(loadSample(SAMPLE)!);

async function openSample(seed: () => SopDocument[] = () => [sample()]) {
  designer = await openFirstSopOf(seed);
  return designer.screen;
}

/** The next download: its name and contents (svgToPngBlob makes its own URL first, so the last blob). */
async function captureBlob(trigger: () => Promise<unknown>): Promise<{ fileName: string; blob: Blob }> {
  const blobs: Blob[] = [];
  let fileName = '';
  const createObjectURL = URL.createObjectURL.bind(URL);
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return createObjectURL(blob);
  });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    fileName = this.download;
  });
  await trigger();
  await vi.waitFor(() => {
    if (!fileName) throw new Error(`no download yet ${document.querySelector('.toast')?.textContent ?? ''}`);
  });
  click.mockRestore();
  create.mockRestore();
  return { fileName, blob: blobs.at(-1)! };
}

describe('typing limits (real Chromium)', () => {
  it('100 KB typed into Kegiatan stops at the schema limit, says so, and the export imports again', async () => {
    const screen = await openSample();
    await userEvent.click(canvasNode('Langkah 1,'));
    const kegiatan = screen.getByRole('textbox', { name: 'Kegiatan' });
    await kegiatan.fill('Verifikasi berkas. '.repeat(5300).slice(0, 100_000));
    await expect.element(screen.getByText('Batas 20.000 karakter tercapai; teks yang lebih panjang tidak disimpan.')).toBeVisible();
    expect((kegiatan.element() as HTMLTextAreaElement).value).toHaveLength(SOP_LIMITS.longText);
    await waitForSaved();
    const stored = await designer!.stored(SAMPLE);
    expect(stored!.flows[0]!.steps[0]!.text).toHaveLength(SOP_LIMITS.longText);

    const exported = await captureBlob(() => screen.getByRole('button', { name: 'Ekspor .sop.json' }).click());
    const check = checkImportText(await exported.blob.text());
    expect(check.ok, JSON.stringify(check.diagnostics.slice(0, 2))).toBe(true);
  });

  it('shows the count as the text nears the limit, in English too', async () => {
    designer = await openDesigner({ seed: () => [sample()], lang: 'en' });
    const title = sample().identity.title;
    await designer.screen.getByRole('button', { name: title, exact: true }).click();
    await expect.poll(() => document.querySelectorAll('.react-flow__node').length).toBeGreaterThan(0);
    await userEvent.click(canvasNode('Step 1,'));
    await designer.screen.getByRole('textbox', { name: 'Activity' }).fill('x'.repeat(19_000));
    await expect.element(designer.screen.getByText('19,000 of 20,000 characters')).toBeVisible();
  });

  it('a Word line break (U+000B) pasted into Kegiatan is kept as a line break', async () => {
    const screen = await openSample();
    await userEvent.click(canvasNode('Langkah 1,'));
    await screen.getByRole('textbox', { name: 'Kegiatan' }).fill('Baris satu\u000BBaris dua\u0007');
    await waitForSaved();
    expect((await designer!.stored(SAMPLE))!.flows[0]!.steps[0]!.text).toBe('Baris satu\nBaris dua');
  });
});

describe('export of a document holding U+000B (real Chromium)', () => {
  it('"Ekspor SVG" writes well-formed XML and "Ekspor PNG" still gives a PNG', async () => {
    // Documents stored before the validator refused control characters may still hold them.
    const hostile = () => {
      const doc = sample();
      const lane = doc.actors.find((a) => a.id === doc.flows[0]!.lanes[0])!;
      lane.label = `${lane.label}\u000BUJI-SVG`;
      doc.flows[0]!.edges.find((e) => e.label)!.label = 'Ajukan\u000Bulang\u0001';
      doc.flows[0]!.steps[0]!.text = 'Kegiatan\u000Bdengan pemisah baris Word';
      return [doc];
    };
    const screen = await openSample(hostile);
    const svg = await captureBlob(() => screen.getByRole('button', { name: 'Ekspor SVG', exact: true }).click());
    const text = await svg.blob.text();
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')?.textContent ?? null).toBeNull();
    expect(parsed.documentElement.textContent).toContain('Ajukan');
    expect(parsed.documentElement.textContent).toContain('UJI-SVG');

    const png = await captureBlob(() => screen.getByRole('button', { name: 'Ekspor PNG', exact: true }).click());
    expect(png.blob.type).toBe('image/png');
    const bytes = new Uint8Array(await png.blob.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  });
});
