import type { Actor } from '../../schemas/generated/sop.types';

/**
 * A first guess of an actor's kind from its label, for actors created by a
 * paste or a new lane. The drafter can change it; it only decides the icon and
 * whether the runtime treats the party as the applicant.
 */
export function guessActorKind(label: string): Actor['kind'] {
  const text = label.toLowerCase();
  if (/\b(pemohon|masyarakat|warga|ahli waris|pelapor|penerima|applicant|citizen|keluarga)\b/.test(text)) return 'citizen';
  if (/\b(siks|sistem|system|aplikasi|application|online)\b/.test(text)) return 'system';
  if (/\b(desa|kelurahan|kecamatan|dinas|dinkes|bpjs|puskesmas|rsud|rumah sakit|upt|provinsi|kabupaten|kota|kementerian|bank|bappeda|bpkad|dispendukcapil|badan)\b/.test(text)) {
    return 'organisation';
  }
  return 'role';
}

/** Labels compared the way a drafter reads them: case, spacing and punctuation around slashes ignored. */
export function normalizeLabel(label: string): string {
  return label.toLocaleLowerCase('id').replace(/\s*([/,.&-])\s*/g, '$1').replace(/\s+/g, ' ').trim();
}
