import type { Translate } from '../../core/i18n';
import { columnLabel as planLabel } from '../../core/table';
import type { Columns, SopDocument } from '../../schemas/generated/sop.types';

export type ColumnKey = keyof Omit<Columns, 'total'>;

/**
 * The label the SOP writes for a column ("URAIAN KEGIATAN"), else the standard
 * one in the interface language: the table plan's rule (core/table), with the
 * designer's own wording of the standard labels.
 */
export function columnLabel(doc: SopDocument, key: ColumnKey, t: Translate): string {
  return doc.columns?.[key]?.label ? planLabel(doc, key, 'id') : t(`designer.column.${key}`);
}
