/**
 * Giving a case its number on this device: the device code is drawn once and
 * kept in `meta`, and the sequence per year is read and advanced inside the
 * transaction that starts the case, so two tabs never hand out one number.
 */
import type { Table } from 'dexie';
import { activeVisits, formatCaseNumber, isDeviceCode, newDeviceCode, visitCurrentActors, type CaseState } from '../../core/engine';
import type { MetaRow } from './db';

const DEVICE_CODE = 'deviceCode';

/** The part of the meta table numbering needs (a backup being checked numbers its legacy cases in memory). */
export interface MetaStore {
  get(key: string): Promise<MetaRow | undefined>;
  put(row: MetaRow): Promise<unknown>;
}
const sequenceKey = (year: number) => `caseSequence:${year}`;

/** The year a case starts in, in the office's time zone (a case at 00:30 WIB on 1 January belongs to the new year). */
export function caseYear(startedAtMs: number, timeZone = 'Asia/Jakarta'): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(startedAtMs));
}

export interface ReservedCaseNumber {
  number: string;
  /** Takes the number for good; a case that is refused never calls it, so no number is wasted. */
  take(): Promise<void>;
}

/** The next case number of this device. Must run inside a read-write transaction that includes the meta table. */
export async function nextCaseNumber(meta: MetaStore, code: string, startedAtMs: number, timeZone?: string): Promise<ReservedCaseNumber> {
  const stored = (await meta.get(DEVICE_CODE))?.value;
  const device = isDeviceCode(stored) ? stored : newDeviceCode();
  const year = caseYear(startedAtMs, timeZone);
  const sequence = Number((await meta.get(sequenceKey(year)))?.value ?? 1);
  return {
    number: formatCaseNumber({ code, year, device, sequence }),
    async take() {
      if (device !== stored) await meta.put({ key: DEVICE_CODE, value: device });
      await meta.put({ key: sequenceKey(year), value: sequence + 1 });
    },
  };
}

export async function assignCaseNumber(meta: MetaStore, code: string, startedAtMs: number, timeZone?: string): Promise<string> {
  const reserved = await nextCaseNumber(meta, code, startedAtMs, timeZone);
  await reserved.take();
  return reserved.number;
}

export async function deviceCodeOf(meta: Table<MetaRow, string>): Promise<string | undefined> {
  const value = (await meta.get(DEVICE_CODE))?.value;
  return isDeviceCode(value) ? value : undefined;
}

/** `${sopId}|${actorId}` for every lane the case waits on now. */
export function activeLanesOf(state: CaseState): string[] {
  if (state.status !== 'open') return [];
  return [...new Set(activeVisits(state).flatMap((visit) => visitCurrentActors(visit).map((actor) => `${state.sop.sopId}|${actor}`)))];
}
