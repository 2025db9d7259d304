/**
 * One attachment control per document. A step's requirements (the documents to
 * check) and its case fields of type file (the documents to keep) often name the
 * same paper: Banyuwangi's step 1 checks "KTP" and also collects a file field
 * "KTP". Such a field is that requirement's attachment, so the form shows one
 * control that files the photo under both, not one under the checklist and
 * another under the step's fields.
 *
 * A field belongs to a requirement when its label is the requirement's text
 * (ignoring case, spacing and final punctuation), or failing that the start of
 * it followed by a word break ("Surat Keterangan Tidak Mampu Kades/Lurah" for
 * "Surat Keterangan Tidak Mampu Kades/Lurah serta Survei lokasi …"). Each
 * field and each requirement pairs at most once; the rest keep their own control.
 */
import type { CaseField, Requirement, Step } from '../../schemas/generated/sop.types';
import { fieldsCollectedAt } from './fields';
import { plainTextOf } from '../text/richText';

export interface StepAttachments {
  /** The file field that records each requirement's document, by requirement id. */
  fieldOfRequirement: Map<string, CaseField>;
  /** File fields of the step that match no requirement: shown as fields of their own. */
  ownFields: CaseField[];
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.:;,]+$/, '')
    .trim();
}

export function stepAttachments(step: Step, caseFields: readonly CaseField[] | undefined): StepAttachments {
  const files = fieldsCollectedAt(caseFields, step.id).filter((f) => f.type === 'file');
  const requirements: Requirement[] = step.requirements ?? [];
  const fieldOfRequirement = new Map<string, CaseField>();
  const paired = new Set<string>();

  const pair = (matches: (field: string, requirement: string) => boolean) => {
    for (const field of files) {
      if (paired.has(field.id)) continue;
      const label = normalize(field.label);
      if (label === '') continue;
      const requirement = requirements.find((r) => !fieldOfRequirement.has(r.id) && matches(label, normalize(plainTextOf(r.text))));
      if (requirement) {
        fieldOfRequirement.set(requirement.id, field);
        paired.add(field.id);
      }
    }
  };
  pair((label, text) => label === text);
  pair((label, text) => text.startsWith(label) && /^[^\p{L}\p{N}]/u.test(text.slice(label.length)));

  return { fieldOfRequirement, ownFields: files.filter((f) => !paired.has(f.id)) };
}
