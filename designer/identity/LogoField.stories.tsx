import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import '../designer.css';
import './identity.css';
import { withEditor } from '../stories/storySupport';
import { LogoField } from './LogoField';
import { dropFile, logoPngFile } from './testFiles';

const meta = {
  title: 'Designer/Identity/LogoField',
  component: LogoField,
  decorators: [withEditor('bwi-spm-online')],
} satisfies Meta<typeof LogoField>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No logo yet; a PNG dropped on the box becomes the letterhead logo, and can be removed. */
export const DropALogo: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await expect(canvas.getByText('Belum ada logo.')).toBeVisible();
    dropFile(canvasElement.querySelector('.image-upload')!, logoPngFile());
    await waitFor(() => expect(canvas.getByRole('img', { name: 'Logo kop surat saat ini' })).toBeVisible());
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus logo' }));
    await expect(canvas.getByText('Belum ada logo.')).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Letterhead logo' })).toBeVisible();
    await expect(canvas.getByText('PNG or JPEG, at most 256.3 KB. Choose a file or drop it here.')).toBeVisible();
  },
};
