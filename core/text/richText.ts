/**
 * The document's text values (schema `Text`): plain strings as v1 wrote them,
 * or structured RichText (paragraphs and list items of spans). Everything that
 * needs characters (search, measuring, diffing, CSV, the runtime's labels)
 * reads them through `plainTextOf`, so a RichText value never reaches a string
 * API as "[object Object]".
 */
import type { RichText, Text, TextBlock, TextSpan } from '../../schemas/generated/sop.types';

export type { RichText, Text, TextBlock, TextSpan };

export function isRichText(value: unknown): value is RichText {
  return typeof value === 'object' && value !== null && Array.isArray((value as RichText).blocks);
}

/** The characters of one block, with its marker and indentation as a reader sees them. */
export function plainTextOfBlock(block: TextBlock): string {
  const body = block.spans.map((span) => span.text).join('');
  if (block.marker === undefined) return body;
  return `${'  '.repeat(block.level ?? 0)}${block.marker} ${body}`;
}

/** Plain text of a Text value: blocks one per line; undefined → "". */
export function plainTextOf(value: Text | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return value.blocks.map(plainTextOfBlock).join('\n');
}

/** Whether a Text value has no characters (an empty string or blocks of empty spans). */
export function isBlankText(value: Text | undefined | null): boolean {
  return plainTextOf(value).trim() === '';
}

// Markers real SOPs use at the start of a line: 1. 1) (1) a. a) i. - • ·
const MARKER = /^(\s*)((?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})[.)]|\(\s*(?:\d{1,3}|[a-zA-Z])\s*\)|[-•·*–])\s+(.*)$/;

/**
 * Structured view of a Text value. Plain strings become one block per line, and
 * a line that starts with a list marker becomes a list item keeping that marker,
 * so "1. Surat\n2. KTP" renders as the list it was written as.
 */
export function richTextOf(value: Text | undefined | null): RichText {
  if (isRichText(value)) return value;
  const text = plainTextOf(value);
  if (text === '') return { blocks: [] };
  return {
    blocks: text.split(/\r?\n/).map((line): TextBlock => {
      const match = MARKER.exec(line);
      if (!match) return { spans: [{ text: line }] };
      const level = Math.min(4, Math.floor(match[1]!.replace(/\t/g, '  ').length / 2));
      return { marker: match[2]!, ...(level > 0 ? { level } : {}), spans: [{ text: match[3]! }] };
    }),
  };
}

/** A link target the renderers may turn into a link (the schema's pattern, checked again at render time). */
export function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  return /^(https?:\/\/|mailto:)[^\s]+$/i.test(href) ? href : undefined;
}

/** Maps every span's text (for example to trim or to replace), keeping the structure. Strings map as one span. */
export function mapTextSpans(value: Text, map: (text: string) => string): Text {
  if (typeof value === 'string') return map(value);
  return { blocks: value.blocks.map((block) => ({ ...block, spans: block.spans.map((span) => ({ ...span, text: map(span.text) })) })) };
}
