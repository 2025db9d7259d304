import { useRef, useState, type KeyboardEvent } from 'react';
import { command } from '../../core/document';
import { flowName } from '../../core/model/flowName';
import { useI18n } from '../../ui/i18n';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { PromptDialog } from '../ui/PromptDialog';
import { useEditorSnapshot, useEditorStore } from './EditorContext';

/**
 * One tab per flowchart of the SOP (an SOP may hold several, one per
 * situation), with add, rename and remove. Arrow keys move between tabs.
 */
export function FlowTabs() {
  const { t, lang } = useI18n();
  const store = useEditorStore();
  const { doc, ui } = useEditorSnapshot();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const activeIndex = Math.max(0, doc.flows.findIndex((f) => f.id === ui.flowId));

  const onKeyDown = (event: KeyboardEvent) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (delta === 0 || doc.flows.length === 0) return;
    event.preventDefault();
    const next = (activeIndex + delta + doc.flows.length) % doc.flows.length;
    store.setFlow(doc.flows[next]!.id);
    tabs.current[next]?.focus();
  };

  const flowToRename = doc.flows.find((f) => f.id === renaming);
  const removeIndex = doc.flows.findIndex((f) => f.id === removing);
  const flowToRemove = doc.flows[removeIndex];

  return (
    <div className="flow-tabs">
      <div role="tablist" aria-label={t('designer.flow.tabs')} className="flow-tabs__list" onKeyDown={onKeyDown}>
        {doc.flows.map((flow, index) => (
          <button
            key={flow.id}
            ref={(node) => {
              tabs.current[index] = node;
            }}
            type="button"
            role="tab"
            id={`flow-tab-${flow.id}`}
            aria-selected={index === activeIndex}
            tabIndex={index === activeIndex ? 0 : -1}
            className="flow-tabs__tab"
            onClick={() => store.setFlow(flow.id)}
            onDoubleClick={() => setRenaming(flow.id)}
          >
            {flowName(flow, index)[lang]}
          </button>
        ))}
      </div>
      <div className="flow-tabs__actions">
        {doc.flows[activeIndex] && (
          <>
            <button type="button" className="button button--small button--quiet" onClick={() => setRenaming(doc.flows[activeIndex]!.id)}>
              {t('designer.flow.rename')}
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              title={t('designer.flow.renumberHint')}
              onClick={() => store.run(command('steps.renumber', { flowId: doc.flows[activeIndex]!.id }), { select: false })}
            >
              {t('designer.flow.renumber')}
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => setRemoving(doc.flows[activeIndex]!.id)}>
              {t('designer.flow.remove')}
            </button>
          </>
        )}
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            const current = doc.flows[activeIndex];
            const outcome = store.run(command('flow.add', { ...(current ? { lanes: current.lanes } : {}) }), { select: false });
            if (outcome.ok) {
              const added = outcome.doc.flows.find((f) => !doc.flows.some((old) => old.id === f.id));
              if (added) store.setFlow(added.id);
            }
          }}
        >
          {t('designer.flow.add')}
        </button>
      </div>
      <PromptDialog
        initialValue={flowToRename ? (flowToRename.title ?? '') : null}
        title={t('designer.flow.renameTitle')}
        label={t('designer.flow.titleLabel')}
        submitLabel={t('designer.common.save')}
        onCancel={() => setRenaming(null)}
        onSubmit={(value) => {
          if (flowToRename) store.run(command('flow.rename', { flowId: flowToRename.id, title: value }), { select: false });
          setRenaming(null);
        }}
      />
      <ConfirmDialog
        open={flowToRemove !== undefined}
        title={t('designer.flow.removeTitle')}
        onCancel={() => setRemoving(null)}
        choices={[
          {
            label: t('designer.flow.removeConfirm'),
            tone: 'danger',
            run: () => {
              if (flowToRemove) store.run(command('flow.remove', { flowId: flowToRemove.id }), { select: false });
              setRemoving(null);
            },
          },
        ]}
      >
        <p>{t('designer.flow.removeBody', { title: flowToRemove ? flowName(flowToRemove, removeIndex)[lang] : '', steps: flowToRemove?.steps.length ?? 0 })}</p>
      </ConfirmDialog>
    </div>
  );
}
