/** The value editors of the identity rows, one per kind of row; `IdentityRow` around each handles presence and labels. */
import { command, type IdentityChanges } from '../../core/document';
import type { HeaderBlockKey, IdentityDateKey, IdentityTextKey } from '../../core/identity/identityRows';
import type { Approver } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import { TextField } from '../properties/fields';
import { TextListEditor } from './TextListEditor';

function useIdentityUpdate() {
  const store = useEditorStore();
  return (changes: IdentityChanges) => store.run(command('identity.update', { changes }), { select: false });
}

/** A text row (letterhead lines, Nama SOP, Nomor SOP). Emptied, it stays a row with "" in it. */
export function IdentityTextEditor({ field, label, multiline }: { field: IdentityTextKey; label: string; multiline?: boolean }) {
  const { doc } = useEditorSnapshot();
  const update = useIdentityUpdate();
  return (
    <TextField
      label={label}
      value={doc.identity[field] ?? ''}
      focusKey={field}
      multiline={multiline}
      onChange={(value) => update({ [field]: value } as IdentityChanges)}
    />
  );
}

/** A date row: the date as written, and how it was read. */
export function IdentityDateEditor({ field, label }: { field: IdentityDateKey; label: string }) {
  const t = useT();
  const { doc } = useEditorSnapshot();
  const update = useIdentityUpdate();
  const date = doc.identity.dates?.[field];
  return (
    <TextField
      label={label}
      value={date?.raw ?? ''}
      focusKey={`dates/${field}`}
      placeholder={t('designer.identity.datePlaceholder')}
      hint={date?.iso ? t('designer.identity.dateRead', { iso: date.iso }) : undefined}
      onChange={(raw) => update({ dates: { [field]: { raw } } })}
    />
  );
}

/** Disahkan Oleh: position, name, rank and NIP. */
export function ApproverEditor({ label }: { label: string }) {
  const t = useT();
  const { doc } = useEditorSnapshot();
  const update = useIdentityUpdate();
  const approver: Approver = doc.identity.approver ?? { position: '', name: '' };
  const set = (patch: Partial<Approver>) => update({ approver: { ...approver, ...patch } });
  return (
    <fieldset className="field">
      <legend>{label}</legend>
      <TextField label={t('designer.identity.approver.position')} value={approver.position} focusKey="approver/position" multiline onChange={(position) => set({ position })} />
      <TextField label={t('designer.identity.approver.name')} value={approver.name} focusKey="approver/name" onChange={(name) => set({ name })} />
      <TextField label={t('designer.identity.approver.rank')} value={approver.rank ?? ''} focusKey="approver/rank" onChange={(rank) => set({ rank })} />
      <TextField label={t('designer.identity.approver.nip')} value={approver.nip ?? ''} focusKey="approver/nip" onChange={(nip) => set({ nip })} />
    </fieldset>
  );
}

/** One of the six blocks: a numbered list. Its last item removed, it stays a block with no items. */
export function HeaderBlockEditor({ block, label }: { block: HeaderBlockKey; label: string }) {
  const t = useT();
  const store = useEditorStore();
  const { doc } = useEditorSnapshot();
  return (
    <TextListEditor
      legend={label}
      items={doc.headerBlocks?.[block] ?? []}
      focusKey={`headerBlocks/${block}`}
      itemLabel={(n) => `${label} ${n}`}
      addLabel={t('designer.identity.addItem')}
      onChange={(items) => store.run(command('headerBlock.setItems', { block, items }), { select: false })}
    />
  );
}
