import type { SopDocument } from '../../../schemas/generated/sop.types';
import type { RuleContext } from '../ruleContext';

interface RequiredIdentityField {
  pointer: string;
  labelId: string;
  labelEn: string;
  read(doc: SopDocument): string | undefined;
}

// What an agency needs on the identity page before an SOP can be signed and used.
const fieldsRequiredToPublish: RequiredIdentityField[] = [
  { pointer: '/identity/government', labelId: 'Pemerintah', labelEn: 'Government', read: (d) => d.identity.government },
  { pointer: '/identity/office', labelId: 'Dinas/Instansi', labelEn: 'Office', read: (d) => d.identity.office },
  { pointer: '/identity/title', labelId: 'Nama SOP', labelEn: 'SOP title', read: (d) => d.identity.title },
  { pointer: '/identity/number', labelId: 'Nomor SOP', labelEn: 'SOP number', read: (d) => d.identity.number },
  { pointer: '/identity/dates/pembuatan/raw', labelId: 'Tanggal Pembuatan', labelEn: 'Date created', read: (d) => d.identity.dates.pembuatan?.raw },
  { pointer: '/identity/dates/pengesahan/raw', labelId: 'Tanggal Pengesahan', labelEn: 'Date approved', read: (d) => d.identity.dates.pengesahan?.raw },
  { pointer: '/identity/approver/position', labelId: 'Jabatan pengesah', labelEn: "Approver's position", read: (d) => d.identity.approver?.position },
  { pointer: '/identity/approver/name', labelId: 'Nama pengesah', labelEn: "Approver's name", read: (d) => d.identity.approver?.name },
];

function isBlank(value: string | undefined): boolean {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' || /^[-–—.]+$/.test(trimmed);
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
  for (const field of fieldsRequiredToPublish) {
    if (!isBlank(field.read(ctx.doc))) continue;
    ctx.report('identity.missing-field', field.pointer, {
      id: `${field.labelId} belum diisi; isi sebelum menerbitkan.`,
      en: `${field.labelEn} is empty; fill it in before publishing.`,
    });
  }
}
