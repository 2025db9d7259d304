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

/** Parses stored JSON text back into a document. */
export function documentFromJson(text: string): SopDocument {
  return JSON.parse(text) as SopDocument;
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
