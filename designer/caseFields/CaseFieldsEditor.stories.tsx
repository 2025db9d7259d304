import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../designer.css';
import { withEditor } from '../stories/storySupport';
import { CaseFieldsEditor } from './CaseFieldsEditor';

const meta = {
  title: 'Designer/Panels/CaseFieldsEditor',
  component: CaseFieldsEditor,
  decorators: [withEditor('oku-01-sktm')],
} satisfies Meta<typeof CaseFieldsEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Isian baru' }), 'NIK pemohon');
    await userEvent.click(canvas.getByRole('button', { name: 'Tambah isian' }));
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Jenis isian' }), 'nik');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Wajib diisi' }));
    const item = canvas.getByRole('button', { name: 'NIK pemohon', pressed: true }).closest('li')!;
    await expect(item).toHaveTextContent('NIK (16 angka) · wajib');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Case data fields' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Add field' })).toBeDisabled();
  },
};
