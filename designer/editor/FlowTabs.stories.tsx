import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../designer.css';
import { withEditor } from '../stories/storySupport';
import { FlowTabs } from './FlowTabs';

const meta = {
  title: 'Designer/Editor/FlowTabs',
  component: FlowTabs,
  decorators: [withEditor('oku-01-sktm')],
} satisfies Meta<typeof FlowTabs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getAllByRole('tab')).toHaveLength(1);
    await userEvent.click(canvas.getByRole('button', { name: '+ Alur' }));
    await expect(canvas.getAllByRole('tab')).toHaveLength(2);
    await expect(canvas.getByRole('tab', { name: 'Alur 2' })).toHaveAttribute('aria-selected', 'true');
    canvas.getByRole('tab', { name: 'Alur 2' }).focus();
    await userEvent.keyboard('{ArrowLeft}');
    await expect(canvas.getAllByRole('tab')[0]).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getAllByRole('tab')[0]).toHaveFocus();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Rename flow' }));
    const input = canvas.getByRole('textbox', { name: 'Heading above the flow table (may be empty)' });
    await userEvent.clear(input);
    await userEvent.type(input, 'Normal procedure{Enter}');
    await expect(canvas.getByRole('tab', { name: 'Normal procedure' })).toBeVisible();
  },
};
