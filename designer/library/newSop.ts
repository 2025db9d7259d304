import type { CaseField, SopDocument } from '../../schemas/generated/sop.types';

/** A slug for a new SOP's id from its title ("Penerbitan SKTM" → "penerbitan-sktm"). */
export function slugFromTitle(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'sop-baru';
}

/**
 * The applicant data every service SOP collects when a case starts, as the
 * samples write it. The ids are the ones the runtime reads as the applicant's
 * name and NIK (case list, search, duplicate-NIK warning), so a new SOP is
 * runnable with a searchable case list before the drafter touches this list.
 * Labels are in the document's language (Indonesian), like the rest of the SOP.
 */
export function applicantCaseFields(): CaseField[] {
  return [
    { id: 'nama', label: 'Nama pemohon', type: 'text', required: true },
    { id: 'nik', label: 'NIK pemohon', type: 'nik', required: true },
    { id: 'alamat', label: 'Alamat', type: 'longText', required: false },
    { id: 'telepon', label: 'Nomor telepon', type: 'phone', required: false },
  ];
}

/**
 * A new, empty SOP: the identity page to fill in, one flowchart with no lanes
 * and no steps yet, the applicant's case fields, and a draft revision. Creating a document is not an edit
 * of an existing one, so this is not a command; everything after is.
 */
export function blankSop(id: string, title: string): SopDocument {
  return {
    schemaVersion: 2,
    id,
    identity: {
      government: '',
      office: '',
      unit: '',
      title,
      number: '',
      dates: {
        pembuatan: { raw: '' },
        revisi: { raw: '' },
        pengesahan: { raw: '' },
      },
      approver: { position: '', name: '', rank: '', nip: '' },
    },
    headerBlocks: {
      dasarHukum: [],
      kualifikasiPelaksana: [],
      keterkaitan: [],
      peralatanPerlengkapan: [],
      peringatan: [],
      pencatatanPendataan: [],
    },
    actors: [],
    flows: [{ id: 'main', lanes: [], steps: [], edges: [] }],
    caseFields: applicantCaseFields(),
    revision: { number: 0, status: 'draft' },
  };
}

/**
 * A copy of `doc` as a separate SOP: new id and title, a fresh draft revision
 * history (the copy has never been published), and no transcription source.
 */
export function copyOfSop(doc: SopDocument, id: string, title: string): SopDocument {
  const copy = structuredClone(doc);
  copy.id = id;
  copy.identity.title = title;
  copy.revision = { number: 0, status: 'draft' };
  delete copy.source;
  return copy;
}
