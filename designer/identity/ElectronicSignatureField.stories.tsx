import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import '../designer.css';
import './identity.css';
import { withEditor } from '../stories/storySupport';
import { ElectronicSignatureField } from './ElectronicSignatureField';
import { qrPngFile } from './testFiles';

const meta = {
  title: 'Designer/Identity/ElectronicSignatureField',
  component: ElectronicSignatureField,
  decorators: [withEditor('bwi-spm-online')],
} satisfies Meta<typeof ElectronicSignatureField>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No TTE yet; uploading the QR starts the block, then the statement and the footer option appear. */
export const StartWithQr: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByText(/tidak ditandatangani secara elektronik/)).toBeVisible();
    await userEvent.upload(canvas.getByLabelText('Pilih kode QR'), qrPngFile());
    await waitFor(() => expect(canvas.getByRole('img', { name: 'Kode QR tanda tangan elektronik saat ini' })).toBeVisible());
    await userEvent.type(canvas.getByRole('textbox', { name: 'Pernyataan penandatanganan' }), 'Ditandatangani secara elektronik');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Cetak juga di kaki setiap halaman' }));
    await expect(canvas.getByRole('checkbox', { name: 'Cetak juga di kaki setiap halaman' })).toBeChecked();
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus tanda tangan elektronik' }));
    await expect(canvas.queryByRole('textbox', { name: 'Pernyataan penandatanganan' })).toBeNull();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Electronic signature (TTE)' })).toBeVisible();
    await expect(canvas.getByLabelText('Choose QR code')).toBeInTheDocument();
  },
};
