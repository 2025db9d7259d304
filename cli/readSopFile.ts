import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../core/validation';
import { checkFileSize } from '../core/validation/parseSopJson';
import { parseSopJson, type ParsedSopText } from '../core/validation';
import type { ValidateOptions } from '../core/validation';

/** Reads and validates one file; a file that cannot be read becomes a diagnostic, not an exception. */
export async function readSopFile(path: string, options: ValidateOptions = {}): Promise<ParsedSopText> {
  let text: string;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return unreadable(path, { id: 'ini sebuah folder, bukan berkas', en: 'it is a folder, not a file' });
    // Check the size before reading so a huge file is refused without loading it, naming its true size.
    const tooLarge = checkFileSize(info.size);
    if (tooLarge) return tooLarge;
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return unreadable(path, { id: 'berkas tidak ditemukan', en: 'file not found' });
    if (code === 'EACCES') return unreadable(path, { id: 'tidak ada izin membaca berkas', en: 'permission denied' });
    return unreadable(path, { id: `tidak dapat dibaca (${code ?? String(error)})`, en: `cannot be read (${code ?? String(error)})` });
  }
  return parseSopJson(text, options);
}

function unreadable(path: string, reason: { id: string; en: string }): ParsedSopText {
  const diagnostic: Diagnostic = {
    ruleId: 'file.unreadable',
    severity: 'error',
    pointer: '',
    message: { id: `Berkas ${path}: ${reason.id}.`, en: `File ${path}: ${reason.en}.` },
  };
  return { valid: false, diagnostics: [diagnostic] };
}
