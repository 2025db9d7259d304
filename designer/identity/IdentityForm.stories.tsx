import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../designer.css';
import { withEditor } from '../stories/storySupport';
import { IdentityForm } from './IdentityForm';

const meta = {
  title: 'Designer/Panels/IdentityForm',
  component: IdentityForm,
  decorators: [withEditor('bwi-spm-online')],
} satisfies Meta<typeof IdentityForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('textbox', { name: 'Nomor SOP' })).toHaveValue('660/04/429.109/2024');
    await expect(canvas.getAllByText('Dibaca sebagai 2024-01-16')).toHaveLength(2);
    await expect(canvas.getByRole('group', { name: 'Dasar Hukum' })).toBeVisible();
    await userEvent.click(canvas.getAllByRole('button', { name: '+ Butir' })[0]!);
    await expect(canvas.getByRole('textbox', { name: 'Dasar Hukum 2' })).toHaveValue('');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'SOP identity' })).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Approved by' })).toBeVisible();
  },
};
