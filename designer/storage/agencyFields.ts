import type { SopDocument } from '../../schemas/generated/sop.types';
import type { DraftRecord } from './records';

/**
 * The agency of a draft as the library lists it. Tolerant of any stored JSON
 * (a migration reads documents written by older builds): what is not a
 * string becomes empty.
 */
export function agencyFieldsOf(doc: unknown): Pick<DraftRecord, 'government' | 'office' | 'unit'> {
  const identity = (doc as Partial<SopDocument> | null | undefined)?.identity as Record<string, unknown> | undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return { government: text(identity?.government), office: text(identity?.office), unit: text(identity?.unit) };
}
