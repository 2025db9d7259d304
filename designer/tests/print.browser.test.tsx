import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { hasErrors, validateSop } from '../../core/validation';
import { loadSample } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { I18nProvider } from '../../ui/i18n';
import { PrintPreview } from '../../print/view';
import { takeHandedOverDocument } from '../../print/view/handover';
import { canvasNode, openDesigner, userEvent } from './helpers';

let designer: Awaited<ReturnType<typeof openDesigner>> | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await designer?.dispose();
  designer = undefined;
});

const SAMPLE = 'bwi-spm-online';
const sample = (): SopDocument => structuredClone(loadSample(SAMPLE)!);

async function openSample() {
  designer = await openDesigner({ seed: () => [sample()] });
  const title = sample().identity.title;
  await designer.screen.getByRole('button', { name: title, exact: true }).click();
  await expect.element(designer.screen.getByRole('heading', { name: title })).toBeVisible();
  await expect.poll(() => document.querySelectorAll('.react-flow__node').length).toBeGreaterThan(0);
  return designer.screen;
}

/** The next file offered for download: its name and its contents. */
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
  // svgToPngBlob makes its own object URL for the SVG it rasterises: the download is the last one.
  return { fileName, blob: blobs.at(-1)! };
}

describe('print and image export from the editor (real Chromium)', () => {
  it('"Cetak" opens the print view with the draft as it is now, unsaved and unpublished edits included', async () => {
    const screen = await openSample();
    await userEvent.click(canvasNode('Langkah 1,'));
    const kegiatan = screen.getByRole('textbox', { name: 'Kegiatan' });
    const edited = `${sample().flows[0]!.steps[0]!.text} (draf baru)`;
    await kegiatan.fill(edited);

    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    await screen.getByRole('button', { name: 'Cetak', exact: true }).click();
    expect(open).toHaveBeenCalledTimes(1);
    const [url, target] = open.mock.calls[0]!;
    expect(target).toBe('_blank');
    const key = /^\.\.\/print\/\?doc=([a-z0-9]+)$/.exec(String(url))?.[1];
    expect(key).toBeDefined();

    // What the print page takes out of storage is the editor's draft, edit included, still a draft.
    const handed = (await takeHandedOverDocument(key!)) as SopDocument;
    expect(handed.flows[0]!.steps[0]!.text).toBe(edited);
    expect(handed.revision).toEqual(sample().revision);
    expect(hasErrors(validateSop(handed).diagnostics)).toBe(false);
    // Taken once: a reload of the print page does not find it again.
    expect(await takeHandedOverDocument(key!, 0)).toBeNull();

    // The print page shows it: the flowchart table carries the edited step.
    const print = await render(
      <I18nProvider initialLang="id" persist={false}>
        <PrintPreview doc={handed} />
      </I18nProvider>,
    );
    const view = page.elementLocator(print.container);
    await expect.element(view.getByRole('status')).toHaveTextContent(/halaman/i);
    await expect.element(view.getByText(edited).first()).toBeInTheDocument();
    await print.unmount();
  });

  it('the print dialog "Cetak" opens offers A4, F4, Letter and Legal, and lays the pages out on the paper chosen', async () => {
    const screen = await openSample();
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
    const paper = view.getByRole('combobox', { name: 'Ukuran kertas' });
    const options = [...(paper.element() as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options).toEqual(['A4 (210 × 297 mm)', 'F4 (215 × 330 mm)', 'Letter (8,5 × 11 in)', 'Legal (8,5 × 14 in)']);
    const sheet = () => document.querySelector<HTMLElement>('.print-page')!.style.width;
    const pageRule = () => [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').find((css) => css.includes('@page'));
    await expect.element(view.getByRole('status')).toHaveTextContent(/halaman/i);
    // Landscape, as SOPs are signed: the sheet is as wide as the paper is tall.
    expect(sheet()).toBe('297mm');
    for (const [choice, width, height] of [['Letter (8,5 × 11 in)', '279.4mm', '215.9mm'], ['Legal (8,5 × 14 in)', '355.6mm', '215.9mm']] as const) {
      await paper.selectOptions(choice);
      await expect.poll(sheet).toBe(width);
      await expect.poll(pageRule).toContain(`size: ${width} ${height}`);
      await expect.element(view.getByRole('status')).toHaveTextContent(/halaman/i);
    }
    await print.unmount();
  });

  it('"Ekspor SVG" and "Ekspor PNG" download the open flow as drawn now', async () => {
    const screen = await openSample();
    // An unsaved change the image must show: a lane renamed (short enough to stay on one line of the header).
    await screen.getByRole('tab', { name: 'Pelaksana' }).click();
    await screen.getByRole('textbox', { name: 'Nama lajur 1' }).fill('Loket X9');

    const svg = await captureBlob(() => screen.getByRole('button', { name: 'Ekspor SVG', exact: true }).click());
    expect(svg.fileName).toMatch(/\.svg$/);
    expect(svg.blob.type).toBe('image/svg+xml');
    const text = await svg.blob.text();
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('Loket X9');

    const png = await captureBlob(() => screen.getByRole('button', { name: 'Ekspor PNG', exact: true }).click());
    expect(png.fileName).toMatch(/\.png$/);
    expect(png.blob.type).toBe('image/png');
    const bytes = new Uint8Array(await png.blob.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  });
});
