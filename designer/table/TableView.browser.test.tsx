import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { I18nProvider } from '../../ui/i18n';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import type { EditorStore } from '../editor/editorStore';
import { STEPS_MIME } from '../editor/clipboard';
import { useEditorKeyboard } from '../editor/useEditorKeyboard';
import { EditorFixture, sampleDoc } from '../stories/storySupport';
import { TableView } from './TableView';
import '../designer.css';

/** The table inside the editor's keyboard and clipboard handling, as the editor mounts it. */
function Editor() {
  const store = useEditorStore();
  const { doc, ui } = useEditorSnapshot();
  const [root, onKeyDown] = useEditorKeyboard(store);
  return (
    <div ref={root} onKeyDown={onKeyDown} className="designer designer--editor" style={{ height: 700, display: 'flex' }}>
      <TableView doc={doc} flow={doc.flows.find((f) => f.id === ui.flowId)!} />
    </div>
  );
}

let unmount: (() => Promise<void>) | undefined;
afterEach(async () => {
  await unmount?.();
  unmount = undefined;
});

async function renderTable(doc: SopDocument = sampleDoc('bwi-spm-online'), lang: 'id' | 'en' = 'id') {
  let store!: EditorStore;
  const screen = await render(
    <I18nProvider initialLang={lang} persist={false}>
      <EditorFixture doc={doc} onStore={(s) => (store = s)}>
        <Editor />
      </EditorFixture>
    </I18nProvider>,
  );
  unmount = () => screen.unmount();
  return { screen, store };
}

const rows = () => [...document.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const cell = (row: number, column: string) => rows()[row]!.querySelector<HTMLElement>(`.step-grid__cell--${column}`)!;
const selectedRows = () => rows().flatMap((r, i) => (r.getAttribute('aria-selected') === 'true' ? [i + 1] : []));

describe('step table: symbol and branch columns, row ranges (real Chromium)', () => {
  it('shows each row\'s symbol and where its arrows go', async () => {
    const { screen } = await renderTable();
    await expect.element(screen.getByRole('columnheader', { name: 'Simbol' })).toBeVisible();
    await expect.element(screen.getByRole('columnheader', { name: 'Menuju langkah' })).toBeVisible();
    expect(cell(0, 'branches').textContent).toBe('→ 2');
    expect(cell(5, 'branches').textContent).toBe('memenuhi persyaratan → 7\ntidak memenuhi syarat → 4');
    expect(cell(9, 'branches').textContent).toBe('');
    await expect.element(screen.getByRole('combobox', { name: 'Simbol langkah 6' })).toHaveValue('decision');
    await expect.element(screen.getByRole('combobox', { name: 'Simbol langkah 1', exact: true })).toHaveValue('start');
  }, 30_000);

  it('changes a row\'s symbol with step.changeKind, undone in one step', async () => {
    const { screen, store } = await renderTable();
    await screen.getByRole('combobox', { name: 'Simbol langkah 3' }).selectOptions('connector');
    expect(store.doc.flows[0]!.steps[2]!.kind).toBe('connector');
    store.undo();
    await expect.element(screen.getByRole('combobox', { name: 'Simbol langkah 3' })).toHaveValue('process');
  });

  it('Shift+click selects a range of rows; Ctrl+C copies it and Ctrl+Delete deletes it in one undo step', async () => {
    const { store } = await renderTable();
    await userEvent.click(cell(1, 'text'));
    await userEvent.keyboard('{Shift>}');
    await userEvent.click(cell(3, 'text'));
    await userEvent.keyboard('{/Shift}');
    expect(selectedRows()).toEqual([2, 3, 4]);
    expect(store.selectedStepIds).toEqual(['s2', 's3', 's4']);

    const data = new DataTransfer();
    document.activeElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    const copied = JSON.parse(data.getData(STEPS_MIME)) as { steps: { id: string; number?: string }[] };
    expect(copied.steps.map((step) => step.number)).toEqual(['2', '3', '4']);

    await userEvent.keyboard('{Control>}{Delete}{/Control}');
    expect(store.doc.flows[0]!.steps.map((s) => s.id)).toEqual(['s1', 's5', 's6', 's7', 's8', 's9', 's10']);
    store.undo();
    expect(store.doc.flows[0]!.steps).toHaveLength(10);
  });

  it('Shift+arrows grow and shrink the range from where it started; Delete clears the column in every selected row', async () => {
    const { store } = await renderTable();
    await userEvent.click(cell(4, 'waktu'));
    await userEvent.keyboard('{Shift>}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowUp}{/Shift}');
    expect(selectedRows()).toEqual([5, 6, 7]);
    expect(cell(6, 'waktu').classList.contains('step-grid__cell--active')).toBe(true);
    await userEvent.keyboard('{Delete}');
    expect(store.doc.flows[0]!.steps.slice(4, 7).map((s) => s.waktu?.raw ?? '')).toEqual(['', '', '']);
    expect(store.doc.flows[0]!.steps[7]!.waktu?.raw).not.toBe('');
    store.undo();
    expect(store.doc.flows[0]!.steps.slice(4, 7).map((s) => s.waktu?.raw ?? '')).toEqual(sampleDoc('bwi-spm-online').flows[0]!.steps.slice(4, 7).map((s) => s.waktu?.raw ?? ''));
    // A plain arrow ends the range.
    await userEvent.keyboard('{ArrowDown}');
    expect(selectedRows()).toEqual([8]);
  });

  it('speaks English', async () => {
    const { screen } = await renderTable(sampleDoc('bwi-spm-online'), 'en');
    await expect.element(screen.getByRole('columnheader', { name: 'Goes to step' })).toBeVisible();
    await expect.element(screen.getByRole('combobox', { name: 'Symbol of step 6' })).toHaveDisplayValue('Decision');
  });
});
