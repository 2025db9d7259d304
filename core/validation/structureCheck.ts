/**
 * The checks that must run before anything recursive touches a value: nesting
 * depth (Ajv, JSON.stringify, structured clone and layout all recurse and
 * overflow the stack on a 100 000-deep `extensions`) and characters XML cannot
 * carry. The walk is iterative, with an explicit stack, so it never overflows
 * itself, and stops descending at the depth limit, so it ends quickly on any input.
 */
import type { Diagnostic } from './diagnostic';
import { hasForbiddenCharacter, SOP_LIMITS, XML_FORBIDDEN_CHARACTERS } from './limits';

/** At most this many forbidden-character diagnostics: one file full of them needs no thousand lines. */
const MAX_CHARACTER_DIAGNOSTICS = 20;

interface Visit {
  value: unknown;
  depth: number;
  parent: Visit | null;
  key: string;
}

/**
 * Diagnostics for a value nested deeper than `SOP_LIMITS.maxDepth` (one, and
 * then nothing else is worth checking) or strings holding characters XML 1.0
 * cannot carry. Empty when the value is fine.
 */
export function checkStructure(input: unknown): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const stack: Visit[] = [{ value: input, depth: 1, parent: null, key: '' }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (typeof value === 'string') {
      if (diagnostics.length < MAX_CHARACTER_DIAGNOSTICS && hasForbiddenCharacter(value)) diagnostics.push(characterDiagnostic(visit, value));
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (visit.depth > SOP_LIMITS.maxDepth) return [depthDiagnostic(visit)];
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
    // Pushed in reverse so the walk visits in document order and reports the first problem first.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const childVisit = { value: child, depth: visit.depth + 1, parent: visit, key };
      if (diagnostics.length < MAX_CHARACTER_DIAGNOSTICS && hasForbiddenCharacter(key)) diagnostics.push(characterDiagnostic(childVisit, key, true));
      stack.push(childVisit);
    }
  }
  return diagnostics;
}

function pathOf(visit: Visit): string[] {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) keys.push(at.key);
  return keys.reverse();
}

function pointerFrom(keys: string[]): string {
  return keys.map((key) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The first few levels of a long pointer, enough to find it: "/extensions/a/a/a/…". */
function shortPointer(keys: string[]): string {
  const shown = pointerFrom(keys.slice(0, 6)).replace(XML_FORBIDDEN_CHARACTERS, '\uFFFD');
  return keys.length > 6 ? `${shown.slice(0, 120)}/…` : shown.slice(0, 120);
}

function depthDiagnostic(visit: Visit): Diagnostic {
  const keys = pathOf(visit);
  const top = keys[0] ?? '';
  const where = shortPointer(keys);
  const limit = SOP_LIMITS.maxDepth;
  return {
    ruleId: 'schema.maxDepth',
    severity: 'error',
    pointer: pointerFrom(keys),
    message: {
      id: `${top} bersarang lebih dalam dari ${limit} tingkat di ${where}; dokumen tidak dapat dibuka.`,
      en: `${top} is nested deeper than ${limit} levels at ${where}; the document cannot be opened.`,
    },
    data: { limit },
  };
}

function characterDiagnostic(visit: Visit, text: string, isKey = false): Diagnostic {
  XML_FORBIDDEN_CHARACTERS.lastIndex = 0;
  const match = XML_FORBIDDEN_CHARACTERS.exec(text)!;
  XML_FORBIDDEN_CHARACTERS.lastIndex = 0;
  const code = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const position = match.index + 1;
  const what = isKey ? { id: 'Nama properti', en: 'The property name' } : { id: 'Teks', en: 'The text' };
  return {
    ruleId: 'schema.controlCharacter',
    severity: 'error',
    pointer: pointerFrom(pathOf(visit)),
    message: {
      id: `${what.id} memuat karakter kendali ${code} (karakter ke-${position}) yang tidak dapat dicetak atau diekspor; hapus karakter itu.`,
      en: `${what.en} holds the control character ${code} (character ${position}), which cannot be printed or exported; remove it.`,
    },
    data: { character: code, position },
  };
}
