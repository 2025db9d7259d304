import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { emptyDraftValues } from '../storage/repository';
import { bwiCase } from '../storyFixtures';
import { StepForm, type StepFormProps } from './StepForm';
import { askedCase, limitCase, signOffCase, waitingCase } from './v2CaseFixtures';

const atStart = bwiCase(0);
const atDecision = bwiCase(5);
const sentBack = bwiCase(5, { sentBack: true });
const asked = askedCase();
const signing = signOffCase(2);
const waiting = waitingCase();
const limited = limitCase();
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

/** An asked row (schema v2 `condition.asked`): the clerk first says whether it applies; "no" skips it, with a reason. */
export const AskedRowSkipped: Story = {
  globals: { locale: 'id' },
  args: { ...asked, visit: asked.state.visits.at(-1)! },
  play: async ({ canvas, args }) => {
    const question = canvas.getByRole('group', { name: 'Apakah langkah ini berlaku untuk pemohon ini?' });
    await expect(question).toHaveTextContent('Syarat: Jika pemohon hanya memerlukan rawat jalan');
    // Until the question is answered there is nothing to fill in or complete.
    await expect(canvas.queryByRole('button', { name: 'Selesaikan langkah 2' })).toBeNull();
    await expect(canvas.queryByRole('checkbox', { name: /Surat rujukan dokter/ })).toBeNull();
    await userEvent.type(canvas.getByLabelText('Alasan tidak berlaku (tidak wajib)'), 'Pemohon dirawat inap');
    await userEvent.click(canvas.getByRole('button', { name: 'Tidak berlaku: lewati langkah 2' }));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledWith({ kind: 'skip', note: 'Pemohon dirawat inap' }, {}, 'kasi', []));
  },
};

/** "Yes, it applies": the question gives way to the step's own form. */
export const AskedRowApplies: Story = {
  globals: { locale: 'id' },
  args: { ...asked, visit: asked.state.visits.at(-1)! },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Ya, berlaku' }));
    await expect(canvas.queryByRole('group', { name: 'Apakah langkah ini berlaku untuk pemohon ini?' })).toBeNull();
    await expect(canvas.getByText('Berlaku: isi langkah ini di bawah.')).toBeVisible();
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Surat rujukan dokter (wajib diperiksa)' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Selesaikan langkah 2' }));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledWith({ kind: 'complete' }, expect.objectContaining({ ticked: ['rj-r1'] }), 'kasi', []));
  },
};

export const AskedRowEnglish: Story = {
  globals: { locale: 'en' },
  args: {
    ...asked,
    visit: asked.state.visits.at(-1)!,
    onSubmit: fn<StepFormProps['onSubmit']>(async () => ({ message: { id: 'Langkah 2 sudah mulai dikerjakan.', en: 'Step 2 has already been worked on, so it can no longer be skipped.' } })),
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Does this step apply to this applicant?' })).toHaveTextContent('Condition: Jika pemohon hanya memerlukan rawat jalan');
    await userEvent.click(canvas.getByRole('button', { name: 'Does not apply: skip step 2' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Not saved yet: Step 2 has already been worked on, so it can no longer be skipped.');
  },
};

/** A sign-off chain inside one lane (schema v2 `signOffs`): who initialled, and when; whose turn it is; who comes after. */
export const SignOffChainInLane: Story = {
  globals: { locale: 'id' },
  args: { ...signing, visit: signing.state.visits.at(-1)! },
  play: async ({ canvas, canvasElement, args }) => {
    const chain = canvas.getByRole('region', { name: 'Paraf dan tanda tangan, berurutan' });
    const slots = Array.from(chain.querySelectorAll('li')).map((li) => li.textContent);
    expect(slots).toEqual([
      expect.stringMatching(/^Paraf Kasi Rehabilitasi Sosial \(Dinas Sosial\) · sudah, oleh Agus Kasi pada 2 Jun 2025, 1\d\.\d\d WIB · Catatan: Sudah diperiksa$/),
      expect.stringMatching(/^Paraf Kabid Rehabilitasi Sosial \(Dinas Sosial\) · sudah, oleh Dewi Kabid pada /),
      'Paraf Sekretaris Dinas (Dinas Sosial) · giliran berikutnya',
      'Tanda tangan Kepala Dinas (Dinas Sosial) · menunggu',
    ]);
    expect(canvasElement.querySelector('[aria-current="step"]')!.textContent).toContain('Sekretaris Dinas');
    await userEvent.click(canvas.getByRole('button', { name: 'Catat paraf Sekretaris Dinas' }));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledWith({ kind: 'signOff', actorId: 'dinsos', position: 'Sekretaris Dinas' }, {}, 'dinsos', []));
  },
};

export const SignOffChainEnglish: Story = {
  globals: { locale: 'en' },
  args: { ...signing, visit: signing.state.visits.at(-1)! },
  play: async ({ canvas }) => {
    const chain = canvas.getByRole('region', { name: 'Initials and signatures, in order' });
    await expect(chain).toHaveTextContent('Initials of Sekretaris Dinas (Dinas Sosial) · next');
    await expect(chain).toHaveTextContent('Signature of Kepala Dinas (Dinas Sosial) · waiting');
    await expect(canvas.getByRole('button', { name: 'Record the initials of Sekretaris Dinas' })).toBeVisible();
  },
};

/** A wait (schema v2 `measure: "wait"`): when it should be over, and that it is not counted as late. */
export const WaitingStep: Story = {
  globals: { locale: 'id' },
  args: { ...waiting, visit: waiting.state.visits.at(-1)! },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/^Waktu tunggu, diperkirakan selesai 16 Jun 2025, 09\.48 WIB \(Waktu SOP: 14 hari\); tidak dihitung sebagai keterlambatan\.$/)).toBeVisible();
  },
};

/** A turnaround limit (schema v2 `measure: "limit"`). */
export const LimitStep: Story = {
  globals: { locale: 'en' },
  args: { ...limited, visit: limited.state.visits.at(-1)! },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/^Turnaround limit: 5 Jun 2025, .* WIB \(SOP time: at most 24 jam\)$/)).toBeVisible();
  },
};
