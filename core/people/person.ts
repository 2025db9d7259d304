/**
 * The person who acts: every case event records who did it and which lane
 * (actor) they acted as. On a device without a server the person comes from
 * a local profile; with a server, from the signed-in account. Either way the
 * engine only ever sees this small reference, so the source can change
 * without touching the case record.
 */
import type { LocalizedText } from '../engine/messages';
import { checkNip } from './nip';

export interface PersonRef {
  /** Stable id: the local profile's id, or the server account's id. */
  id: string;
  name: string;
  /** Nomor Induk Pegawai, 18 digits, when the person has one. */
  nip?: string;
  /** The office the person works at, as they wrote it. */
  office?: string;
}

export const PERSON_NAME_MAX = 120;
export const PERSON_OFFICE_MAX = 200;

/** Problems with a person reference, by field; empty when it is usable on an event. */
export function checkPersonRef(person: PersonRef): Partial<Record<'id' | 'name' | 'nip' | 'office', LocalizedText>> {
  const problems: Partial<Record<'id' | 'name' | 'nip' | 'office', LocalizedText>> = {};
  if (typeof person?.id !== 'string' || person.id.trim() === '' || person.id.length > 100) {
    problems.id = { id: 'Id orang tidak sah.', en: 'The person id is invalid.' };
  }
  const name = typeof person?.name === 'string' ? person.name.trim() : '';
  if (name === '') problems.name = { id: 'Nama wajib diisi.', en: 'The name is required.' };
  else if (name.length > PERSON_NAME_MAX) {
    problems.name = { id: `Nama paling banyak ${PERSON_NAME_MAX} karakter.`, en: `The name has at most ${PERSON_NAME_MAX} characters.` };
  }
  if (person?.nip !== undefined && person.nip !== '') {
    const nip = checkNip(person.nip);
    if (!nip.ok) problems.nip = nip.problem;
  }
  if (person?.office !== undefined && (typeof person.office !== 'string' || person.office.length > PERSON_OFFICE_MAX)) {
    problems.office = { id: `Kantor paling banyak ${PERSON_OFFICE_MAX} karakter.`, en: `The office has at most ${PERSON_OFFICE_MAX} characters.` };
  }
  return problems;
}

/** "Siti Aminah (NIP 19850512 201001 2 003)" or just the name. */
export function personLabel(person: Pick<PersonRef, 'name' | 'nip'>): string {
  return person.nip ? `${person.name} (NIP ${formatNip(person.nip)})` : person.name;
}

/** NIP in its usual written groups: birth date, appointment month, sex, sequence. */
export function formatNip(nip: string): string {
  const digits = nip.replace(/\D/g, '');
  if (digits.length !== 18) return nip;
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}
