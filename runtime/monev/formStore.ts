/**
 * The Permenpan monitoring and evaluation forms kept on this device
 * (`monevForms`, schema 4). A row carries the form whole, with its SOP, kind
 * and last change as indexed columns so the dashboard lists an SOP's forms
 * without reading the others. Saving is an upsert: autosave writes the same
 * draft again and again as the evaluator types.
 */
import type { MonevForm } from '../../core/monev/forms';
import type { MonevFormRow, RuntimeDb } from '../storage/db';

export function monevFormRowOf(form: MonevForm): MonevFormRow {
  return { id: form.id, sopId: form.subject.sopId, kind: form.kind, updatedAt: Date.parse(form.updatedAt) || 0, form };
}

/** Stores the form (new or changed). */
export async function saveMonevForm(db: RuntimeDb, form: MonevForm): Promise<void> {
  await db.monevForms.put(monevFormRowOf(form));
}

export async function getMonevForm(db: RuntimeDb, id: string): Promise<MonevForm | undefined> {
  return (await db.monevForms.get(id))?.form;
}

/** The SOP's forms (of one kind, or both), the last changed first. */
export async function listMonevForms(db: RuntimeDb, sopId: string, kind?: MonevForm['kind']): Promise<MonevForm[]> {
  const rows = kind
    ? await db.monevForms.where('[sopId+kind]').equals([sopId, kind]).toArray()
    : await db.monevForms.where('[sopId+kind]').between([sopId, ''], [sopId, '\uffff']).toArray();
  return rows.sort((a, b) => b.updatedAt - a.updatedAt || b.id.localeCompare(a.id)).map((row) => row.form);
}

export async function deleteMonevForm(db: RuntimeDb, id: string): Promise<void> {
  await db.monevForms.delete(id);
}
