import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSample } from '../../samples';
import { canvasNode, openDesigner, userEvent } from './helpers';

let designer: Awaited<ReturnType<typeof openDesigner>> | undefined;
afterEach(async () => {
  await designer?.dispose();
  designer = undefined;
});

/** Serious and critical axe-core violations on the page, as "rule: target" lines. */
async function seriousViolations(): Promise<string[]> {
  const results = await axe.run(document, { resultTypes: ['violations'] });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe('accessibility of the designer screens (axe-core in Chromium)', () => {
  it('has no serious or critical violations on the library, the editor views, the panels and a dialog', async () => {
    const sample = structuredClone(loadSample('lmj-07-rekom-keringanan-biaya-rs')!);
    designer = await openDesigner({ seed: () => [sample] });
    const screen = designer.screen;
    const found: Record<string, string[]> = {};

    await expect.element(screen.getByRole('heading', { name: 'Pustaka SOP' })).toBeVisible();
    found.library = await seriousViolations();

    await screen.getByRole('button', { name: 'SOP baru' }).click();
    found.newDialog = await seriousViolations();
    await screen.getByRole('button', { name: 'Batal' }).click();

    await screen.getByRole('button', { name: sample.identity.title, exact: true }).click();
    await expect.poll(() => document.querySelectorAll('.react-flow__node').length).toBeGreaterThan(0);
    found.canvas = await seriousViolations();

    await userEvent.click(canvasNode('Langkah 2,'));
    found.stepProperties = await seriousViolations();

    for (const panel of ['Pelaksana', 'Identitas', 'Isian kasus', 'Riwayat']) {
      await screen.getByRole('tab', { name: panel }).click();
      found[panel] = await seriousViolations();
    }

    await screen.getByRole('button', { name: 'Tabel', exact: true }).click();
    await expect.element(screen.getByRole('grid')).toBeVisible();
    found.table = await seriousViolations();

    await screen.getByRole('button', { name: 'JSON', exact: true }).click();
    await expect.poll(() => document.querySelector('.json-view')?.getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
    found.json = await seriousViolations();

    await screen.getByRole('button', { name: 'Terbitkan…' }).click();
    found.publishDialog = await seriousViolations();

    expect(found).toEqual({
      library: [],
      newDialog: [],
      canvas: [],
      stepProperties: [],
      Pelaksana: [],
      Identitas: [],
      'Isian kasus': [],
      Riwayat: [],
      table: [],
      json: [],
      publishDialog: [],
    });
  }, 60_000);
});
