import type { Actor, CaseField, Identity, StepActor } from '../../schemas/generated/sop.types';
import type { DateKey } from './transcription';

/** A corrected value and why it differs from the transcription. */
export interface Fix {
  value: string;
  why: string;
}

export type Role = StepActor['role'];

/** [actor id, role] or [actor id, role, 'alternative']. */
export type StepActorSpec = readonly [string, Role] | readonly [string, Role, 'alternative'];

export interface ExternalActorSpec {
  id: string;
  label: string;
  kind: Actor['kind'];
  /** The transcription's `externalActors` strings this actor stands for (they leave `parties` when the actor is used). */
  matches: readonly string[];
  note?: string;
}

export interface StepOverride {
  text?: Fix;
  /** Full list of the step's actors, in order (replaces "every lane performs"). */
  actors?: readonly StepActorSpec[];
  /** Why the actors are what they are (added to the step note). */
  actorsWhy?: string;
  remarks?: string;
  condition?: string;
  output?: Fix;
  /** Replacement texts of requirements, same count as the transcription. */
  requirements?: readonly (string | undefined)[];
  requirementsWhy?: string;
  symbolText?: Fix;
  /** Replaces the transcription's step note (used when part of it went to `remarks`). */
  transcriptionNote?: string;
  note?: string;
}

export interface BranchOverride {
  /** Step `seq` the branch goes to. */
  toSeq: number;
  why: string;
}

export interface SeedOverride {
  identity?: Partial<Record<'government' | 'office' | 'unit' | 'title' | 'number', Fix>>;
  /** Cleaned raw date strings, for dates whose transcription carries a remark. */
  dates?: Partial<Record<DateKey, Fix>>;
  labels?: Identity['labels'];
  attachmentOf?: { text: string; label: string; document: string; number: string; date: string; why: string };
  signature?: { place: string; date: string; position: string; name: string; rank?: string; nip?: string; why: string };
  /** Actor kind by lane label, as transcribed. */
  actorKinds: Readonly<Record<string, Actor['kind']>>;
  actorNotes?: Readonly<Record<string, string>>;
  externalActors?: readonly ExternalActorSpec[];
  flowTitle?: Fix;
  steps?: Readonly<Record<number, StepOverride>>;
  /** Decision branches by "seq:label". */
  branches?: Readonly<Record<string, BranchOverride>>;
  /** Header block items to correct: key → index → fix. */
  headerItems?: Partial<Record<'dasarHukum' | 'kualifikasiPelaksana' | 'keterkaitan' | 'peralatanPerlengkapan' | 'peringatan' | 'pencatatanPendataan', Readonly<Record<number, Fix>>>>;
  /** Catatan printed after the table. */
  docNotes?: readonly string[];
  caseFields?: readonly CaseField[];
  /** Our notes about the whole sample. */
  notes?: readonly string[];
  /** For a stub: why the document is incomplete. */
  incompleteReason?: string;
}
