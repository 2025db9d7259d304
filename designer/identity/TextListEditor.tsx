import { useId } from 'react';
import { useT } from '../../ui/i18n';
import { useEditorStore } from '../editor/EditorContext';
import { TextLimitNote, useFocusRequest } from '../properties/fields';
import { cleanTypedText, SOP_LIMITS } from '../../core/validation/limits';
import { plainTextOf, type Text } from '../../core/text/richText';

export interface TextListEditorProps {
  legend: string;
  /** Plain or rich items; a rich item is edited as its plain text and stays rich until it is typed in. */
  items: readonly Text[];
  onChange: (items: Text[]) => void;
  /** Item labels: "Dasar hukum 2". */
  itemLabel: (n: number) => string;
  addLabel: string;
  focusKey?: string;
}

/** An ordered list of text items (a numbered block of the identity page). */
export function TextListEditor({ legend, items, onChange, itemLabel, addLabel, focusKey }: TextListEditorProps) {
  const t = useT();
  const store = useEditorStore();
  const legendId = useId();
  const focusRef = useFocusRequest<HTMLTextAreaElement>(focusKey);
  const move = (index: number, delta: number) => {
    const next = items.slice();
    const [item] = next.splice(index, 1);
    next.splice(index + delta, 0, item!);
    onChange(next);
  };
  return (
    <fieldset className="field list-editor" aria-labelledby={legendId}>
      <legend id={legendId}>{legend}</legend>
      <ol className="list-editor__items">
        {items.map((item, index) => {
          const n = index + 1;
          const text = plainTextOf(item);
          return (
            <li key={index} className="list-editor__item">
              <textarea
                ref={index === 0 ? focusRef : undefined}
                rows={1}
                aria-label={itemLabel(n)}
                value={text}
                maxLength={SOP_LIMITS.longText}
                onChange={(event) => onChange(items.map((old, i) => (i === index ? cleanTypedText(event.target.value) : old)))}
                onBlur={() => store.seal()}
              />
              <TextLimitNote length={text.length} limit={SOP_LIMITS.longText} />
              <span className="list-editor__buttons">
                <button type="button" className="button button--small button--quiet" disabled={index === 0} aria-label={t('designer.list.up', { item: itemLabel(n) })} onClick={() => move(index, -1)}>
                  ↑
                </button>
                <button type="button" className="button button--small button--quiet" disabled={index === items.length - 1} aria-label={t('designer.list.down', { item: itemLabel(n) })} onClick={() => move(index, 1)}>
                  ↓
                </button>
                <button type="button" className="button button--small button--quiet" aria-label={t('designer.list.remove', { item: itemLabel(n) })} onClick={() => onChange(items.filter((_, i) => i !== index))}>
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button--small" onClick={() => onChange([...items, ''])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
