import { useId } from 'react';
import type { RequirementInput } from '../../core/document';
import type { Step } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { useEditorStore } from '../editor/EditorContext';
import { TextLimitNote, useFocusRequest } from './fields';
import { cleanTypedText, SOP_LIMITS } from '../../core/validation/limits';
import { plainTextOf } from '../../core/text/richText';

/** Kelengkapan: the documents or equipment the step needs, in order. */
export function RequirementsEditor({ step, onChange }: { step: Step; onChange: (items: RequirementInput[]) => void }) {
  const t = useT();
  const store = useEditorStore();
  const legend = useId();
  const focusRef = useFocusRequest<HTMLInputElement>('requirements');
  const items: RequirementInput[] = (step.requirements ?? []).map((r) => ({ id: r.id, text: r.text, ...(r.mustCheck !== undefined ? { mustCheck: r.mustCheck } : {}) }));
  const set = (index: number, patch: Partial<RequirementInput>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const move = (index: number, delta: number) => {
    const next = items.slice();
    const [item] = next.splice(index, 1);
    next.splice(index + delta, 0, item!);
    onChange(next);
  };
  return (
    <fieldset className="field list-editor" aria-labelledby={legend}>
      <legend id={legend}>{t('designer.step.requirements')}</legend>
      <ol className="list-editor__items">
        {items.map((item, index) => {
          const n = index + 1;
          const text = plainTextOf(item.text);
          return (
            <li key={item.id ?? index} className="list-editor__item">
              <input
                ref={index === 0 ? focusRef : undefined}
                aria-label={t('designer.step.requirementN', { n })}
                value={text}
                maxLength={SOP_LIMITS.longText}
                onChange={(event) => set(index, { text: cleanTypedText(event.target.value) })}
                onBlur={() => store.seal()}
              />
              <TextLimitNote length={text.length} limit={SOP_LIMITS.longText} />
              <label className="choice" title={t('designer.step.mustCheckHint')}>
                <input type="checkbox" checked={item.mustCheck === true} onChange={(event) => set(index, { mustCheck: event.target.checked })} />
                {t('designer.step.mustCheck')}
              </label>
              <span className="list-editor__buttons">
                <button type="button" className="button button--small button--quiet" disabled={index === 0} aria-label={t('designer.step.requirementUp', { n })} onClick={() => move(index, -1)}>
                  ↑
                </button>
                <button type="button" className="button button--small button--quiet" disabled={index === items.length - 1} aria-label={t('designer.step.requirementDown', { n })} onClick={() => move(index, 1)}>
                  ↓
                </button>
                <button type="button" className="button button--small button--quiet" aria-label={t('designer.step.requirementRemove', { n })} onClick={() => onChange(items.filter((_, i) => i !== index))}>
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button--small" onClick={() => onChange([...items, { text: '' }])}>
        {t('designer.step.addRequirement')}
      </button>
    </fieldset>
  );
}
