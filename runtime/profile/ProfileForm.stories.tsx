import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { laneGroupsOf } from '../../core/people';
import { loadSample } from '../../samples/index';
import { ProfileForm, type ProfileFormProps } from './ProfileForm';

const groups = laneGroupsOf([loadSample('bwi-spm-online')!]);

const meta = {
  title: 'Runtime/Profile/ProfileForm',
  component: ProfileForm,
  args: { groups, onSave: fn<ProfileFormProps['onSave']>(async () => undefined) },
} satisfies Meta<typeof ProfileForm>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    await userEvent.type(canvas.getByLabelText('Nama lengkap'), 'Rina Operator');
    const nip = canvas.getByLabelText('NIP (boleh kosong)');
    await userEvent.type(nip, '1985051220100120');
    await expect(canvas.getByText('NIP terdiri atas 18 angka; yang diisi 16.')).toBeVisible();
    await expect(nip).toHaveAttribute('aria-invalid', 'true');
    await userEvent.type(nip, '03');
    await expect(nip).not.toHaveAttribute('aria-invalid');
    await userEvent.type(canvas.getByLabelText('Kantor'), 'Kantor Desa Kemiren');
    await userEvent.click(canvas.getByRole('checkbox', { name: /^DESA\/KELURAHAN — / }));
    await userEvent.click(canvas.getByRole('button', { name: 'Simpan profil' }));
    await waitFor(() =>
      expect(args.onSave).toHaveBeenCalledWith({
        name: 'Rina Operator',
        nip: '198505122010012003',
        office: 'Kantor Desa Kemiren',
        lanes: [{ sopId: 'bwi-spm-online', actorId: 'desa-kelurahan' }],
      }),
    );
  },
};

export const EnglishWithProblems: Story = {
  globals: { locale: 'en' },
  args: { onSave: fn<ProfileFormProps['onSave']>(async () => ({ name: { id: 'Nama wajib diisi.', en: 'The name is required.' } })) },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
    await expect(await canvas.findByText('The name is required.')).toBeVisible();
    await expect(canvas.getByLabelText('Full name')).toHaveAttribute('aria-invalid', 'true');
  },
};

/** The person who may accept SOP revisions from case bundles into the catalogue (issue 9). */
export const MayPublishEnglish: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, args }) => {
    await userEvent.type(canvas.getByLabelText('Full name'), 'Kepala Seksi');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'May publish SOPs (accept revisions from case bundles into the catalogue)' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(args.onSave).toHaveBeenCalledWith(expect.objectContaining({ name: 'Kepala Seksi', mayPublish: true })));
  },
};
