import type { Identity, SopDocument } from '../../../schemas/generated/sop.types';
import { pointerOf } from '../diagnostic';
import type { RuleContext } from '../ruleContext';
import { quote } from './naming';

type IllegibleField = NonNullable<Identity['illegible']>[number];

interface RequiredIdentityField {
  pointer: string;
  labelId: string;
  labelEn: string;
  read(doc: SopDocument): string | undefined;
  /**
   * Whether the SOP may lack the row altogether. Agencies keep only the date
   * rows they use (many have only Tanggal Efektif), so a date row that is
   * absent is their choice; one that is there must be filled.
   */
  mayBeAbsent: boolean;
  /** The `identity.illegible` entry that excuses it: the row is there but cannot be read, never guessed. */
  illegible?: IllegibleField;
}

// What an agency needs on the identity page before an SOP can be signed and used.
const fieldsRequiredToPublish: RequiredIdentityField[] = [
  { pointer: '/identity/government', labelId: 'Pemerintah', labelEn: 'Government', read: (d) => d.identity.government, mayBeAbsent: false, illegible: 'government' },
  { pointer: '/identity/office', labelId: 'Dinas/Instansi', labelEn: 'Office', read: (d) => d.identity.office, mayBeAbsent: false, illegible: 'office' },
  { pointer: '/identity/title', labelId: 'Nama SOP', labelEn: 'SOP title', read: (d) => d.identity.title, mayBeAbsent: false, illegible: 'title' },
  { pointer: '/identity/number', labelId: 'Nomor SOP', labelEn: 'SOP number', read: (d) => d.identity.number, mayBeAbsent: false, illegible: 'number' },
  { pointer: '/identity/dates/pembuatan/raw', labelId: 'Tanggal Pembuatan', labelEn: 'Date created', read: (d) => d.identity.dates?.pembuatan?.raw, mayBeAbsent: true, illegible: 'pembuatan' },
  { pointer: '/identity/dates/pengesahan/raw', labelId: 'Tanggal Pengesahan', labelEn: 'Date approved', read: (d) => d.identity.dates?.pengesahan?.raw, mayBeAbsent: true, illegible: 'pengesahan' },
  { pointer: '/identity/approver/position', labelId: 'Jabatan pengesah', labelEn: "Approver's position", read: (d) => d.identity.approver?.position, mayBeAbsent: false, illegible: 'approver' },
  { pointer: '/identity/approver/name', labelId: 'Nama pengesah', labelEn: "Approver's name", read: (d) => d.identity.approver?.name, mayBeAbsent: false, illegible: 'approver' },
];

function isBlank(value: string | undefined): boolean {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' || /^[-–—.]+$/.test(trimmed);
}

/** The value at a pointer of the identity, or undefined when some part of the way is absent. */
function isPresent(doc: SopDocument, pointer: string): boolean {
  let at: unknown = doc;
  for (const segment of pointer.slice(1).split('/')) {
    if (typeof at !== 'object' || at === null || !(segment in at)) return false;
    at = (at as Record<string, unknown>)[segment];
  }
  return true;
}

export function checkIdentityForPublish(ctx: RuleContext): void {
  if (ctx.options.purpose !== 'publish') return;
  // A transcription marked incomplete (a missing page, an unreadable scan) is kept as a draft:
  // clerks would run a procedure nobody has read in full.
  if (ctx.doc.completeness?.status === 'incomplete') {
    ctx.report('publish.incomplete', '/completeness', {
      id: 'Dokumen ditandai belum lengkap; lengkapi dan hapus tanda itu sebelum menerbitkan.',
      en: 'The document is marked incomplete; complete it and remove the mark before publishing.',
    });
  }
  const illegible = new Set(ctx.doc.identity.illegible ?? []);
  for (const field of fieldsRequiredToPublish) {
    if (field.illegible && illegible.has(field.illegible)) continue;
    if (field.mayBeAbsent && !isPresent(ctx.doc, field.pointer)) continue;
    if (!isBlank(field.read(ctx.doc))) continue;
    ctx.report('identity.missing-field', field.pointer, {
      id: `${field.labelId} belum diisi; isi sebelum menerbitkan.`,
      en: `${field.labelEn} is empty; fill it in before publishing.`,
    });
  }
}

/** `identity.illegible` is a set; the schema cannot say uniqueItems (the standalone validator does not support it). */
export function checkIdentityMarks(ctx: RuleContext): void {
  const seen = new Set<string>();
  ctx.doc.identity.illegible?.forEach((field, i) => {
    if (!seen.has(field)) {
      seen.add(field);
      return;
    }
    ctx.report('identity.illegible-duplicate', pointerOf('identity', 'illegible', i), {
      id: `Isian identitas ${quote(field)} disebut dua kali sebagai tidak terbaca.`,
      en: `Identity field ${quote(field)} is listed twice as illegible.`,
    }, { field });
  });
}
