/**
 * NIP (Nomor Induk Pegawai) of a civil servant: 18 digits, structured as
 * YYYYMMDD birth date, YYYYMM appointment (TMT CPNS), 1 digit for sex
 * (1 man, 2 woman), 3 digits sequence (BKN, Peraturan Kepala BKN 22/2007).
 * People write it with spaces ("19850512 201001 2 003"); those are dropped.
 */
import type { LocalizedText } from '../engine/messages';

export type NipCheck = { ok: true; nip: string } | { ok: false; problem: LocalizedText };

const fail = (id: string, en: string): NipCheck => ({ ok: false, problem: { id, en } });

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Checks a NIP; `today` bounds the dates (tests pass a fixed one). */
export function checkNip(raw: string, today: Date = new Date()): NipCheck {
  const nip = String(raw).replace(/[\s.\-]/g, '');
  if (!/^\d+$/.test(nip)) return fail('NIP hanya berisi angka.', 'A NIP has digits only.');
  if (nip.length !== 18) return fail(`NIP terdiri atas 18 angka; yang diisi ${nip.length}.`, `A NIP has 18 digits; this one has ${nip.length}.`);
  const thisYear = today.getUTCFullYear();
  const birthYear = Number(nip.slice(0, 4));
  const birthMonth = Number(nip.slice(4, 6));
  const birthDay = Number(nip.slice(6, 8));
  if (!isCalendarDate(birthYear, birthMonth, birthDay) || birthYear < 1930 || birthYear > thisYear - 15) {
    return fail(
      `Angka 1–8 NIP (${nip.slice(0, 8)}) harus tanggal lahir yang sah (TTTTBBHH).`,
      `Digits 1–8 of a NIP (${nip.slice(0, 8)}) must be a valid birth date (YYYYMMDD).`,
    );
  }
  const tmtYear = Number(nip.slice(8, 12));
  const tmtMonth = Number(nip.slice(12, 14));
  if (tmtMonth < 1 || tmtMonth > 12 || tmtYear < birthYear + 15 || tmtYear > thisYear + 1) {
    return fail(
      `Angka 9–14 NIP (${nip.slice(8, 14)}) harus bulan pengangkatan yang sah (TTTTBB), sesudah usia 15 tahun.`,
      `Digits 9–14 of a NIP (${nip.slice(8, 14)}) must be a valid appointment month (YYYYMM), after age 15.`,
    );
  }
  if (nip[14] !== '1' && nip[14] !== '2') {
    return fail('Angka ke-15 NIP adalah jenis kelamin: 1 atau 2.', 'Digit 15 of a NIP is the sex: 1 or 2.');
  }
  if (nip.slice(15) === '000') return fail('Tiga angka terakhir NIP (nomor urut) tidak boleh 000.', 'The last three digits of a NIP (sequence) cannot be 000.');
  return { ok: true, nip };
}
