import { useId, useRef, useState, type ReactNode } from 'react';
import { command } from '../../core/document';
import type { Flow, Step } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { stepLabel } from '../editor/describeLocation';
import { useEditorStore } from '../editor/EditorContext';
import { cleanTypedText, SOP_LIMITS } from '../../core/validation/limits';
import { plainTextOf } from '../../core/text/richText';
import { EdgeReadingFields, UNKNOWN_TARGET } from './EdgeReadingFields';

const LEAVES = '__leaves__';

/**
 * The arrows out of a step: where each goes (another step, or out of the SOP
 * to another agency) and its branch label (Ya/Tidak). This is also how an
 * arrow is drawn or re-aimed with the keyboard alone.
 */
export function OutgoingEdges({ flow, step }: { flow: Flow; step: Step }) {
  const t = useT();
  const store = useEditorStore();
  const legend = useId();
  const addId = useId();
  const [adding, setAdding] = useState('');
  const [leavesTarget, setLeavesTarget] = useState('');
  const edges = flow.edges.filter((e) => e.from === step.id);
  const targetOptions = useTargetOptions(flow, step);

  const add = () => {
    if (adding === '') return;
    if (adding === LEAVES) {
      if (!leavesTarget.trim()) return;
      store.run(command('edge.add', { flowId: flow.id, from: step.id, leaves: leavesTarget.trim() }), { select: false });
    } else {
      store.run(command('edge.add', { flowId: flow.id, from: step.id, to: adding }), { select: false });
    }
    setAdding('');
    setLeavesTarget('');
  };

  return (
    <fieldset className="field list-editor" aria-labelledby={legend}>
      <legend id={legend}>{t('designer.edges.outgoing')}</legend>
      {edges.length === 0 && step.kind !== 'end' && <p className="field__hint">{t('designer.edges.none')}</p>}
      <ol className="list-editor__items">
        {edges.map((edge, index) => {
          const n = index + 1;
          return (
            <li key={edge.id} className="list-editor__item list-editor__item--edge">
              <select
                aria-label={t('designer.edges.targetN', { n })}
                value={edge.leaves ? LEAVES : edge.targetUnknown ? UNKNOWN_TARGET : (edge.to ?? '')}
                onChange={(event) => {
                  const value = event.target.value;
                  if (value === LEAVES) return;
                  const target = value === UNKNOWN_TARGET ? { targetUnknown: true as const } : { to: value };
                  store.run(command('edge.reconnect', { flowId: flow.id, edgeId: edge.id, ...target }), { select: false });
                }}
              >
                {edge.leaves && <option value={LEAVES}>{t('designer.edges.leaves', { target: edge.leaves.target })}</option>}
                {targetOptions}
                <option value={UNKNOWN_TARGET}>{t('designer.edge.targetUnknown')}</option>
              </select>
              <input
                aria-label={t('designer.edges.labelN', { n })}
                placeholder={t('designer.edges.labelPlaceholder')}
                value={edge.label ?? ''}
                maxLength={SOP_LIMITS.shortText}
                onChange={(event) => store.run(command('edge.setLabel', { flowId: flow.id, edgeId: edge.id, label: cleanTypedText(event.target.value) || null }), { select: false })}
                onBlur={() => store.seal()}
              />
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={t('designer.edges.removeN', { n })}
                onClick={() => store.run(command('edge.remove', { flowId: flow.id, edgeId: edge.id }), { select: false })}
              >
                ✕
              </button>
              <EdgeReadingFields flow={flow} edge={edge} n={n} />
            </li>
          );
        })}
      </ol>
      <div className="list-editor__add">
        <label htmlFor={addId} className="field__label">
          {t('designer.edges.add')}
        </label>
        <div className="list-editor__item">
          <select id={addId} value={adding} onChange={(event) => setAdding(event.target.value)}>
            <option value="">{t('designer.edges.choose')}</option>
            {targetOptions}
            <option value={LEAVES}>{t('designer.edges.leavesOption')}</option>
          </select>
          {adding === LEAVES && (
            <input aria-label={t('designer.edges.leavesTarget')} placeholder={t('designer.edges.leavesTarget')} value={leavesTarget} onChange={(event) => setLeavesTarget(event.target.value)} />
          )}
          <button type="button" className="button button--small" disabled={adding === '' || (adding === LEAVES && !leavesTarget.trim())} onClick={add}>
            {t('designer.edges.connect')}
          </button>
        </div>
      </div>
    </fieldset>
  );
}

/**
 * "→ Langkah 4: Periksa berkas" for every other step, built again only when
 * those steps change: typing in this step's text leaves them as they were,
 * and a 500-step flow then does not rebuild 500 options per keystroke.
 */
function useTargetOptions(flow: Flow, step: Step): ReactNode[] {
  const t = useT();
  const index = flow.steps.indexOf(step);
  const targets = flow.steps.filter((s) => s.id !== step.id);
  const cache = useRef<{ targets: Step[]; index: number; t: unknown; options: ReactNode[] }>(undefined);
  const previous = cache.current;
  if (previous && previous.t === t && previous.index === index && previous.targets.length === targets.length && previous.targets.every((s, i) => s === targets[i])) {
    return previous.options;
  }
  const rowOf = new Map(flow.steps.map((s, i) => [s.id, i]));
  const options = targets.map((s) => (
    <option key={s.id} value={s.id}>
      {`→ ${stepLabel(s, rowOf.get(s.id) ?? 0, t)}: ${plainTextOf(s.text).slice(0, 40) || t(`designer.kind.${s.kind}`)}`}
    </option>
  ));
  cache.current = { targets, index, t, options };
  return options;
}
