/**
 * Accepting into the catalogue an SOP revision that arrived inside a case
 * bundle. Until then it is kept only for its case (the runtime's `sops`
 * table) and no new case can start on it.
 *
 * Who may: on a device without server accounts, a profile marked "may
 * publish" (ProfileRow.mayPublish). It is a local flag, so it names who took
 * the decision rather than enforcing a permission; with a server, the
 * account's publishing role takes its place behind `mayPublish()`.
 * What is checked: the same publish rules a revision file must pass
 * (checkRevisionFile), and a revision number already in the catalogue with
 * other content is refused (addRevision).
 */
import { checkRevisionFile, revisionFileText } from '../../core/document/revisionFile';
import type { Diagnostic } from '../../core/validation';
import { addRevision, mayPublish, toDeviceError, type DeviceDb, type ProfileRow } from '../../device';
import type { RuntimeDb, SopRow } from '../storage/db';

/** Revisions this device holds for cases only: in the runtime's pinned copies, not in the catalogue. */
export async function listCaseOnlyRevisions(db: RuntimeDb, device: DeviceDb): Promise<SopRow[]> {
  const rows = (await db.sops.toArray()).filter((r) => typeof r?.key === 'string' && !r.trial);
  const held = new Set((await device.catalogue.bulkGet(rows.map((r) => r.key))).flatMap((r) => (r ? [r.key] : [])));
  return rows.filter((r) => !held.has(r.key)).sort((a, b) => String(a.title ?? '').localeCompare(String(b.title ?? ''), 'id') || Number(a.revision) - Number(b.revision));
}

export type AcceptResult = { ok: true } | { ok: false; diagnostics: Diagnostic[] };

const notAllowed: Diagnostic = {
  ruleId: 'catalogue.not-allowed',
  severity: 'error',
  pointer: '',
  message: {
    id: 'Hanya profil yang boleh menerbitkan SOP dapat menerima revisi ke katalog.',
    en: 'Only a profile that may publish SOPs can accept revisions into the catalogue.',
  },
};

export async function acceptIntoCatalogue(device: DeviceDb, row: SopRow, profile: ProfileRow | null): Promise<AcceptResult> {
  if (!mayPublish(profile)) return { ok: false, diagnostics: [notAllowed] };
  const checked = checkRevisionFile(revisionFileText(row.doc));
  if (!checked.ok) return { ok: false, diagnostics: checked.diagnostics };
  try {
    await addRevision(device, checked.doc, { source: 'bundle' });
    return { ok: true };
  } catch (error) {
    const failure = toDeviceError(error);
    return { ok: false, diagnostics: [{ ruleId: failure.code, severity: 'error', pointer: failure.code === 'revision.conflict' ? '/revision/number' : '', message: failure.localized }] };
  }
}
