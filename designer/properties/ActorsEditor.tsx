import { useId } from 'react';
import type { Flow, Step, StepActor } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { useEditorSnapshot } from '../editor/EditorContext';
import { useFocusRequest } from './fields';

const ROLES: readonly StepActor['role'][] = ['performs', 'approves', 'signs', 'receives'];

/**
 * Who acts in the step, in order: each actor with a role, and "or" for an
 * either/or actor ("Kepala / Sekretaris Dinas"). Several actors are drawn as
 * a chain of symbols across their lanes.
 */
export function ActorsEditor({ flow, step, onChange }: { flow: Flow; step: Step; onChange: (actors: StepActor[]) => void }) {
  const t = useT();
  const { doc } = useEditorSnapshot();
  const legend = useId();
  const focusRef = useFocusRequest<HTMLSelectElement>('actors');
  const allowed = [...flow.lanes, ...(flow.externalActors ?? [])];
  const label = (id: string) => doc.actors.find((a) => a.id === id)?.label ?? id;
  const set = (index: number, patch: Partial<StepActor>) =>
    onChange(step.actors.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  const move = (index: number, delta: number) => {
    const next = step.actors.slice();
    const [item] = next.splice(index, 1);
    next.splice(index + delta, 0, item!);
    onChange(next.map((a, i) => (i === 0 && a.alternative ? { actor: a.actor, role: a.role } : a)));
  };
  const unused = allowed.find((id) => !step.actors.some((a) => a.actor === id));

  return (
    <fieldset className="field list-editor" aria-labelledby={legend}>
      <legend id={legend}>{t('designer.step.actors')}</legend>
      {step.actors.length === 0 && <p className="field__hint">{t('designer.step.noActors')}</p>}
      <ol className="list-editor__items">
        {step.actors.map((actor, index) => {
          const n = index + 1;
          return (
            <li key={`${actor.actor}-${index}`} className="list-editor__item">
              <select
                ref={index === 0 ? focusRef : undefined}
                aria-label={t('designer.step.actorN', { n })}
                value={actor.actor}
                onChange={(event) => set(index, { actor: event.target.value })}
              >
                {!allowed.includes(actor.actor) && <option value={actor.actor}>{label(actor.actor)}</option>}
                {allowed.map((id) => (
                  <option key={id} value={id}>
                    {label(id)}
                    {flow.lanes.includes(id) ? '' : ` ${t('designer.step.external')}`}
                  </option>
                ))}
              </select>
              <select aria-label={t('designer.step.roleN', { n })} value={actor.role} onChange={(event) => set(index, { role: event.target.value as StepActor['role'] })}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`designer.role.${role}`)}
                  </option>
                ))}
              </select>
              {index > 0 && (
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={actor.alternative === true}
                    onChange={(event) =>
                      onChange(
                        step.actors.map((a, i) => {
                          if (i !== index) return a;
                          const { alternative: _old, ...rest } = a;
                          return event.target.checked ? { ...rest, alternative: true } : rest;
                        }),
                      )
                    }
                  />
                  {t('designer.step.alternative')}
                </label>
              )}
              <span className="list-editor__buttons">
                <button type="button" className="button button--small button--quiet" disabled={index === 0} aria-label={t('designer.step.actorUp', { n })} onClick={() => move(index, -1)}>
                  ↑
                </button>
                <button type="button" className="button button--small button--quiet" disabled={index === step.actors.length - 1} aria-label={t('designer.step.actorDown', { n })} onClick={() => move(index, 1)}>
                  ↓
                </button>
                <button type="button" className="button button--small button--quiet" aria-label={t('designer.step.actorRemove', { n })} onClick={() => onChange(step.actors.filter((_, i) => i !== index))}>
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
        disabled={unused === undefined}
        onClick={() => unused !== undefined && onChange([...step.actors, { actor: unused, role: 'performs' }])}
      >
        {t('designer.step.addActor')}
      </button>
      {allowed.length === 0 && <p className="field__hint">{t('designer.step.addLaneFirst')}</p>}
    </fieldset>
  );
}
