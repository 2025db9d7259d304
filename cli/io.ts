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
