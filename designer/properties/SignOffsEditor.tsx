import { useId } from 'react';
import { command, MAX_SIGN_OFFS } from '../../core/document';
import { cleanTypedText, SOP_LIMITS } from '../../core/validation/limits';
import type { Flow, SignOff, Step } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import { useFocusRequest } from './fields';

const ACTIONS: readonly SignOff['action'][] = ['paraf', 'tandaTangan'];
const DEFAULT_ACTOR = '';

/**
 * The chain of paraf and tanda tangan inside the step's lane (Kasi → Kabid →
 * Sekdin), in order. Every button and choice is one named command, so one
 * Ctrl+Z undoes exactly it.
 */
export function SignOffsEditor({ flow, step }: { flow: Flow; step: Step }) {
  const t = useT();
  const store = useEditorStore();
  const { doc } = useEditorSnapshot();
  const legend = useId();
  const hint = useId();
  const focusRef = useFocusRequest<HTMLInputElement>('signOffs');
  const ref = { flowId: flow.id, stepId: step.id };
  const items = step.signOffs ?? [];
  const label = (id: string) => doc.actors.find((a) => a.id === id)?.label ?? id;
  // A sign-off belongs to one of the step's own actors (validation: signoff.unknown-actor).
  const actors = [...new Set(step.actors.map((a) => a.actor))];
  const run = (cmd: Parameters<typeof store.run>[0]) => store.run(cmd, { select: false });

  return (
    <fieldset className="field list-editor" aria-labelledby={legend} aria-describedby={hint}>
      <legend id={legend}>{t('designer.signOffs.legend')}</legend>
      <p id={hint} className="field__hint">
        {t('designer.signOffs.hint')}
      </p>
      <ol className="list-editor__items">
        {items.map((item, index) => {
          const n = index + 1;
          return (
            <li key={index} className="list-editor__item list-editor__item--sign-off">
              <input
                ref={index === 0 ? focusRef : undefined}
                aria-label={t('designer.signOffs.positionN', { n })}
                placeholder={t('designer.signOffs.positionPlaceholder')}
                value={item.position}
                maxLength={SOP_LIMITS.shortText}
                onChange={(event) => run(command('signOff.update', { ...ref, index, changes: { position: cleanTypedText(event.target.value) } }))}
                onBlur={() => store.seal()}
              />
              <select
                aria-label={t('designer.signOffs.actionN', { n })}
                value={item.action}
                onChange={(event) => run(command('signOff.update', { ...ref, index, changes: { action: event.target.value as SignOff['action'] } }))}
              >
                {ACTIONS.map((action) => (
                  <option key={action} value={action}>
                    {t(`designer.signOffs.${action}`)}
                  </option>
                ))}
              </select>
              {actors.length > 1 || (item.actor !== undefined && !actors.includes(item.actor)) ? (
                <select
                  aria-label={t('designer.signOffs.actorN', { n })}
                  value={item.actor ?? DEFAULT_ACTOR}
                  onChange={(event) => run(command('signOff.update', { ...ref, index, changes: { actor: event.target.value === DEFAULT_ACTOR ? null : event.target.value } }))}
                >
                  <option value={DEFAULT_ACTOR}>{t('designer.signOffs.defaultActor')}</option>
                  {item.actor !== undefined && !actors.includes(item.actor) && <option value={item.actor}>{label(item.actor)}</option>}
                  {actors.map((actor) => (
                    <option key={actor} value={actor}>
                      {label(actor)}
                    </option>
                  ))}
                </select>
              ) : null}
              <span className="list-editor__buttons">
                <button type="button" className="button button--small button--quiet" disabled={index === 0} aria-label={t('designer.signOffs.upN', { n })} onClick={() => run(command('signOff.move', { ...ref, index, toIndex: index - 1 }))}>
                  ↑
                </button>
                <button type="button" className="button button--small button--quiet" disabled={index === items.length - 1} aria-label={t('designer.signOffs.downN', { n })} onClick={() => run(command('signOff.move', { ...ref, index, toIndex: index + 1 }))}>
                  ↓
                </button>
                <button type="button" className="button button--small button--quiet" aria-label={t('designer.signOffs.removeN', { n })} onClick={() => run(command('signOff.remove', { ...ref, index }))}>
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button--small"
        disabled={items.length >= MAX_SIGN_OFFS}
        onClick={() => run(command('signOff.add', { ...ref, signOff: { position: '', action: 'paraf' } }))}
      >
        {t('designer.signOffs.add')}
      </button>
    </fieldset>
  );
}
