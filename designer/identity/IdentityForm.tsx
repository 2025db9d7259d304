import { command, type IdentityChanges } from '../../core/document';
import type { Approver, HeaderBlocks, Identity } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import { TextField } from '../properties/fields';
import { TextListEditor } from './TextListEditor';

const DATE_KEYS = ['pembuatan', 'revisi', 'pengesahan', 'efektif'] as const;
const BLOCKS: readonly (keyof HeaderBlocks)[] = [
  'dasarHukum',
  'kualifikasiPelaksana',
  'keterkaitan',
  'peralatanPerlengkapan',
  'peringatan',
  'pencatatanPendataan',
];

/** The identity page: letterhead, Nomor and dates, Disahkan Oleh, Nama SOP, and the six blocks. */
export function IdentityForm() {
  const t = useT();
  const store = useEditorStore();
  const { doc } = useEditorSnapshot();
  const identity = doc.identity;
  const update = (changes: IdentityChanges) => store.run(command('identity.update', { changes }), { select: false });
  const text = (key: 'government' | 'office' | 'unit' | 'address' | 'title' | 'number', multiline = false) => (
    <TextField
      key={key}
      label={t(`designer.identity.${key}`)}
      value={identity[key] ?? ''}
      focusKey={key}
      multiline={multiline}
      onChange={(value) => update(key === 'address' ? { address: value === '' ? null : value } : ({ [key]: value } as IdentityChanges))}
    />
  );
  const approver: Approver = identity.approver ?? { position: '', name: '' };
  const setApprover = (patch: Partial<Approver>) => update({ approver: { ...approver, ...patch } });
  const blockLabel = (block: keyof HeaderBlocks) => identity.labels?.[block] || t(`designer.block.${block}`);

  return (
    <section className="properties identity-form" aria-labelledby="identity-heading">
      <h3 id="identity-heading" className="properties__heading">
        {t('designer.identity.heading')}
      </h3>
      {text('title', true)}
      {text('number')}
      {text('government')}
      {text('office')}
      {text('unit')}
      {text('address', true)}
      <fieldset className="field">
        <legend>{t('designer.identity.dates')}</legend>
        {DATE_KEYS.map((key) => {
          const date = identity.dates[key];
          return (
            <TextField
              key={key}
              label={identity.labels?.[`tanggal${key[0]!.toUpperCase()}${key.slice(1)}` as keyof NonNullable<Identity['labels']>] || t(`designer.identity.date.${key}`)}
              value={date?.raw ?? ''}
              focusKey={`dates/${key}`}
              placeholder={t('designer.identity.datePlaceholder')}
              hint={date?.iso ? t('designer.identity.dateRead', { iso: date.iso }) : undefined}
              onChange={(raw) => update({ dates: { [key]: { raw } } })}
            />
          );
        })}
      </fieldset>
      <fieldset className="field">
        <legend>{t('designer.identity.approver')}</legend>
        <TextField label={t('designer.identity.approver.position')} value={approver.position} focusKey="approver/position" multiline onChange={(position) => setApprover({ position })} />
        <TextField label={t('designer.identity.approver.name')} value={approver.name} focusKey="approver/name" onChange={(name) => setApprover({ name })} />
        <TextField label={t('designer.identity.approver.rank')} value={approver.rank ?? ''} focusKey="approver/rank" onChange={(rank) => setApprover({ rank })} />
        <TextField label={t('designer.identity.approver.nip')} value={approver.nip ?? ''} focusKey="approver/nip" onChange={(nip) => setApprover({ nip })} />
      </fieldset>
      {BLOCKS.map((block) => (
        <TextListEditor
          key={block}
          legend={blockLabel(block)}
          items={doc.headerBlocks?.[block] ?? []}
          focusKey={`headerBlocks/${block}`}
          itemLabel={(n) => `${blockLabel(block)} ${n}`}
          addLabel={t('designer.identity.addItem')}
          onChange={(items) => store.run(command('headerBlock.setItems', { block, items }), { select: false })}
        />
      ))}
    </section>
  );
}
