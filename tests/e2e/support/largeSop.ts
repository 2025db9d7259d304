// A valid SOP of a given size, for tests of large documents: a real sample whose
// step texts are long (printed, so the print view has many pages to lay out) and
// whose revision history is long (not printed), every string within the schema's limits.
import { readFileSync } from 'node:fs';
import type { SopDocument } from '../../../schemas/generated/sop.types';

/** The schema's LongText limit (schemas/sop.schema.json $defs/LongText). */
const LONG_TEXT_MAX = 20_000;

function prose(seed: number, length: number): string {
  const words = ['pemohon', 'berkas', 'diperiksa', 'petugas', 'loket', 'kelurahan', 'verifikasi', 'data', 'kependudukan', 'surat', 'keterangan', 'dinas', 'sosial', 'ditandatangani', 'arsip'];
  let text = '';
  for (let i = seed; text.length < length; i++) text += `${words[i % words.length]}${i % 11 === 0 ? '. ' : ' '}`;
  return text.slice(0, length).trimEnd();
}

/** The sample `bwi-spm-online`, grown to about `bytes` of JSON. */
export function largeSop(bytes: number, stepTextLength = 4_000): SopDocument {
  const doc = JSON.parse(readFileSync(new URL('../../../samples/bwi-spm-online.sop.json', import.meta.url), 'utf8')) as SopDocument;
  for (const [i, step] of doc.flows[0]!.steps.entries()) step.text = `${step.text} ${prose(i, stepTextLength)}`.slice(0, LONG_TEXT_MAX);
  const notes: { revision: number; note: string }[] = [];
  let size = JSON.stringify(doc).length;
  for (let i = 0; size < bytes; i++) {
    const note = prose(i, Math.min(LONG_TEXT_MAX, bytes - size + 100));
    notes.push({ revision: doc.revision.number, note });
    size += note.length + 40;
  }
  doc.revision = { ...doc.revision, changeNotes: [...(doc.revision.changeNotes ?? []), ...notes] };
  return doc;
}
