import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../designer.css';
import { withEditor } from '../stories/storySupport';
import { LanesPanel } from './LanesPanel';

const meta = {
  title: 'Designer/Panels/LanesPanel',
  component: LanesPanel,
  decorators: [withEditor('oku-01-sktm')],
} satisfies Meta<typeof LanesPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('textbox', { name: 'Nama lajur 1' })).toHaveValue('Dinas Sosial');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Nama pelaksana' }), 'Kepala Dinas');
    await userEvent.click(canvas.getByRole('button', { name: 'Tambah lajur' }));
    await expect(canvas.getByRole('textbox', { name: 'Nama lajur 4' })).toHaveValue('Kepala Dinas');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Actor lanes of this flow' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Move lane 1 right' })).toBeVisible();
  },
};

export const RemovingALaneWithSteps: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus lajur 2' }));
    const dialog = await canvas.findByRole('dialog');
    await expect(dialog).toHaveTextContent('Lajur ini masih memiliki 1 langkah');
    await userEvent.click(canvas.getByRole('button', { name: 'Pindahkan dan hapus lajur' }));
    await expect(canvas.queryByRole('textbox', { name: 'Nama lajur 3' })).toBeNull();
  },
};
