import { useId, useState } from 'react';
import { command, stepsInLane } from '../../core/document';
import type { Actor, Flow } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import { TextField } from '../properties/fields';
import { Dialog } from '../ui/Dialog';
import { cleanTypedText, SOP_LIMITS } from '../../core/validation/limits';

const KINDS: readonly Actor['kind'][] = ['role', 'organisation', 'citizen', 'system'];

/**
 * The Pelaksana columns of the flow on screen: add, rename, reorder, remove
 * (asking where the lane's steps go), plus the flow's stated total time.
 */
export function LanesPanel() {
  const t = useT();
  const store = useEditorStore();
  const { doc, ui } = useEditorSnapshot();
  const flow = doc.flows.find((f) => f.id === ui.flowId);
  const [removing, setRemoving] = useState<string | null>(null);
  if (!flow) return <p className="muted">{t('designer.flow.none')}</p>;
  const selectedLane = ui.selection.kind === 'lane' ? ui.selection.id : undefined;

  return (
    <section className="properties" aria-labelledby="lanes-heading">
      <h3 id="lanes-heading" className="properties__heading">
        {t('designer.lanes.heading')}
      </h3>
      <ol className="lane-list">
        {flow.lanes.map((actorId, index) => {
          const actor = doc.actors.find((a) => a.id === actorId);
          const n = index + 1;
          return (
            <li key={actorId} className={`lane-list__item ${selectedLane === actorId ? 'lane-list__item--selected' : ''}`}>
              <input
                aria-label={t('designer.lanes.nameN', { n })}
                value={actor?.label ?? actorId}
                maxLength={SOP_LIMITS.shortText}
                onFocus={() => store.select({ kind: 'lane', flowId: flow.id, id: actorId })}
                onChange={(event) => store.run(command('lane.rename', { actorId, label: cleanTypedText(event.target.value) }), { select: false })}
                onBlur={() => store.seal()}
              />
              <select
                aria-label={t('designer.lanes.kindN', { n })}
                value={actor?.kind ?? 'role'}
                onChange={(event) => store.run(command('actor.update', { actorId, changes: { kind: event.target.value as Actor['kind'] } }), { select: false })}
              >
                {KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`designer.actorKind.${kind}`)}
                  </option>
                ))}
              </select>
              <span className="list-editor__buttons">
                <button type="button" className="button button--small button--quiet" disabled={index === 0} aria-label={t('designer.lanes.leftN', { n })} onClick={() => store.run(command('lane.reorder', { flowId: flow.id, actorId, toIndex: index - 1 }), { select: false })}>
                  ←
                </button>
                <button type="button" className="button button--small button--quiet" disabled={index === flow.lanes.length - 1} aria-label={t('designer.lanes.rightN', { n })} onClick={() => store.run(command('lane.reorder', { flowId: flow.id, actorId, toIndex: index + 1 }), { select: false })}>
                  →
                </button>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={t('designer.lanes.removeN', { n })}
                  onClick={() => {
                    if (stepsInLane(flow, actorId).length === 0) store.run(command('lane.remove', { flowId: flow.id, actorId }), { select: false });
                    else setRemoving(actorId);
                  }}
                >
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {flow.lanes.length === 0 && <p className="field__hint">{t('designer.lanes.none')}</p>}
      <AddLane flow={flow} />
      <TextField
        label={t('designer.lanes.statedTotal')}
        value={flow.statedTotal?.raw ?? ''}
        hint={t('designer.lanes.statedTotalHint')}
        onChange={(raw) => store.run(command('statedTotal.set', { flowId: flow.id, raw: raw === '' ? null : raw }), { select: false })}
      />
      <RemoveLaneDialog flow={flow} actorId={removing} onDone={() => setRemoving(null)} />
    </section>
  );
}

function AddLane({ flow }: { flow: Flow }) {
  const t = useT();
  const store = useEditorStore();
  const { doc } = useEditorSnapshot();
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<Actor['kind']>('role');
  const ids = { label: useId(), kind: useId(), existing: useId() };
  const others = doc.actors.filter((a) => !flow.lanes.includes(a.id));
  const add = () => {
    if (!label.trim()) return;
    const outcome = store.run(command('lane.add', { flowId: flow.id, actor: { label: label.trim(), kind } }), { select: false });
    if (outcome.ok) setLabel('');
  };
  return (
    <fieldset className="field">
      <legend>{t('designer.lanes.add')}</legend>
      <div className="field">
        <label htmlFor={ids.label}>{t('designer.lanes.newName')}</label>
        <input
          id={ids.label}
          value={label}
          maxLength={SOP_LIMITS.shortText}
          placeholder={t('designer.lanes.newNamePlaceholder')}
          onChange={(event) => setLabel(cleanTypedText(event.target.value))}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.kind}>{t('designer.lanes.kind')}</label>
        <select id={ids.kind} value={kind} onChange={(event) => setKind(event.target.value as Actor['kind'])}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`designer.actorKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button button--small" disabled={!label.trim()} onClick={add}>
        {t('designer.lanes.addButton')}
      </button>
      {others.length > 0 && (
        <div className="field lane-list__existing">
          <label htmlFor={ids.existing}>{t('designer.lanes.existing')}</label>
          <select
            id={ids.existing}
            value=""
            onChange={(event) => event.target.value && store.run(command('lane.add', { flowId: flow.id, actorId: event.target.value }), { select: false })}
          >
            <option value="">{t('designer.edges.choose')}</option>
            {others.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}

/** A lane that still has steps: the drafter says which lane they move to. */
function RemoveLaneDialog({ flow, actorId, onDone }: { flow: Flow; actorId: string | null; onDone: () => void }) {
  const t = useT();
  const store = useEditorStore();
  const { doc } = useEditorSnapshot();
  const others = flow.lanes.filter((id) => id !== actorId);
  const [target, setTarget] = useState('');
  const selectId = useId();
  const label = (id: string) => doc.actors.find((a) => a.id === id)?.label ?? id;
  const count = actorId ? stepsInLane(flow, actorId).length : 0;
  const chosen = target || others[0] || '';
  return (
    <Dialog
      open={actorId !== null}
      title={t('designer.lanes.removeTitle', { name: actorId ? label(actorId) : '' })}
      onClose={onDone}
      onSubmit={() => {
        if (actorId && chosen) store.run(command('lane.remove', { flowId: flow.id, actorId, moveStepsTo: chosen }), { select: false });
        onDone();
      }}
      actions={
        <>
          <button type="button" className="button button--quiet" onClick={onDone}>
            {t('designer.common.cancel')}
          </button>
          <button type="submit" className="button button--danger" disabled={!chosen}>
            {t('designer.lanes.removeConfirm')}
          </button>
        </>
      }
    >
      <p>{t('designer.lanes.removeBody', { count })}</p>
      {others.length > 0 ? (
        <div className="field">
          <label htmlFor={selectId}>{t('designer.lanes.moveTo')}</label>
          <select id={selectId} value={chosen} onChange={(event) => setTarget(event.target.value)}>
            {others.map((id) => (
              <option key={id} value={id}>
                {label(id)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="field__error">{t('designer.lanes.noOtherLane')}</p>
      )}
    </Dialog>
  );
}
