/**
 * The two forms Permenpan RB 35/2012 (Bab IV) asks of every SOP: the
 * monitoring form, filled every six months, and the yearly evaluation. Both
 * are prefilled from the measured case record (prefill.ts) and then
 * confirmed or amended by the evaluator; what was measured is kept beside
 * what the evaluator decided, so the printed form shows both.
 */
import type { LocalizedText } from '../../engine/messages';

export interface FormPerson {
  name: string;
  nip?: string;
  office?: string;
}

/** What the form is about: one SOP revision, a period, and the filters the measures were taken under. */
export interface FormSubject {
  sopId: string;
  revision: number;
  /** The SOP's name (Nama SOP) and number, as printed on the form. */
  title: string;
  number?: string;
  unit?: string;
  /** Local dates, inclusive. */
  period: { from: string; to: string };
  office?: string;
  lane?: string;
}

/** The measured facts behind a step's row, frozen when the form was prefilled. */
export interface MeasuredStep {
  visits: number;
  shareWithin: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
  returnRate: number | null;
  loopRate: number | null;
  /** The reasons most often given for sending the step back. */
  topReasons: string[];
}

export interface MonitoringRow {
  stepId: string;
  /** The row number printed in the SOP. */
  number: string;
  activity: string;
  actor: string;
  waktu: string;
  measured: MeasuredStep;
  /** Berjalan dengan baik: yes / no; null until someone says (no measured visit). */
  runsWell: boolean | null;
  /** Catatan hasil penilaian: the problem found. */
  problem: string;
  /** Tindakan yang harus diambil: the action to take. */
  action: string;
  /** The evaluator changed what the measures suggested. */
  amended: boolean;
}

export interface MonitoringForm {
  kind: 'monitoring';
  id: string;
  subject: FormSubject;
  rows: MonitoringRow[];
  evaluator?: FormPerson;
  createdAt: string;
  updatedAt: string;
  /** Confirmed by the evaluator: a final form is printed and exported, and no longer prefilled again. */
  status: 'draft' | 'final';
}

/** The Permenpan evaluation criteria (Bab IV.B), in the regulation's order. */
export const EVALUATION_CRITERIA = [
  'improvesPerformance',
  'easyToUnderstand',
  'easyToCarryOut',
  'everyoneKnowsTheirRole',
  'solvesProcessProblems',
  'meetsOrganisationNeeds',
  'synergy',
] as const;
export type EvaluationCriterion = (typeof EVALUATION_CRITERIA)[number];

export interface CriterionAnswer {
  criterion: EvaluationCriterion;
  /** Met or not; null when not yet judged. */
  met: boolean | null;
  note: string;
}

export interface StepNote {
  stepId: string;
  text: string;
}

export interface EvaluationForm {
  kind: 'evaluation';
  id: string;
  subject: FormSubject;
  /** The monitoring form the evaluation drew on, when there was one. */
  monitoringId?: string;
  criteria: CriterionAnswer[];
  /** Keep the SOP as it is, or revise it. */
  recommendation: 'keep' | 'revise' | null;
  /** Notes for the drafter, attached to the steps they concern when the revision draft is opened. */
  stepNotes: StepNote[];
  generalNotes: string;
  evaluator?: FormPerson;
  createdAt: string;
  updatedAt: string;
  status: 'draft' | 'final';
}

export type MonevForm = MonitoringForm | EvaluationForm;

/** A problem with a form the evaluator must fix before it is final. */
export interface FormProblem {
  where: string;
  message: LocalizedText;
}
