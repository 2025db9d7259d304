import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import '../designer.css';
import type { EditorStore } from '../editor/editorStore';
import { miniDoc, withEditor } from '../stories/storySupport';
import { PropertiesPanel } from './PropertiesPanel';

let store: EditorStore | undefined;
const step = (id: string) => store!.doc.flows[0]!.steps.find((s) => s.id === id)!;
const selecting = (id: string) => withEditor(miniDoc, { selection: { kind: 'steps', flowId: 'main', ids: [id] } }, (created) => (store = created));

/** The step properties for schema v2 fields, on the small sample with every symbol. */
const meta = {
  title: 'Designer/Properties/StepFlowFields',
  component: PropertiesPanel,
  decorators: [selecting('s6')],
} satisfies Meta<typeof PropertiesPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An end step: its outcome is a required choice; one Ctrl+Z restores it. */
export const EndOutcome: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    const outcome = canvas.getByRole('combobox', { name: 'Hasil akhir' });
    await expect(outcome).toHaveValue('selesai');
    await expect(canvas.getByRole('option', { name: 'Dirujuk ke instansi lain' })).toBeInTheDocument();
    await userEvent.selectOptions(outcome, 'ditolak');
    await expect(step('s6').outcome).toBe('ditolak');
    store!.undo();
    await waitFor(() => expect(canvas.getByRole('combobox', { name: 'Hasil akhir' })).toHaveValue('selesai'));
  },
};

/** A process step has no outcome select. */
export const NoOutcomeOnProcess: Story = {
  globals: { locale: 'en' },
  decorators: [selecting('s2')],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Step 2 · Process' })).toBeVisible();
    await expect(canvas.queryByRole('combobox', { name: 'Outcome' })).toBeNull();
  },
};

/** A condition typed on the first row is asked (nothing else decides); the checkbox turns it into an explanation. */
export const ConditionAsked: Story = {
  globals: { locale: 'id' },
  decorators: [selecting('s1')],
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.queryByRole('checkbox', { name: 'Ditanyakan kepada petugas saat kasus berjalan' })).toBeNull();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Kondisi' }), 'Jika pemohon hadir');
    const asked = canvas.getByRole('checkbox', { name: 'Ditanyakan kepada petugas saat kasus berjalan' });
    await expect(asked).toBeChecked();
    await userEvent.click(asked);
    await expect(step('s1').condition).toEqual({ text: 'Jika pemohon hadir', asked: false });
  },
};

/** The kind of a Waktu, beside it; a semester reads as six months. */
export const WaktuKind: Story = {
  globals: { locale: 'id' },
  decorators: [selecting('s2')],
  play: async ({ canvas, userEvent }) => {
    const measure = canvas.getByRole('combobox', { name: 'Jenis waktu' });
    await expect(measure).toHaveValue('work');
    await userEvent.selectOptions(measure, 'limit');
    await expect(step('s2').waktu).toMatchObject({ raw: '10 menit', measure: 'limit' });
    const waktu = canvas.getByRole('textbox', { name: 'Waktu' });
    await userEvent.clear(waktu);
    await expect(canvas.getByRole('combobox', { name: 'Jenis waktu' })).toBeDisabled();
    await userEvent.type(waktu, '1 semester');
    await expect(canvas.getByText('1 semester (6 bulan)')).toBeVisible();
  },
};

/** A process with two arrows in offers both the parallel split and the join. */
export const SplitAndJoin: Story = {
  globals: { locale: 'id' },
  decorators: [selecting('s2')],
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Percabangan paralel (semua panah diambil)' }));
    await expect(step('s2').split).toBe('parallel');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Tunggu semua jalur (gabung)' }));
    await expect(step('s2').join).toBe('all');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Sub-baris dari baris di atasnya' }));
    await expect(step('s2').subRow).toBe(true);
  },
};

