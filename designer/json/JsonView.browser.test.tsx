import { afterEach, describe, expect, it } from 'vitest';
import { loadSample } from '../../samples';
import { openDesigner } from '../tests/helpers';

let designer: Awaited<ReturnType<typeof openDesigner>> | undefined;
afterEach(async () => {
  await designer?.dispose();
  designer = undefined;
});

const SAMPLE = 'lmj-06-tetirah';

async function openJsonView() {
  designer = await openDesigner({ seed: () => [structuredClone(loadSample(SAMPLE)!)] });
  const screen = designer.screen;
  await screen.getByRole('button', { name: 'PENGIRIMAN PESERTA TERTIRAH', exact: true }).click();
  await screen.getByRole('button', { name: 'JSON', exact: true }).click();
  const { monaco } = await import('./monacoSetup');
  await expect.poll(() => document.querySelector('.json-view')?.getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
  const model = monaco.editor.getModels().find((m) => m.uri.path.endsWith(`${SAMPLE}.sop.json`))!;
  const markers = () => monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => [m.owner, m.startLineNumber, m.startColumn, m.message]);
  return { screen, model, markers };
}

describe('JSON view: syntax errors in the interface language (real Chromium, Monaco)', () => {
  it('says what is wrong and where, in Indonesian, in the status bar and under the text; in English once the drafter switches', async () => {
    const { screen, model, markers } = await openJsonView();
    // Drop the comma after "schemaVersion": 2 (line 3 of the text).
    const text = model.getValue();
    expect(text.split('\n')[2]).toBe('  "schemaVersion": 2,');
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: text.replace('"schemaVersion": 2,', '"schemaVersion": 2') }], () => null);

    const status = screen.getByTestId('json-status');
    await expect.element(status).toHaveTextContent('Teks bukan JSON yang sah (baris 4, kolom 3): Kurang tanda koma (,) sebelum "\\"".');
    expect(status.element().textContent).not.toMatch(/Expected|position|property value/);
    await expect.poll(markers).toEqual([['sop-studio', 4, 3, 'Teks bukan JSON yang sah (baris 4, kolom 3): Kurang tanda koma (,) sebelum "\\"".']]);

    await screen.getByRole('combobox', { name: 'Bahasa' }).selectOptions('en');
    await expect.element(status).toHaveTextContent('The text is not valid JSON (line 4, column 3): A comma (,) is missing before "\\"".');
    await expect.poll(markers).toEqual([['sop-studio', 4, 3, 'The text is not valid JSON (line 4, column 3): A comma (,) is missing before "\\"".']]);
  }, 60_000);

  it('underlines a schema problem at the value it is about, and clears the marks once the text is valid again', async () => {
    const { screen, model, markers } = await openJsonView();
    const original = model.getValue();
    const broken = JSON.parse(original) as { identity: { title: unknown } };
    broken.identity.title = 42;
    const brokenText = JSON.stringify(broken, null, 2);
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: brokenText }], () => null);
    const line = brokenText.split('\n').findIndex((l) => l.includes('"title": 42')) + 1;
    await expect.poll(() => markers().map(([owner, at]) => [owner, at])).toEqual([['sop-studio', line]]);
    await expect.element(screen.getByTestId('json-status')).toHaveTextContent('/identity/title');

    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: original }], () => null);
    await expect.element(screen.getByTestId('json-status')).toHaveTextContent('JSON sah dan sama dengan dokumen.');
    await expect.poll(markers).toEqual([]);
  }, 60_000);
});
