/**
 * The neutral transcription format of `seeds/transcribed/<id>.json`
 * (described in seeds/README.md). It is not our schema: it is what the
 * converter reads.
 */

export type HeaderFieldKey =
  | 'dasarHukum'
  | 'kualifikasiPelaksana'
  | 'keterkaitan'
  | 'peralatanPerlengkapan'
  | 'peringatan'
  | 'pencatatanPendataan';

export type DateKey = 'pembuatan' | 'revisi' | 'pengesahan' | 'efektif';

export interface TranscribedBranch {
  label: string;
  /** A step number, "end", "back to N", or null when the source does not say. */
  to: string | null;
  note?: string;
}

export interface TranscribedStep {
  no: string | null;
  noRaw?: string;
  seq: number;
  text: string;
  lanes: string[];
  lanesEvidence: string;
  laneCellText?: string;
  externalActors: string[];
  kind: 'start' | 'process' | 'decision' | 'end';
  branches: TranscribedBranch[];
  requirements: string[];
  durationRaw: string;
  durationNormalized?: unknown;
  output: string;
  note: string | null;
  uncertain?: string;
  section?: string;
}

export interface Transcription {
  id: string;
  source: string;
  sourceLines: string;
  indexTitle?: string;
  agency: {
    government: string;
    office: string;
    unit: string | null;
    address?: string;
    documentHeading?: string;
  };
  title: string;
  titleRaw?: string;
  titleVariants?: string[];
  flowTitle?: string;
  tableHeading?: string;
  number: string;
  numberNormalized?: string;
  dates: Partial<Record<DateKey | 'signatureBlock', string>>;
  approver: { position: string; name: string; rank?: string; nip?: string; note?: string };
  attachmentOf?: { label: string; document: string; number: string; date: string; note?: string };
  duplicateOf?: string;
  stub?: boolean;
  headerFieldsPresent: Record<HeaderFieldKey, boolean | string>;
  headerLabelVariants?: string[];
  legalBasis: string[];
  legalBasisNumbering?: string;
  qualifications: string[];
  related: string[];
  equipment: string[];
  warnings: string[];
  recordKeeping: string[];
  tableColumnsRaw: string[];
  columnNumberRow?: string;
  lanes: string[];
  mutuBakuColumns: string[];
  extraColumns: string[];
  laneEvidence: string;
  sections?: { title: string; beforeStep: string }[];
  steps: TranscribedStep[];
  totalDurationRaw: string | null;
  totalLabel?: string;
  durationCheck: unknown;
  notes: string[];
  uncertain: string[];
}

/** Transcription field → our headerBlocks key. */
export const HEADER_BLOCK_FIELDS: readonly (readonly [HeaderFieldKey, keyof Pick<
  Transcription,
  'legalBasis' | 'qualifications' | 'related' | 'equipment' | 'warnings' | 'recordKeeping'
>])[] = [
  ['dasarHukum', 'legalBasis'],
  ['kualifikasiPelaksana', 'qualifications'],
  ['keterkaitan', 'related'],
  ['peralatanPerlengkapan', 'equipment'],
  ['peringatan', 'warnings'],
  ['pencatatanPendataan', 'recordKeeping'],
];
