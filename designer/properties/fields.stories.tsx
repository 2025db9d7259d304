import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn } from 'storybook/test';
import { useT } from '../../ui/i18n';
import '../designer.css';
import { useEditorStore } from '../editor/EditorContext';
import { withEditor } from '../stories/storySupport';
import { SelectField, TextField } from './fields';

/** The panels' labelled fields, and how a problem's pointer puts the cursor in the right one. */
function FieldsDemo({ onText, onKind }: { onText: (value: string) => void; onKind: (value: string) => void }) {
  const t = useT();
  const store = useEditorStore();
  const [text, setText] = useState('Petugas memeriksa berkas');
  const [waktu, setWaktu] = useState('');
  const [kind, setKind] = useState<'process' | 'decision'>('process');
  return (
    <div style={{ padding: 16, maxWidth: 480 }}>
      <TextField label={t('designer.step.text')} value={text} multiline rows={3} focusKey="text" onChange={(v) => { setText(v); onText(v); }} />
      <TextField label={t('designer.step.waktu')} value={waktu} focusKey="waktu" placeholder={t('designer.step.waktuPlaceholder')} hint={t('designer.step.conditionHint')} onChange={setWaktu} />
      <SelectField
        label={t('designer.step.kind')}
        value={kind}
        focusKey="kind"
        options={(['process', 'decision'] as const).map((value) => ({ value, label: t(`designer.kind.${value}`) }))}
        onChange={(v) => { setKind(v); onKind(v); }}
      />
      {/* What the problems panel does: select the step and name the field at fault. */}
      <button type="button" className="button" onClick={() => store.select({ kind: 'steps', flowId: 'main', ids: ['s1'] }, 'waktu/raw')}>
        → {t('designer.step.waktu')}
      </button>
    </div>
  );
}

const meta = {
  title: 'Designer/Properties/fields',
  component: FieldsDemo,
  args: { onText: fn(), onKind: fn() },
  decorators: [withEditor('oku-01-sktm')],
} satisfies Meta<typeof FieldsDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    const kegiatan = canvas.getByRole('textbox', { name: 'Kegiatan' });
    await userEvent.type(kegiatan, ' dan KTP');
    await expect(args.onText).toHaveBeenLastCalledWith('Petugas memeriksa berkas dan KTP');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Jenis simbol' }), 'Keputusan');
    await expect(args.onKind).toHaveBeenCalledWith('decision');
    // A pointer to "waktu/raw" focuses the Waktu field.
    await userEvent.click(canvas.getByRole('button', { name: '→ Waktu' }));
    await expect(canvas.getByRole('textbox', { name: 'Waktu' })).toHaveFocus();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    const time = canvas.getByRole('textbox', { name: 'Time' });
    await expect(time).toHaveAttribute('placeholder', 'e.g. 15 menit, 2-3 jam, 1 hari kerja');
    await expect(time).toHaveAccessibleDescription(/./);
    await expect(canvas.getByRole('combobox', { name: 'Symbol' })).toHaveDisplayValue('Process');
  },
};

/** A field with a small limit, to show the note: the count from 90 %, then the statement at the limit. */
function LimitDemo({ initial }: { initial: string }) {
  const t = useT();
  const [text, setText] = useState(initial);
  return (
    <div style={{ padding: 16, maxWidth: 480 }}>
      <TextField label={t('designer.step.output')} value={text} multiline maxLength={40} onChange={setText} />
    </div>
  );
}

/** Typing stops at the limit (here 40 characters) and the field says so; nothing longer reaches the document. */
export const AtTheLimit: Story = {
  globals: { locale: 'id' },
  render: () => <LimitDemo initial="Surat keterangan tidak mampu kelurahan" />,
  play: async ({ canvas, userEvent }) => {
    const output = canvas.getByRole('textbox', { name: 'Output' });
    await expect(canvas.getByText('38 dari 40 karakter')).toBeVisible();
    await userEvent.type(output, ' Kemiren');
    await expect(output).toHaveValue('Surat keterangan tidak mampu kelurahan K');
    await expect(canvas.getByText('Batas 40 karakter tercapai; teks yang lebih panjang tidak disimpan.')).toBeVisible();
  },
};

export const AtTheLimitEnglish: Story = {
  globals: { locale: 'en' },
  render: () => <LimitDemo initial={'x'.repeat(40)} />,
  play: async ({ canvas }) => {
    await expect(canvas.getByText('The limit of 40 characters is reached; longer text is not kept.')).toBeVisible();
  },
};
