import { useDeferredValue, useMemo } from 'react';
import { command } from '../../core/document';
import { validateSop } from '../../core/validation';
import { computeFlowTotal } from '../../core/waktu';
import { useI18n } from '../../ui/i18n';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { CanvasView } from '../canvas/CanvasView';
import { JsonView } from '../json/JsonView';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { TableView } from '../table/TableView';
import type { SopRepository } from '../storage';
import { Toast } from '../ui/Toast';
import { localized } from '../ui/localized';
import { describePointer } from './describeLocation';
import { useEditorSnapshot, useEditorStore } from './EditorContext';
import { EditorToolbar } from './EditorToolbar';
import { FlowTabs } from './FlowTabs';
import { SidePanel } from './SidePanel';
import { useEditorKeyboard } from './useEditorKeyboard';
import type { Persistence } from './usePersistence';
import { SaveBanner } from './SaveBanner';

export interface EditorLayoutProps {
  repository: SopRepository;
  persistence: Persistence;
  onClose: () => void;
}

/**
 * The editor: toolbar, flow tabs, the view (canvas, table or JSON), the side
 * panel (properties, lanes, identity, case fields, history) and the problems
 * panel under everything.
 */
export function EditorLayout({ repository, persistence, onClose }: EditorLayoutProps) {
  const { t, lang } = useI18n();
  const store = useEditorStore();
  const snapshot = useEditorSnapshot();
  const { doc, ui } = snapshot;
  const flow = doc.flows.find((f) => f.id === ui.flowId) ?? doc.flows[0];
  // Validation and the total follow the document in a background render, so a keystroke is
  // painted first and the problems panel catches up right after (a frame later on a long SOP).
  const checkedDoc = useDeferredValue(doc);
  const diagnostics = useMemo(() => validateSop(checkedDoc).diagnostics, [checkedDoc]);
  const checkedFlow = checkedDoc.flows.find((f) => f.id === ui.flowId) ?? checkedDoc.flows[0];
  const total = useMemo(() => (checkedFlow ? computeFlowTotal(checkedFlow) : null), [checkedFlow]);
  const [rootRef, onKeyDown] = useEditorKeyboard(store);

  return (
    <div className="designer designer--editor" ref={rootRef} onKeyDown={onKeyDown}>
      <EditorToolbar repository={repository} persistence={persistence} onClose={onClose} />
      <SaveBanner persistence={persistence} />
      <FlowTabs />
      <div className="editor__body">
        <div className="editor__main" data-region="view">
          {!flow ? (
            <p className="editor__empty">{t('designer.flow.none')}</p>
          ) : ui.view === 'canvas' ? (
            <CanvasView doc={doc} flow={flow} diagnostics={diagnostics} diagnosticsDoc={checkedDoc} />
          ) : ui.view === 'table' ? (
            <TableView doc={doc} flow={flow} />
          ) : (
            <JsonView
              doc={doc}
              onApply={(next: SopDocument) => {
                const outcome = store.run(command('document.replace', { document: next }), { select: false, quiet: true });
                return outcome.ok ? null : outcome.reason;
              }}
              onUndo={() => store.undo()}
              onRedo={() => store.redo()}
            />
          )}
        </div>
        <SidePanel repository={repository} persistence={persistence} />
      </div>
      <ProblemsPanel
        diagnostics={diagnostics}
        total={total}
        statedTotal={checkedFlow?.statedTotal?.raw}
        describe={(d) => describePointer(checkedDoc, d.pointer, t, lang)}
        onSelect={(d) => store.selectPointer(d.pointer)}
      />
      <Toast
        toast={
          ui.notice
            ? {
                id: ui.notice.id,
                text: localized(ui.notice.text, lang),
                tone: ui.notice.tone,
                ...(ui.notice.action ? { action: { label: localized(ui.notice.action.label, lang), run: ui.notice.action.run } } : {}),
              }
            : null
        }
        onDismiss={() => store.dismissNotice()}
        dismissLabel={t('designer.common.dismiss')}
      />
    </div>
  );
}
