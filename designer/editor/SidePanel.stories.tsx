import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect } from 'storybook/test';
import '../designer.css';
import { sampleDoc, storyPersistence, storyRepository, withEditor } from '../stories/storySupport';
import { SidePanel } from './SidePanel';

const SAMPLE = 'lmj-07-rekom-keringanan-biaya-rs';

/** The side panel with its own (empty) revision store, as in the editor. */
function SidePanelDemo() {
  const [repository] = useState(() => storyRepository('side-panel', [sampleDoc(SAMPLE)]));
  return (
    <div style={{ display: 'flex', height: 640 }}>
      <SidePanel repository={repository} persistence={storyPersistence()} />
    </div>
  );
}

/** One panel at a time behind tabs: properties, lanes, identity, case fields, revision history. */
const meta = {
  title: 'Designer/Editor/SidePanel',
  component: SidePanelDemo,
  decorators: [withEditor(SAMPLE, { selection: { kind: 'steps', flowId: 'main', ids: ['s3'] } })],
} satisfies Meta<typeof SidePanelDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    const properties = canvas.getByRole('tab', { name: 'Properti' });
    await expect(properties).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByRole('tabpanel')).toHaveTextContent('Langkah 3 · Proses');
    // Arrow keys move between the tabs, and the panel follows.
    properties.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('tab', { name: 'Pelaksana' })).toHaveFocus();
    await expect(canvas.getByRole('tab', { name: 'Pelaksana' })).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByRole('textbox', { name: 'Nama lajur 1' })).toHaveValue('Pengelola');
    await userEvent.click(canvas.getByRole('tab', { name: 'Identitas' }));
    await expect(canvas.getByRole('heading', { name: 'Identitas SOP' })).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('tab', { name: 'History' }));
    await expect(canvas.getByRole('heading', { name: 'Revision history' })).toBeVisible();
    await expect(await canvas.findByText('This SOP has never been published.')).toBeVisible();
    await userEvent.click(canvas.getByRole('tab', { name: 'Case fields' }));
    await expect(canvas.getByRole('heading', { name: 'Case data fields' })).toBeVisible();
  },
};
