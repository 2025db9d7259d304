import { migrateSop } from '../../core/migrations';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { StorageError } from './errors';

/**
 * The document as JSON text, checked to be valid JSON that reads back as the
 * same value. `JSON.stringify` silently drops `undefined` and turns NaN into
 * null; a document holding such values came from a bug, and storing the
 * mangled text would lose data without a word, so it is refused instead.
 */
export function documentToJson(doc: SopDocument): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(doc);
  } catch (error) {
    throw notJson(error instanceof Error ? error.message : String(error));
  }
  if (typeof text !== 'string' || doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw notJson('not an object');
  }
  const problem = firstNonJsonValue(doc, '');
  if (problem !== null) throw notJson(problem);
  return text;
}

/**
 * Parses stored JSON text back into a document, migrated in memory to the
 * current schema version when it was written in an earlier one (a published
 * revision stays as published in the database; `originalOf` gives it back).
 * Throws on text that is not JSON, and on a document of a newer version.
 */
export function documentFromJson(text: string): SopDocument {
  const migrated = migrateSop(JSON.parse(text) as unknown);
  if (!migrated.ok) {
    throw new StorageError('newer-format', {
      id: 'Dokumen ini disimpan oleh versi SOP Studio yang lebih baru. Buka dengan versi terbaru; data tidak diubah.',
      en: 'This document was saved by a newer version of SOP Studio. Open it with the latest version; nothing was changed.',
    });
  }
  return migrated.document as SopDocument;
}

function firstNonJsonValue(value: unknown, path: string): string | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : `${path || '/'} is ${value}`;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const p = firstNonJsonValue(value[i], `${path}/${i}`);
          if (p) return p;
        }
        return null;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return `${path || '/'} is not a plain object`;
      for (const [key, item] of Object.entries(value)) {
        if (item === undefined) continue; // an absent optional property; stringify omits it, which is what we want
        const p = firstNonJsonValue(item, `${path}/${key}`);
        if (p) return p;
      }
      return null;
    }
    default:
      return `${path || '/'} is ${typeof value}`;
  }
}

function notJson(detail: string): StorageError {
  return new StorageError('not-json', {
    id: `Dokumen tidak disimpan karena bukan JSON yang sah (${detail}). Versi terakhir yang tersimpan tetap aman.`,
    en: `The document was not saved because it is not valid JSON (${detail}). The last saved version is safe.`,
  });
}
