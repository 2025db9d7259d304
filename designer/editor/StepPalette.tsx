import { PALETTE } from '../../core/notation';
import { useT } from '../../ui/i18n';
import { iconSize, SymbolShape } from '../canvas/SymbolShape';
import { useEditorSnapshot, useEditorStore } from './EditorContext';
import { addStepAfterSelection } from './editorActions';

/** Adds a step of each kind after the selected one (or at the end). */
export function StepPalette() {
  const t = useT();
  const store = useEditorStore();
  const { doc, ui } = useEditorSnapshot();
  const flow = doc.flows.find((f) => f.id === ui.flowId);
  return (
    <div className="editor-toolbar__group step-palette" role="group" aria-label={t('designer.palette.label')}>
      {PALETTE.map((kind) => (
        <button
          key={kind}
          type="button"
          className="button button--small"
          disabled={!flow}
          aria-keyshortcuts={kind === 'process' ? 'Control+Enter' : undefined}
          title={t('designer.palette.addHint', { kind: t(`designer.kind.${kind}`) })}
          onClick={() => addStepAfterSelection(store, kind)}
        >
          <SymbolShape kind={kind} {...iconSize(kind, 14)} />
          {t(`designer.kind.${kind}`)}
        </button>
      ))}
    </div>
  );
}
