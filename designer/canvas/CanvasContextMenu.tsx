import { useEffect, useRef, type KeyboardEvent } from 'react';
import { command, type StepKind } from '../../core/document';
import type { Flow } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import { addStepAfterSelection, deleteSelection } from '../editor/editorActions';

export type ContextTarget =
  | { kind: 'step'; stepId: string; x: number; y: number }
  | { kind: 'edge'; edgeId: string; x: number; y: number }
  | { kind: 'pane'; x: number; y: number };

interface Item {
  label: string;
  run: () => void;
  disabled?: boolean;
  danger?: boolean;
}

const ADD_KINDS: readonly StepKind[] = ['process', 'decision', 'end', 'connector'];

/**
 * The canvas's right-click (or Shift+F10 / Menu key) menu: add after, change
 * kind, move to a lane, copy, cut, delete; for an arrow, its label and
 * deletion. Arrow keys move through it, Escape closes it.
 */
export function CanvasContextMenu({ target, flow, onClose }: { target: ContextTarget; flow: Flow; onClose: () => void }) {
  const t = useT();
  const store = useEditorStore();
  const { doc } = useEditorSnapshot();
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [onClose]);

  const items: Item[] = [];
  if (target.kind === 'step') {
    const step = flow.steps.find((s) => s.id === target.stepId);
    for (const kind of ADD_KINDS) items.push({ label: t('designer.menu.addAfter', { kind: t(`designer.kind.${kind}`) }), run: () => addStepAfterSelection(store, kind) });
    for (const kind of ['process', 'decision', 'start', 'end', 'connector'] as const) {
      if (step && step.kind !== kind) items.push({ label: t('designer.menu.changeKind', { kind: t(`designer.kind.${kind}`) }), run: () => store.run(command('step.changeKind', { flowId: flow.id, stepId: target.stepId, kind })) });
    }
    const current = step?.actors.find((a) => flow.lanes.includes(a.actor))?.actor;
    for (const lane of flow.lanes) {
      if (lane === current) continue;
      const label = doc.actors.find((a) => a.id === lane)?.label ?? lane;
      items.push({ label: t('designer.menu.moveToLane', { lane: label }), run: () => store.run(command('step.moveToLane', { flowId: flow.id, stepId: target.stepId, toActorId: lane, ...(current ? { fromActorId: current } : {}) })) });
    }
    items.push({ label: t('designer.menu.copy'), run: () => document.execCommand('copy') });
    items.push({ label: t('designer.menu.cut'), run: () => document.execCommand('cut') });
    items.push({ label: t('designer.menu.delete'), run: () => deleteSelection(store), danger: true });
  } else if (target.kind === 'edge') {
    for (const label of ['Ya', 'Tidak']) items.push({ label: t('designer.menu.setLabel', { label }), run: () => store.run(command('edge.setLabel', { flowId: flow.id, edgeId: target.edgeId, label })) });
    items.push({ label: t('designer.menu.noLabel'), run: () => store.run(command('edge.setLabel', { flowId: flow.id, edgeId: target.edgeId, label: null })) });
    items.push({ label: t('designer.menu.deleteEdge'), run: () => deleteSelection(store), danger: true });
  } else {
    for (const kind of ADD_KINDS) items.push({ label: t('designer.menu.addEnd', { kind: t(`designer.kind.${kind}`) }), run: () => addStepAfterSelection(store, kind) });
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      const next = (index + (event.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length;
      buttons[next]?.focus();
    } else if (event.key === 'Tab') {
      onClose();
    }
  };

  return (
    <ul
      ref={menu}
      role="menu"
      aria-label={t('designer.menu.label')}
      className="context-menu"
      style={{ left: Math.min(target.x, window.innerWidth - 260), top: Math.min(target.y, window.innerHeight - items.length * 30 - 16) }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <li key={item.label} role="none">
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={`context-menu__item ${item.danger ? 'context-menu__item--danger' : ''}`}
            disabled={item.disabled}
            onClick={() => {
              item.run();
              onClose();
            }}
          >
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
