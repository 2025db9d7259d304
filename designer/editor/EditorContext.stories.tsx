import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect } from 'storybook/test';
import { command } from '../../core/document';
import { useT } from '../../ui/i18n';
import '../designer.css';
import { miniDoc } from '../stories/storySupport';
import { EditorProvider, useEditorSnapshot, useEditorStore } from './EditorContext';
import { EditorStore } from './editorStore';

/** A view of the store: what every editor component sees through EditorProvider. */
function StoreView() {
  const t = useT();
  const store = useEditorStore();
  const { doc, canUndo } = useEditorSnapshot();
  return (
    <div style={{ padding: 16, display: 'grid', gap: 8, justifyItems: 'start' }}>
      <h2 style={{ margin: 0 }}>{doc.identity.title}</h2>
      <button type="button" className="button" onClick={() => store.run(command('identity.update', { changes: { title: `${doc.identity.title} (revisi)` } }))}>
        {t('designer.identity.title')} +
      </button>
      <button type="button" className="button" disabled={!canUndo} onClick={() => store.undo()}>
        {t('designer.toolbar.undo')}
      </button>
    </div>
  );
}

/** One store per open SOP, shared by the toolbar, views and panels; each re-renders when it changes. */
function EditorProviderDemo() {
  const [store] = useState(() => new EditorStore(miniDoc()));
  return (
    <EditorProvider value={store}>
      <StoreView />
    </EditorProvider>
  );
}

const meta = {
  title: 'Designer/Editor/EditorContext',
  component: EditorProviderDemo,
} satisfies Meta<typeof EditorProviderDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('heading', { name: 'Pelayanan Surat Keterangan' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Urungkan' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('button', { name: 'Nama SOP +' }));
    await expect(canvas.getByRole('heading', { name: 'Pelayanan Surat Keterangan (revisi)' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Urungkan' }));
    await expect(canvas.getByRole('heading', { name: 'Pelayanan Surat Keterangan' })).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'SOP name +' }));
    await expect(canvas.getByRole('heading', { name: 'Pelayanan Surat Keterangan (revisi)' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Undo' })).toBeEnabled();
  },
};
