export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export type Lang = 'id' | 'en';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** Picks the message for the chosen language from an {id, en} pair. */
export function pick(lang: Lang, text: { id: string; en: string }): string {
  return text[lang];
}

/**
 * Characters a terminal would act on instead of showing: C0 controls (ESC
 * starts colour, cursor and title sequences), DEL, C1 controls (U+009B is a
 * one-character CSI on some terminals), bidi overrides and isolates (they
 * reorder the rest of the line), U+FFFE/U+FFFF and unpaired surrogates.
 */
const TERMINAL_UNSAFE =
  /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text from a file (or a file name) made safe for one line of terminal
 * output: every control character shows as a visible escape (`\x1b`,
 * `\u202e`, `\n`) instead of reaching the terminal. Every line the CLI prints
 * that holds file content goes through here.
 */
export function printable(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Like `printable`, but keeps the line breaks of a multi-line message (a browser's error). */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

/**
 * JSON for stdout: JSON.stringify escapes C0 controls but leaves DEL, C1 and
 * bidi controls raw; written as `\uXXXX` they reach the terminal inert and
 * parse back to the same strings.
 */
export function printableJson(value: unknown): string {
  // Inside strings JSON.stringify already escaped C0; raw line feeds are its own indentation.
  return JSON.stringify(value, null, 2).replace(TERMINAL_UNSAFE, (c) => (c === '\n' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
