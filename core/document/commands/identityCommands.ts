/**
 * Commands on the identity page's rows (schema v2): add or remove a row, mark
 * it illegible in the source, override its label, set the letterhead logo.
 * Presence is its own edit: emptying a value never removes its row.
 */
import type { HeaderBlocks, Identity, Image, SopDocument } from '../../../schemas/generated/sop.types';
import {
  identityRowHasValue,
  identityRowPresent,
  identityRowSpec,
  ILLEGIBLE_KEYS,
  type IdentityLabelKey,
  type IdentityRowKey,
  type IdentityRowSpec,
  type IllegibleKey,
} from '../../identity/identityRows';
import { withChanges } from '../immutable';
import type { Change } from '../types';
import { defineCommand } from './define';

function changeOf(spec: IdentityRowSpec): Change {
  return spec.kind === 'block' ? { kind: 'headerBlock', id: spec.key, change: 'updated' } : { kind: 'identity', change: 'updated' };
}

/** The identity with `illegible` listing exactly `keys` (in row order), or without the list when none. */
function withIllegible(identity: Identity, keys: ReadonlySet<IllegibleKey>): Identity {
  const list = ILLEGIBLE_KEYS.filter((key) => keys.has(key));
  return withChanges(identity, { illegible: list.length > 0 ? list : undefined });
}

/** The document with the row's value set (`undefined`: no such row). */
function withRowValue(doc: SopDocument, spec: IdentityRowSpec, value: unknown): SopDocument {
  switch (spec.kind) {
    case 'text':
    case 'approver':
      return { ...doc, identity: withChanges(doc.identity, { [spec.key]: value }) };
    case 'date':
      return { ...doc, identity: { ...doc.identity, dates: withChanges(doc.identity.dates ?? {}, { [spec.key]: value }) } };
    case 'block':
      return { ...doc, headerBlocks: withChanges(doc.headerBlocks ?? ({} as HeaderBlocks), { [spec.key]: value }) };
  }
}

/** What a new, unfilled row holds. */
function emptyValueOf(spec: IdentityRowSpec): unknown {
  switch (spec.kind) {
    case 'text':
      return '';
    case 'date':
      return { raw: '', precision: 'none' };
    case 'approver':
      return { position: '', name: '' };
    case 'block':
      return [];
  }
}

export interface IdentityRowParams {
  row: IdentityRowKey;
}

export const identityRowAdd = defineCommand<IdentityRowParams>({
  title: { id: 'Tambah baris identitas', en: 'Add identity row' },
  run(doc, { row }) {
    const spec = identityRowSpec(row);
    // A row already there (with a value, or marked illegible) is left as it is.
    if (identityRowPresent(doc, spec)) return { doc, changes: [] };
    return { doc: withRowValue(doc, spec, emptyValueOf(spec)), changes: [changeOf(spec)] };
  },
});

export const identityRowRemove = defineCommand<IdentityRowParams>({
  title: { id: 'Hapus baris identitas', en: 'Remove identity row' },
  run(doc, { row }) {
    const spec = identityRowSpec(row);
    let next = identityRowHasValue(doc, spec) ? withRowValue(doc, spec, undefined) : doc;
    // A row that is gone cannot be illegible: the mark goes with it (the print would keep the row for the mark alone).
    if ('illegible' in spec && next.identity.illegible?.includes(spec.illegible)) {
      const keys = new Set(next.identity.illegible);
      keys.delete(spec.illegible);
      next = { ...next, identity: withIllegible(next.identity, keys) };
    }
    // The row's label override is kept: adding the row back brings the agency's label back too.
    return { doc: next, changes: [changeOf(spec)] };
  },
});

export interface IdentityRowSetIllegibleParams {
  row: IllegibleKey;
  illegible: boolean;
}

export const identityRowSetIllegible = defineCommand<IdentityRowSetIllegibleParams>({
  title: { id: 'Tandai baris tidak terbaca', en: 'Mark row illegible' },
  run(doc, { row, illegible }) {
    const keys = new Set(doc.identity.illegible ?? []);
    if (illegible) keys.add(row);
    else keys.delete(row);
    return { doc: { ...doc, identity: withIllegible(doc.identity, keys) }, changes: [{ kind: 'identity', change: 'updated' }] };
  },
});

export interface IdentityLabelSetParams {
  label: IdentityLabelKey;
  /** The SOP's own label ("Judul SOP"); `null` (or "") goes back to the standard one. */
  text: string | null;
}

export const identityLabelSet = defineCommand<IdentityLabelSetParams>({
  title: { id: 'Ubah label baris identitas', en: 'Edit identity row label' },
  run(doc, { label, text }) {
    const labels = withChanges(doc.identity.labels ?? {}, { [label]: text === null || text === '' ? undefined : text });
    const identity = withChanges(doc.identity, { labels: Object.keys(labels).length > 0 ? labels : undefined });
    return { doc: { ...doc, identity }, changes: [{ kind: 'identity', change: 'updated' }] };
  },
  coalesceKey: ({ label }) => `identityLabel.set:${label}`,
});

export interface IdentitySetLogoParams {
  /** The letterhead logo; `null` removes it. */
  logo: Image | null;
}

export const identitySetLogo = defineCommand<IdentitySetLogoParams>({
  title: { id: 'Ubah logo kop', en: 'Change letterhead logo' },
  run(doc, { logo }) {
    // A replaced logo keeps the printed width chosen for the old one.
    const widthMm = doc.identity.logo?.widthMm;
    const next = logo === null ? undefined : logo.widthMm === undefined && widthMm !== undefined ? { ...logo, widthMm } : logo;
    return { doc: { ...doc, identity: withChanges(doc.identity, { logo: next }) }, changes: [{ kind: 'identity', change: 'updated' }] };
  },
});
