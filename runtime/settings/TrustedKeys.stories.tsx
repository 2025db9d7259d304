import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import type { TrustedKeyRow } from '../../device';
import { TrustedKeysView } from './TrustedKeys';

const OWN = '3f2a91c05b7ed41088af6c2b9e0d7a51c3e4f5a6b7c8d9e0f1a2b3c4d5e6f708';
const OTHER = '9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5';
const key = (fingerprint: string, name: string, office: string, addedAt: string): TrustedKeyRow => ({ fingerprint, schemaVersion: 1, name, office, source: 'manual', addedAt });
const PASTED = JSON.stringify({
  format: 'sop-studio.public-key',
  version: 1,
  fingerprint: 'ignored: computed from the key',
  publicKey: { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' },
  name: 'Kecamatan Glagah',
  office: 'Kantor Kecamatan Glagah',
});

const meta = {
  title: 'Runtime/Settings/TrustedKeys',
  component: TrustedKeysView,
  args: {
    ownFingerprint: OWN,
    ownExport: '{"format":"sop-studio.public-key","version":1}',
    keys: [key(OTHER, 'Kantor Desa Kemiren', 'Desa Kemiren', '2025-06-02T01:00:00.000Z')],
    onTrust: fn(async () => undefined),
    onRemove: fn(async () => undefined),
  },
} satisfies Meta<typeof TrustedKeysView>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('heading', { name: 'Kunci tanda tangan' })).toBeVisible();
    await expect(canvas.getByText('3F2A-91C0-5B7E-D410-88AF')).toBeVisible();
    await expect(canvas.getByRole('rowheader', { name: /Kantor Desa Kemiren/ })).toBeVisible();
    await expect(canvas.getByText('9B1C-2D3E-4F5A-6B7C-8D9E')).toBeVisible();
    // Trusting a pasted key: its fingerprint is shown to compare, and nothing is trusted before the box is ticked.
    await userEvent.type(canvas.getByLabelText('Kunci publik atau sidik jari lengkap'), PASTED.replace(/[{[]/g, (c) => c + c));
    await userEvent.click(canvas.getByRole('button', { name: 'Periksa' }));
    await expect(await canvas.findByText(/Sidik jari kunci ini: [0-9A-F]{4}-/)).toBeVisible();
    await expect(canvas.getByLabelText('Nama pemilik (orang atau kantor)')).toHaveValue('Kecamatan Glagah');
    await expect(canvas.getByRole('button', { name: 'Percayai kunci ini' })).toBeDisabled();
    await userEvent.click(canvas.getByLabelText('Sidik jari sudah saya cocokkan dengan pengirim'));
    await userEvent.click(canvas.getByRole('button', { name: 'Percayai kunci ini' }));
    await waitFor(() => expect(args.onTrust).toHaveBeenCalledWith(expect.objectContaining({ name: 'Kecamatan Glagah', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) })));
    await expect(await canvas.findByText('Kunci Kecamatan Glagah dipercaya. Bundel yang ditandatanganinya kini dapat diimpor.')).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('heading', { name: 'Signing keys' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Stop trusting the key of Kantor Desa Kemiren' }));
    expect(args.onRemove).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Yes, stop trusting Kantor Desa Kemiren' }));
    await waitFor(() => expect(args.onRemove).toHaveBeenCalledWith(OTHER));
    await expect(await canvas.findByText('The key of Kantor Desa Kemiren is no longer trusted.')).toBeVisible();
    await userEvent.type(canvas.getByLabelText('Public key or full fingerprint'), 'not a key');
    await userEvent.click(canvas.getByRole('button', { name: 'Check' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Paste the public key exported by the sending device, or its full fingerprint (64 hexadecimal digits).');
    expect(args.onTrust).not.toHaveBeenCalled();
  },
};

export const NoTrustedKeysWithOffer: Story = {
  globals: { locale: 'id' },
  args: { keys: [], offer: { text: PASTED, name: 'Petugas Glagah', office: 'Kecamatan Glagah', deviceCode: '7KQX' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/Belum ada kunci tepercaya/)).toBeVisible();
    await expect(canvas.getByText(/Kunci penanda tangan bundel yang ditolak sudah diisikan/)).toBeVisible();
    await expect(await canvas.findByText(/Sidik jari kunci ini: [0-9A-F]{4}-/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Percayai kunci ini' })).toBeDisabled();
  },
};

export const DamagedRows: Story = {
  globals: { locale: 'en' },
  args: { keys: [{ fingerprint: 'zz', name: 7, addedAt: null, source: 'server' } as unknown as TrustedKeyRow, key(OTHER, '<b>markup</b> \u202Eevil', '', 'x')] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('<b>markup</b> \u202Eevil')).toBeVisible();
    await expect(canvas.getByText('Server')).toBeVisible();
  },
};
