import type { Translate } from '../../core/i18n';
import type { Columns, SopDocument } from '../../schemas/generated/sop.types';

export type ColumnKey = keyof Omit<Columns, 'total'>;

/** The label the SOP writes for a column ("URAIAN KEGIATAN"), else the standard one in the interface language. */
export function columnLabel(doc: SopDocument, key: ColumnKey, t: Translate): string {
  return doc.columns?.[key]?.label || t(`designer.column.${key}`);
}
