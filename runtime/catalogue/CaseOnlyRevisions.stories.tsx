import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { CaseOnlyRevisionsView, type CaseOnlyRevisionsViewProps } from './CaseOnlyRevisions';

const meta = {
  title: 'Runtime/Catalogue/CaseOnlyRevisions',
  component: CaseOnlyRevisionsView,
  args: {
    revisions: [{ key: 'bwi-spm-online@7', title: 'Penerbitan SPM OnLine', revision: 7 }],
    allowed: true,
    onAccept: fn<CaseOnlyRevisionsViewProps['onAccept']>(async () => undefined),
  },
} satisfies Meta<typeof CaseOnlyRevisionsView>;
export default meta;
type Story = StoryObj<typeof meta>;

export const AcceptIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('heading', { name: 'Revisi SOP dari bundel kasus' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Terima Penerbitan SPM OnLine revisi 7 ke katalog' }));
    await waitFor(() => expect(args.onAccept).toHaveBeenCalledWith('bwi-spm-online@7'));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Penerbitan SPM OnLine revisi 7 diterima ke katalog; kasus baru kini dapat dimulai padanya.');
  },
};

export const NotAllowedEnglish: Story = {
  globals: { locale: 'en' },
  args: { allowed: false },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/Only a profile that may publish SOPs/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Accept Penerbitan SPM OnLine revision 7 into the catalogue' })).toBeDisabled();
  },
};

export const RefusedByPublishRulesEnglish: Story = {
  globals: { locale: 'en' },
  args: {
    onAccept: fn<CaseOnlyRevisionsViewProps['onAccept']>(async () => [{ ruleId: 'identity.number', severity: 'error' as const, pointer: '/identity/number', message: { id: 'Nomor SOP wajib diisi.', en: 'The SOP number is required.' } }]),
  },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: /^Accept/ }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('This revision does not meet the publishing rules:');
    await expect(alert).toHaveTextContent('/identity/number The SOP number is required.');
  },
};

export const NoneIndonesian: Story = {
  globals: { locale: 'id' },
  args: { revisions: [] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Tidak ada revisi dari bundel yang belum ada di katalog.')).toBeVisible();
  },
};
