import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { BundleImportView, type BundleImportOutcome } from './BundleImportPanel';

const FINGERPRINT = '3f2a91c05b7ed41088af6c2b9e0d7a51c3e4f5a6b7c8d9e0f1a2b3c4d5e6f708';
const untrusted: BundleImportOutcome = {
  kind: 'refused',
  message: {
    id: 'Bundel kasus ditolak: ditandatangani oleh Rina Operator (perangkat 7KQX, sidik jari 3F2A-91C0-5B7E-D410-88AF), tetapi kunci ini belum dipercaya di perangkat ini. Tidak ada yang disimpan.',
    en: 'Case bundle refused: signed by Rina Operator (device 7KQX, fingerprint 3F2A-91C0-5B7E-D410-88AF), but this key is not trusted on this device. Nothing was saved.',
  },
  signer: { fingerprint: FINGERPRINT, publicKey: { kty: 'EC' }, deviceCode: '7KQX', person: { id: 'p1', name: 'Rina Operator' } },
};

const meta = {
  title: 'Runtime/Bundles/BundleImportPanel',
  component: BundleImportView,
  args: { onImport: fn(async () => untrusted), onOfferTrust: fn() },
} satisfies Meta<typeof BundleImportView>;
export default meta;
type Story = StoryObj<typeof meta>;

const file = () => new File(['{}'], 'kasus.sopcase.json', { type: 'application/json' });

export const UntrustedIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    await userEvent.upload(canvas.getByLabelText('Pilih berkas bundel kasus (.sopcase.json)'), file());
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('belum dipercaya di perangkat ini');
    await expect(alert).toHaveTextContent('Penanda tangan: Rina Operator · perangkat 7KQX · sidik jari 3F2A-91C0-5B7E-D410-88AF');
    await userEvent.click(canvas.getByRole('button', { name: 'Bandingkan sidik jari dan percayai kunci ini di Pengaturan' }));
    await expect(args.onOfferTrust).toHaveBeenCalledWith(untrusted.kind === 'refused' ? untrusted.signer : undefined);
  },
};

export const ImportedEnglish: Story = {
  globals: { locale: 'en' },
  args: {
    onImport: fn(async (): Promise<BundleImportOutcome> => ({ kind: 'imported', caseId: 'c1', newEvents: 4, newAttachments: 1, keptSop: { title: 'SPM Online', revision: 7 } })),
  },
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText('Choose a case bundle file (.sopcase.json)'), file());
    const status = await canvas.findByRole('status');
    await expect(status).toHaveTextContent('Bundle imported: 4 new events, 1 new attachments.');
    await expect(status).toHaveTextContent('SOP SPM Online revision 7 from the bundle is kept for this case only; no new case can start on it.');
    await expect(canvas.getByRole('link', { name: 'Open the case' })).toHaveAttribute('href', '#/kasus/c1');
  },
};

export const RefusedContentEnglish: Story = {
  globals: { locale: 'en' },
  args: {
    onImport: fn(async (): Promise<BundleImportOutcome> => ({
      kind: 'refused',
      message: { id: 'Bundel kasus ditolak: Peristiwa (/events/0/fields/nik): NIK: …', en: 'Case bundle refused: Events (/events/0/fields/nik): NIK: a NIK has 16 digits. Nothing was saved.' },
    })),
  },
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText('Choose a case bundle file (.sopcase.json)'), file());
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Events (/events/0/fields/nik)');
    await expect(canvas.queryByRole('button', { name: /trust this key/ })).toBeNull();
  },
};
