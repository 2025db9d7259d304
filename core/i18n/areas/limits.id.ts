/**
 * Indonesian messages about the document limits (core/validation/limits.ts)
 * as the designer's text fields show them; keys start with `limits.`.
 * Merged into the reference catalogue in ../messages.id.ts.
 */
export const limitsMessagesId = {
  'limits.text.count': '{count} dari {limit} karakter',
  'limits.text.reached': 'Batas {limit} karakter tercapai; teks yang lebih panjang tidak disimpan.',
} satisfies Record<string, string>;
