/** The case data fields the runtime's forms collect. */
import type { CaseField, SopDocument } from '../../../schemas/generated/sop.types';
import { quote } from '../../validation/rules/naming';
import { IdAllocator, isLocalId } from '../ids';
import { insertAt, moveItem, withChanges } from '../immutable';
import { refuse } from '../types';
import { clampIndex } from './flowCommands';
import { defineCommand, nullsToUndefined } from './define';

export interface CaseFieldAddParams {
  /** The field; without an id, one is made from the label ("Nama pemohon" → "nama-pemohon"). */
  field: Omit<CaseField, 'id'> & { id?: string };
  index?: number;
}

export const caseFieldAdd = defineCommand<CaseFieldAddParams>({
  title: { id: 'Tambah isian kasus', en: 'Add case field' },
  run(doc, { field, index }) {
    const ids = new IdAllocator(doc);
    const id = field.id !== undefined && isLocalId(field.id) && !ids.has(field.id) ? field.id : ids.fromSlug(field.label, 'isian');
    const fields = doc.caseFields ?? [];
    const { id: _wanted, ...rest } = field;
    const stepMissing = unknownStep(doc, rest.step);
    if (stepMissing) return stepMissing;
    const caseFields = insertAt(fields, clampIndex(index ?? fields.length, fields.length), { id, ...rest });
    return { doc: { ...doc, caseFields }, changes: [{ kind: 'caseField', id, change: 'added' }], select: [{ kind: 'caseField', id }] };
  },
});

/** A field is collected at an existing step (validation: field.unknown-step). */
function unknownStep(doc: SopDocument, stepId: string | undefined) {
  if (stepId === undefined || doc.flows.some((f) => f.steps.some((s) => s.id === stepId))) return undefined;
  return refuse('step.not-found', { id: `Langkah ${quote(stepId)} tidak ada.`, en: `Step ${quote(stepId)} does not exist.` });
}

function fieldIndex(fields: readonly CaseField[] | undefined, fieldId: string) {
  const index = (fields ?? []).findIndex((f) => f.id === fieldId);
  if (index < 0) return refuse('caseField.not-found', { id: `Isian ${quote(fieldId)} tidak ada.`, en: `Case field ${quote(fieldId)} does not exist.` });
  return { index };
}

export interface CaseFieldUpdateParams {
  fieldId: string;
  /** `null` removes an optional property (step, options, help). */
  changes: { [K in Exclude<keyof CaseField, 'id'>]?: undefined extends CaseField[K] ? CaseField[K] | null : CaseField[K] };
}

export const caseFieldUpdate = defineCommand<CaseFieldUpdateParams>({
  title: { id: 'Ubah isian kasus', en: 'Edit case field' },
  run(doc, { fieldId, changes }) {
    const found = fieldIndex(doc.caseFields, fieldId);
    if ('ok' in found) return found;
    const stepMissing = unknownStep(doc, changes.step ?? undefined);
    if (stepMissing) return stepMissing;
    const caseFields = doc.caseFields!.slice();
    caseFields[found.index] = withChanges(caseFields[found.index]!, nullsToUndefined(changes));
    return { doc: { ...doc, caseFields }, changes: [{ kind: 'caseField', id: fieldId, change: 'updated' }] };
  },
  coalesceKey: ({ fieldId, changes }) => `caseField.update:${fieldId}:${Object.keys(changes).sort().join(',')}`,
});

export interface CaseFieldRemoveParams {
  fieldId: string;
}

export const caseFieldRemove = defineCommand<CaseFieldRemoveParams>({
  title: { id: 'Hapus isian kasus', en: 'Remove case field' },
  run(doc, { fieldId }) {
    const found = fieldIndex(doc.caseFields, fieldId);
    if ('ok' in found) return found;
    const caseFields = doc.caseFields!.filter((f) => f.id !== fieldId);
    return { doc: { ...doc, caseFields }, changes: [{ kind: 'caseField', id: fieldId, change: 'removed' }] };
  },
});

export interface CaseFieldReorderParams {
  fieldId: string;
  toIndex: number;
}

export const caseFieldReorder = defineCommand<CaseFieldReorderParams>({
  title: { id: 'Pindahkan isian kasus', en: 'Move case field' },
  run(doc, { fieldId, toIndex }) {
    const found = fieldIndex(doc.caseFields, fieldId);
    if ('ok' in found) return found;
    const caseFields = moveItem(doc.caseFields!, found.index, clampIndex(toIndex, doc.caseFields!.length - 1));
    return { doc: { ...doc, caseFields }, changes: [{ kind: 'caseField', id: fieldId, change: 'updated' }] };
  },
});
