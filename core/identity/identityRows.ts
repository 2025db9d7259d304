/**
 * The rows of the identity page, declared once: which value each row holds,
 * which key of `identity.labels` overrides its label, and whether it may be
 * marked illegible. The designer's identity form and the row commands read
 * this list; the print decides presence the same way (`identityRowPresent`).
 *
 * Schema v2: an absent value means the SOP has no such row; "" (or an empty
 * list, or an approver with empty names) is a row that is there, unfilled.
 */
import type { HeaderBlocks, Identity, SopDocument } from '../../schemas/generated/sop.types';

export type IdentityLabelKey = keyof NonNullable<Identity['labels']>;
export type IllegibleKey = NonNullable<Identity['illegible']>[number];
export type LetterheadKey = 'government' | 'office' | 'unit' | 'address';
export type IdentityTextKey = LetterheadKey | 'title' | 'number';
export type IdentityDateKey = keyof NonNullable<Identity['dates']>;
export type HeaderBlockKey = keyof HeaderBlocks;

export type IdentityRowSpec =
  | { key: IdentityTextKey; kind: 'text'; label?: IdentityLabelKey; illegible: IllegibleKey }
  | { key: IdentityDateKey; kind: 'date'; label: IdentityLabelKey; illegible: IllegibleKey }
  | { key: 'approver'; kind: 'approver'; label: IdentityLabelKey; illegible: IllegibleKey }
  | { key: HeaderBlockKey; kind: 'block'; label: IdentityLabelKey };

export type IdentityRowKey = IdentityRowSpec['key'];

export const LETTERHEAD_ROWS = [
  { key: 'government', kind: 'text', illegible: 'government' },
  { key: 'office', kind: 'text', illegible: 'office' },
  { key: 'unit', kind: 'text', illegible: 'unit' },
  { key: 'address', kind: 'text', illegible: 'address' },
] as const satisfies readonly IdentityRowSpec[];

/** The identity table top right, in the order the print gives it. */
export const TABLE_ROWS = [
  { key: 'title', kind: 'text', label: 'namaSop', illegible: 'title' },
  { key: 'number', kind: 'text', label: 'nomorSop', illegible: 'number' },
  { key: 'pembuatan', kind: 'date', label: 'tanggalPembuatan', illegible: 'pembuatan' },
  { key: 'revisi', kind: 'date', label: 'tanggalRevisi', illegible: 'revisi' },
  { key: 'pengesahan', kind: 'date', label: 'tanggalPengesahan', illegible: 'pengesahan' },
  { key: 'efektif', kind: 'date', label: 'tanggalEfektif', illegible: 'efektif' },
  { key: 'approver', kind: 'approver', label: 'disahkanOleh', illegible: 'approver' },
] as const satisfies readonly IdentityRowSpec[];

/** The six blocks in the Permenpan order. Blocks cannot be marked illegible (the schema has no room for it). */
export const BLOCK_ROWS = [
  { key: 'dasarHukum', kind: 'block', label: 'dasarHukum' },
  { key: 'kualifikasiPelaksana', kind: 'block', label: 'kualifikasiPelaksana' },
  { key: 'keterkaitan', kind: 'block', label: 'keterkaitan' },
  { key: 'peralatanPerlengkapan', kind: 'block', label: 'peralatanPerlengkapan' },
  { key: 'peringatan', kind: 'block', label: 'peringatan' },
  { key: 'pencatatanPendataan', kind: 'block', label: 'pencatatanPendataan' },
] as const satisfies readonly IdentityRowSpec[];

export const IDENTITY_ROWS: readonly IdentityRowSpec[] = [...LETTERHEAD_ROWS, ...TABLE_ROWS, ...BLOCK_ROWS];

/** Every key of `identity.labels`, in the order of the rows they name. */
export const IDENTITY_LABEL_KEYS: readonly IdentityLabelKey[] = IDENTITY_ROWS.flatMap((row) => ('label' in row && row.label ? [row.label] : []));

/** Every key `identity.illegible` may list, in row order (the order the commands keep the list in). */
export const ILLEGIBLE_KEYS: readonly IllegibleKey[] = IDENTITY_ROWS.flatMap((row) => ('illegible' in row ? [row.illegible] : []));

export function identityRowSpec(key: IdentityRowKey): IdentityRowSpec {
  const spec = IDENTITY_ROWS.find((row) => row.key === key);
  if (!spec) throw new Error(`unknown identity row ${key}`);
  return spec;
}

/** Whether the SOP holds a value for the row ("" counts: the row is there, unfilled). */
export function identityRowHasValue(doc: SopDocument, spec: IdentityRowSpec): boolean {
  switch (spec.kind) {
    case 'text':
      return doc.identity[spec.key] !== undefined;
    case 'date':
      return doc.identity.dates?.[spec.key] !== undefined;
    case 'approver':
      return doc.identity.approver !== undefined;
    case 'block':
      return doc.headerBlocks?.[spec.key] !== undefined;
  }
}

export function isMarkedIllegible(doc: SopDocument, spec: IdentityRowSpec): boolean {
  return 'illegible' in spec && (doc.identity.illegible ?? []).includes(spec.illegible);
}

/** Whether the SOP has the row: a value, or a mark that it is there but cannot be read (the print shows both). */
export function identityRowPresent(doc: SopDocument, spec: IdentityRowSpec): boolean {
  return identityRowHasValue(doc, spec) || isMarkedIllegible(doc, spec);
}