/** A decision neither splits nor (with one arrow in) joins; the row flags stay. */
export const DecisionFlags: Story = {
  globals: { locale: 'en' },
  decorators: [selecting('s3')],
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole('checkbox', { name: 'Parallel split (every arrow is taken)' })).toBeNull();
    await expect(canvas.queryByRole('checkbox', { name: 'Wait for all paths (join)' })).toBeNull();
    await expect(canvas.getByRole('checkbox', { name: 'The activity sentence continues in the next row' })).not.toBeChecked();
  },
};

/** Kasi initials, then the Kasi's lane-mate signs: add, type, move and remove, each one undo step. */
export const SignOffs: Story = {
  globals: { locale: 'id' },
  decorators: [selecting('s4')],
  play: async ({ canvas, userEvent }) => {
    const add = canvas.getByRole('button', { name: '+ Paraf/tanda tangan' });
    await userEvent.click(add);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Jabatan 1' }), 'Kasi');
    await userEvent.click(add);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Jabatan 2' }), 'Kabid');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Tindakan 2' }), 'tandaTangan');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Lajur 2' }), 'petugas');
    await expect(step('s4').signOffs).toEqual([{ position: 'Kasi', action: 'paraf' }, { position: 'Kabid', action: 'tandaTangan', actor: 'petugas' }]);
    await userEvent.click(canvas.getByRole('button', { name: 'Naikkan paraf/tanda tangan 2' }));
    await expect(step('s4').signOffs!.map((s) => s.position)).toEqual(['Kabid', 'Kasi']);
    store!.undo();
    await expect(step('s4').signOffs!.map((s) => s.position)).toEqual(['Kasi', 'Kabid']);
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus paraf/tanda tangan 1' }));
    await expect(step('s4').signOffs).toEqual([{ position: 'Kabid', action: 'tandaTangan', actor: 'petugas' }]);
  },
};

export const SignOffsEnglish: Story = {
  globals: { locale: 'en' },
  decorators: [selecting('s4')],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Initials and signatures inside the lane' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: '+ Sign-off' })).toBeEnabled();
  },
};

/** A step whose Kegiatan is RichText: edited as markup, so an edit keeps the list and the bold. */
export const RichTextKegiatan: Story = {
  globals: { locale: 'id' },
  decorators: [
    withEditor(
      () => {
        const doc = miniDoc();
        doc.flows[0]!.steps[1]!.text = { blocks: [{ spans: [{ text: 'Petugas memeriksa:' }] }, { marker: '1.', spans: [{ text: 'KTP ' }, { text: 'asli', bold: true }] }] };
        return doc;
      },
      { selection: { kind: 'steps', flowId: 'main', ids: ['s2'] } },
      (created) => (store = created),
    ),
  ],
  play: async ({ canvas, userEvent }) => {
    const kegiatan = canvas.getByRole('textbox', { name: 'Kegiatan' });
    await expect(kegiatan).toHaveValue('Petugas memeriksa:\n1. KTP **asli**');
    await expect(canvas.getByText(/\*\*tebal\*\*/)).toBeVisible();
    await userEvent.type(kegiatan, '{End}\n2. KK');
    await expect(step('s2').text).toEqual({
      blocks: [
        { spans: [{ text: 'Petugas memeriksa:' }] },
        { marker: '1.', spans: [{ text: 'KTP ' }, { text: 'asli', bold: true }] },
        { marker: '2.', spans: [{ text: 'KK' }] },
      ],
    });
  },
};

/** Typing an unclosed ** leaves the field as typed; the plain step becomes RichText only once bold is written. */
export const TypingBoldInPlainText: Story = {
  globals: { locale: 'en' },
  decorators: [selecting('s2')],
  play: async ({ canvas, userEvent }) => {
    const activity = canvas.getByRole('textbox', { name: 'Activity' });
    await userEvent.clear(activity);
    await userEvent.type(activity, 'Check **all');
    await expect(activity).toHaveValue('Check **all');
    await userEvent.type(activity, '** files');
    await expect(step('s2').text).toEqual({ blocks: [{ spans: [{ text: 'Check ' }, { text: 'all', bold: true }, { text: ' files' }] }] });
    await expect(activity).toHaveValue('Check **all** files');
  },
};
