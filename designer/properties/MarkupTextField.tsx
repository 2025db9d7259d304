import { useState } from 'react';
import { markupOf, textFromMarkup } from '../../core/text/richTextMarkup';
import type { Text } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { TextField, type TextFieldProps } from './fields';

export interface MarkupTextFieldProps extends Omit<TextFieldProps, 'value' | 'onChange'> {
  value: Text | undefined;
  /** The new Text; '' when the field was emptied. */
  onChange: (value: Text) => void;
  /** Show the markup's syntax under the field (once per panel is enough). */
  syntaxHint?: boolean;
}

const same = (a: Text | undefined, b: Text | undefined) => JSON.stringify(a ?? '') === JSON.stringify(b ?? '');

/**
 * A step text (Kegiatan, Output, Keterangan) edited as markup, so RichText
 * keeps its list markers, bold, italics and links (core/text/richTextMarkup).
 * What the drafter typed stays in the field as typed (an unclosed `**` is not
 * closed under the cursor); the field takes the document's value again only
 * when that value changes from elsewhere (undo, another view).
 */
export function MarkupTextField({ value, onChange, syntaxHint = false, hint, ...field }: MarkupTextFieldProps) {
  const t = useT();
  const [draft, setDraft] = useState(() => markupOf(value));
  const shown = same(textFromMarkup(draft, value), value) ? draft : markupOf(value);
  if (shown !== draft) setDraft(shown);
  return (
    <TextField
      {...field}
      value={shown}
      hint={syntaxHint ? t('designer.text.markupHint') : hint}
      onChange={(typed) => {
        setDraft(typed);
        onChange(typed === '' ? '' : textFromMarkup(typed, value));
      }}
    />
  );
}
