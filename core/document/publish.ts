/**
 * Publishing: a draft becomes an immutable numbered revision for the runtime,
 * and editing continues on a new draft. Not a command: it is never undone
 * (a published revision may already have cases pinned to it), and it yields
 * two documents, one for the revision store and one for the editor.
 */
import type { ReviewNote, SopDocument } from '../../schemas/generated/sop.types';
import { validateSop, type Diagnostic } from '../validation';
import { pointerOf } from '../validation/diagnostic';
import { stepInSchemaOrder, withChanges } from './immutable';

export interface PublishOptions {
  /** The change note (Catatan perubahan) recorded with the revision. */
  note: string;
  /** Publication date, YYYY-MM-DD (or a full ISO timestamp). */
  date: string;
}

export type PublishOutcome =
  | {
      ok: true;
      /** Revision n+1, status "published", deeply frozen. */
      published: SopDocument;
      /** The same content as a draft of revision n+1, to keep editing. */
      nextDraft: SopDocument;
      /** Warnings and notes that did not block publishing. */
      diagnostics: Diagnostic[];
    }
  | { ok: false; diagnostics: Diagnostic[] };

const PUBLISHED_AT = /^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})?)?$/;

/**
 * Refused, with the diagnostics, when the document has errors for publishing
 * (`validateSop(doc, {purpose: 'publish'})`) or the date is not a date.
 * `revision.number` is the last published number (0 before the first), so
 * publishing freezes number + 1 and the next draft carries that number on.
 */
export function publishRevision(doc: SopDocument, { note, date }: PublishOptions): PublishOutcome {
  if (!PUBLISHED_AT.test(date)) {
    return {
      ok: false,
      diagnostics: [{
        ruleId: 'publish.date-invalid',
        severity: 'error',
        pointer: pointerOf('revision', 'publishedAt'),
        message: { id: `Tanggal terbit ${JSON.stringify(date)} tidak sah (pakai TTTT-BB-HH).`, en: `Publication date ${JSON.stringify(date)} is invalid (use YYYY-MM-DD).` },
      }],
    };
  }
  const { diagnostics } = validateSop(doc, { purpose: 'publish' });
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  const number = doc.revision.number + 1;
  const changeNotes = [...(doc.revision.changeNotes ?? []), { revision: number, date, note }];
  // Review notes are the drafters' working notes: clerks, the server and the content hash never see them. The
  // next draft keeps the open ones (still to do) and drops the resolved ones (done in this revision, whose change
  // note links the evaluation they came from).
  const published: SopDocument = structuredClone({ ...withReviewNotes(doc, () => []), revision: { number, status: 'published', publishedAt: date, changeNotes } });
  const nextDraft: SopDocument = { ...withReviewNotes(doc, (notes) => notes.filter((n) => !n.resolved)), revision: { number, status: 'draft', changeNotes } };
  return { ok: true, published: deepFreeze(published), nextDraft, diagnostics: [...diagnostics, ...openReviewNoteWarnings(doc)] };
}

function withReviewNotes(doc: SopDocument, keep: (notes: ReviewNote[]) => ReviewNote[]): SopDocument {
  if (!doc.flows.some((f) => f.steps.some((s) => s.reviewNotes !== undefined))) return doc;
  return {
    ...doc,
    flows: doc.flows.map((flow) => ({
      ...flow,
      steps: flow.steps.map((step) => {
        if (step.reviewNotes === undefined) return step;
        const kept = keep(step.reviewNotes);
        return stepInSchemaOrder(withChanges(step, { reviewNotes: kept.length > 0 ? kept : undefined }));
      }),
    })),
  };
}

/** Publishing with open review notes is allowed (a finding may wait for a later revision), but said. */
export function openReviewNoteWarnings(doc: SopDocument): Diagnostic[] {
  const open = doc.flows.flatMap((flow, f) =>
    flow.steps.map((step, s) => ({ f, s, count: (step.reviewNotes ?? []).filter((n) => !n.resolved).length })).filter((o) => o.count > 0),
  );
  if (open.length === 0) return [];
  const total = open.reduce((sum, o) => sum + o.count, 0);
  return [{
    ruleId: 'publish.review-notes-open',
    severity: 'warning',
    pointer: pointerOf('flows', open[0]!.f, 'steps', open[0]!.s, 'reviewNotes'),
    message: {
      id: `${total} catatan tinjauan belum ditandai selesai. Catatan tidak ikut terbit; catatan itu tetap ada di draf berikutnya.`,
      en: `${total} review note(s) not marked done. Notes are not published; they stay on the next draft.`,
    },
  }];
}

/** Frozen all the way down, so no code can edit a published revision in place. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
