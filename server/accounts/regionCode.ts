/**
 * Kemendagri kode wilayah, written with dots: province (35), regency or city
 * (35.10), district (35.10.01), village (35.10.01.2001). An office's region
 * decides which cases it may see (docs/sync-protocol.md): a code covers every
 * code it is a prefix of at a dot boundary.
 */
import { NIK_PROVINCE_CODES, type LocalizedText } from '../../core/engine';

/**
 * The 38 provinces of Kepmendagri 100.1.1-6117/2022 (kode dan data wilayah),
 * including the Papua provinces formed in 2022 (93–96): the same list a NIK's
 * first two digits are checked against, so an office can be registered
 * wherever an applicant can.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([...NIK_PROVINCE_CODES].map(String));

export const REGION_CODE_FORMAT = /^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$/;

export type RegionCodeCheck = { ok: true } | { ok: false; problem: LocalizedText };

/** The format, and a province that exists. */
export function checkRegionCode(code: string): RegionCodeCheck {
  if (!REGION_CODE_FORMAT.test(code)) {
    return {
      ok: false,
      problem: {
        id: `Kode wilayah "${code}" tidak sah: tulis dengan titik, misalnya 35, 35.10, 35.10.01 atau 35.10.01.2001.`,
        en: `Region code "${code}" is invalid: write it with dots, e.g. 35, 35.10, 35.10.01 or 35.10.01.2001.`,
      },
    };
  }
  const province = code.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) {
    return {
      ok: false,
      problem: {
        id: `Kode provinsi ${province} tidak dikenal (kode wilayah ${code}).`,
        en: `Province code ${province} is not known (region code ${code}).`,
      },
    };
  }
  return { ok: true };
}

/** True when `outer` covers `inner`: equal, or a prefix at a dot boundary ("35.10" covers "35.10.01"; not "35.1"). */
export function regionCovers(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(`${outer}.`);
}
