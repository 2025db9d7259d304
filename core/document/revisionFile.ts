/**
 * A published revision as a file: what the designer exports and the runtime
 * imports (on a device the publishing designer never reached). The import
 * holds the file to the rules a publication had to pass, so a file can
 * never put onto a clerk's device what the designer would have refused.
 */
import type { SopDocument } from '../../schemas/generated/sop.types';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../validation/diagnostic';
import { parseSopJson } from '../validation/parseSopJson';
import { originalOf } from '../migrations';

export type RevisionFileCheck =
  /** `upgradedFrom`: the revision was published in this earlier schema version (kept so, read migrated). */
  | { ok: true; doc: SopDocument; warnings: Diagnostic[]; upgradedFrom?: number }
  | { ok: false; diagnostics: Diagnostic[] };

/** Checks the text of a revision file: valid JSON, a valid SOP for publishing, and a published revision. */
export function checkRevisionFile(text: string): RevisionFileCheck {
  const parsed = parseSopJson(text, { purpose: 'publish' });
  if (parsed.value === undefined || parsed.document === undefined || hasErrors(parsed.diagnostics)) {
    return { ok: false, diagnostics: sortDiagnostics(parsed.diagnostics.filter((d) => d.severity === 'error')) };
  }
  // Migrated when the file is older (`originalOf(doc)` is the file's document, which the catalogue stores).
  const doc = parsed.document;
  const status = doc.revision.status;
  if (status !== 'published' || doc.revision.number < 1) {
    return {
      ok: false,
      diagnostics: [
        {
          ruleId: 'revision.not-published',
          severity: 'error',
          pointer: '/revision/status',
          message:
            status === 'draft'
              ? {
                  id: 'Berkas ini draf, bukan revisi yang diterbitkan. Terbitkan dahulu di Perancang, lalu ekspor revisinya.',
                  en: 'This file is a draft, not a published revision. Publish it in the Designer first, then export the revision.',
                }
              : {
                  id: `Revisi ini berstatus "${status}"; hanya revisi yang diterbitkan dapat dipakai untuk kasus baru.`,
                  en: `This revision has status "${status}"; only published revisions can be used for new cases.`,
                },
        },
      ],
    };
  }
  const upgradedFrom = parsed.migration?.fromVersion;
  return { ok: true, doc, warnings: parsed.diagnostics.filter((d) => d.severity !== 'error'), ...(upgradedFrom !== undefined ? { upgradedFrom } : {}) };
}

/**
 * The file a published revision is exported as: the document as it was
 * published (a revision of an earlier schema version stays in it, so its
 * content hash holds on the device that imports it). The hash does not
 * depend on the formatting.
 */
export function revisionFileText(doc: SopDocument): string {
  return JSON.stringify(originalOf(doc), null, 2) + '\n';
}

/** "perpres-12-2024-rev2.sop.json": the Nomor SOP (else the id) and the revision number. */
export function revisionFileName(doc: SopDocument): string {
  const stem = (doc.identity.number || doc.id).replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'sop';
  return `${stem}-rev${doc.revision.number}.sop.json`;
}
