import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { emptyDraftValues } from '../storage/repository';
import { bwiCase } from '../storyFixtures';
import { StepForm, type StepFormProps } from './StepForm';

const atStart = bwiCase(0);
const atDecision = bwiCase(5);
const sentBack = bwiCase(5, { sentBack: true });
let fileCounter = 0;

const meta = {
  title: 'Runtime/StepForm',
  component: StepForm,
  args: {
    ...atStart,
    visit: atStart.state.visits[0]!,
    timeZone: 'Asia/Jakarta',
    initialValues: emptyDraftValues(),
    initialFiles: [],
    onDraftChange: fn(),
    onSubmit: fn<StepFormProps['onSubmit']>(async () => undefined),
    newFileId: () => `file-${++fileCounter}`,
  },
} satisfies Meta<typeof StepForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement, args }) => {
    await expect(canvas.getByRole('heading', { name: 'Langkah 1' })).toBeVisible();
    await expect(canvas.getByText('Pelaksana: MASYARAKAT/ PEMOHON')).toBeVisible();
    await expect(canvas.getByText(/^Batas waktu: .* WIB \(Waktu SOP: 60 Menit\)$/)).toBeVisible();
    await userEvent.click(canvas.getByRole('checkbox', { name: 'KTP (wajib diperiksa)' }));
    await waitFor(() => expect(args.onDraftChange).toHaveBeenCalled());
    // Waive one required item, with its reason.
    await userEvent.click(canvas.getAllByRole('checkbox', { name: 'Kecualikan (dengan alasan)' })[1]!);
    await userEvent.type(canvas.getByLabelText('Alasan pengecualian'), 'Rujukan menyusul');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'KK asli beserta photo kopinya (wajib diperiksa)' }));
    // One attachment control per document: the KTP requirement's file also fills the "KTP" file field.
    await expect(canvas.getAllByRole('button', { name: /^Lampirkan foto\/berkas untuk/ })).toHaveLength(3);
    await expect(canvas.queryByText('Isian langkah ini')).toBeNull();
    await userEvent.upload(canvasElement.querySelector<HTMLInputElement>('[data-requirement="s1-r1"] input[type="file"]')!, new File(['ktp'], 'ktp.jpg', { type: 'image/jpeg' }));
    await expect(canvas.getByRole('button', { name: 'Hapus lampiran ktp.jpg' })).toBeVisible();
    await userEvent.type(canvas.getByLabelText('Catatan'), 'Datang pukul 08.00');
    await userEvent.click(canvas.getByRole('button', { name: 'Selesaikan langkah 1' }));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalled());
    const [intent, submission, actingAs, files] = (args.onSubmit as ReturnType<typeof fn>).mock.calls[0]!;
    expect(intent).toEqual({ kind: 'complete' });
    expect(submission).toMatchObject({ ticked: ['s1-r1', 's1-r2'], waivers: [{ requirementId: 's1-r3', reason: 'Rujukan menyusul' }], note: 'Datang pukul 08.00' });
    expect(actingAs).toBe('masyarakat-pemohon');
    expect(files).toHaveLength(1);
    expect(submission.attachments).toEqual([expect.objectContaining({ name: 'ktp.jpg', requirementId: 's1-r1', fieldId: 'berkas-ktp' })]);
    expect(submission.fields).toEqual({ 'berkas-ktp': [expect.objectContaining({ name: 'ktp.jpg' })] });
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: {
    onSubmit: fn<StepFormProps['onSubmit']>(async () => ({
      message: { id: 'Persyaratan wajib belum dicentang.', en: 'Required items not ticked: "KTP".' },
      details: { 's1-r1': { id: 'Wajib dicentang.', en: 'Required: tick it, or record a waiver with its reason.' } },
    })),
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Step 1' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Complete step 1' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Not saved yet: Required items not ticked: "KTP".');
    await expect(canvas.getByText('Required: tick it, or record a waiver with its reason.')).toBeVisible();
  },
};

export const Decision: Story = {
  globals: { locale: 'id' },
  args: { ...atDecision, visit: atDecision.state.visits.at(-1)! },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('group', { name: 'Keputusan' })).toBeVisible();
    // Each branch says where it leads: on to step 7, or back to the village at step 4.
    await expect(canvas.getByRole('button', { name: 'memenuhi persyaratan → langkah 7 (DINAS SOSIAL)' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'tidak memenuhi syarat → kembali ke langkah 4 (DESA/KELURAHAN)' }));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledWith({ kind: 'choose', edgeId: 'e7' }, expect.anything(), 'kecamatan', []));
  },
};

export const DecisionEnglish: Story = {
  globals: { locale: 'en' },
  args: { ...atDecision, visit: atDecision.state.visits.at(-1)! },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'memenuhi persyaratan → step 7 (DINAS SOSIAL)' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'tidak memenuhi syarat → back to step 4 (DESA/KELURAHAN)' })).toBeVisible();
  },
};

/** Step 4 again after Kecamatan sent the case back: the reason, who and when, and the missing document marked. */
export const SentBack: Story = {
  globals: { locale: 'id' },
  args: { ...sentBack, visit: sentBack.state.visits.at(-1)! },
  play: async ({ canvas, canvasElement }) => {
    const notice = canvas.getByRole('note', { name: 'Kasus dikembalikan ke langkah ini' });
    await expect(notice).toHaveTextContent('Dikembalikan dari langkah 6 oleh KECAMATAN, 2 Jun 2025, 11.52 WIB.');
    await expect(notice).toHaveTextContent('Alasan: Fotokopi KTP pemilik rumah belum ada');
    await expect(notice).toHaveTextContent('Photo kopi KTP pemilik rumah, jika numpang/sewa');
    const marked = canvasElement.querySelector('[data-requirement="s4-r3"]')!;
    expect(marked.classList.contains('rt-check--missing')).toBe(true);
    await expect(marked).toHaveTextContent('kurang saat dikembalikan');
    expect(canvasElement.querySelectorAll('.rt-check--missing')).toHaveLength(1);
  },
};

export const SentBackEnglish: Story = {
  globals: { locale: 'en' },
  args: { ...sentBack, visit: sentBack.state.visits.at(-1)! },
  play: async ({ canvas }) => {
    const notice = canvas.getByRole('note', { name: 'The case was sent back to this step' });
    await expect(notice).toHaveTextContent('Returned from step 6 by KECAMATAN, 2 Jun 2025, 11:52 WIB.');
    await expect(canvas.getByText('missing when returned')).toBeVisible();
  },
};

export const RestoredDraft: Story = {
  globals: { locale: 'id' },
  args: { initialValues: { ...emptyDraftValues(), ticked: ['s1-r1'], output: 'Berkas diterima lengkap' }, restored: true, draftSavedAt: Date.parse('2025-06-02T01:30:00.000Z') },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Draf yang belum dikirim dipulihkan.')).toBeVisible();
    await expect(canvas.getByRole('checkbox', { name: 'KTP (wajib diperiksa)' })).toBeChecked();
    await expect(canvas.getByLabelText('Output')).toHaveValue('Berkas diterima lengkap');
    await expect(canvas.getByText('Draf tersimpan otomatis pukul 08.30.')).toBeVisible();
  },
};
