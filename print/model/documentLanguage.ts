import type { Lang } from '../../core/i18n';
import type { SopDocument } from '../../schemas/generated/sop.types';

/**
 * The language an SOP is written in, which its printout speaks (the standard
 * headings it does not write itself: "Kegiatan", "Pelaksana", "Mutu Baku",
 * "Halaman 1 dari 3"). An SOP in the Permenpan RB 35/2012 format is an
 * Indonesian government document, and the schema names no other language,
 * so it is Bahasa Indonesia whatever language the drafter's interface
 * speaks. The print view lets the reader choose another on purpose.
 */
export function documentLanguage(_doc: SopDocument): Lang {
  return 'id';
}
