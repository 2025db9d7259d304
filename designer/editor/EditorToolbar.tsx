import { useState } from 'react';
import { useI18n } from '../../ui/i18n';
import { exportFileName, exportText } from '../library/sopFiles';
import { PublishDialog } from '../publish/PublishDialog';
import { TrialRunButton } from '../trial/TrialRunButton';
import type { DesignerView, SopRepository } from '../storage';
import { exportFlowPng, exportFlowSvg, printDraft } from '../../print/view/actions';
import { bilingual } from '../ui/bilingual';
import { downloadText } from '../ui/download';
import { localized } from '../ui/localized';
import { useEditorSnapshot, useEditorStore } from './EditorContext';
import { StepPalette } from './StepPalette';
import type { Persistence } from './usePersistence';

const VIEWS: readonly DesignerView[] = ['canvas', 'table', 'json'];

export function EditorToolbar({ repository, persistence, onClose }: { repository: SopRepository; persistence: Persistence; onClose: () => void }) {
  const { t, lang } = useI18n();
  const store = useEditorStore();
  const { doc, ui, canUndo, canRedo, undoTitle, redoTitle } = useEditorSnapshot();
  const [publishing, setPublishing] = useState(false);
  const saveText =
    ui.save.status === 'saved'
      ? t('designer.save.saved')
      : ui.save.status === 'pending'
        ? t('designer.save.pending')
        : ui.save.status === 'conflict'
          ? t('designer.save.conflictShort')
          : t('designer.save.failedShort');

  return (
    <div className="editor-toolbar" role="group" aria-label={t('designer.toolbar.label')} data-region="toolbar">
      <button type="button" className="button button--quiet" onClick={onClose}>
        ← {t('designer.editor.library')}
      </button>
      <div className="editor-toolbar__title">
        <h2 className="editor-toolbar__name">{doc.identity.title || t('designer.library.untitled')}</h2>
        <span className="editor-toolbar__meta muted">
          {doc.identity.number || t('designer.library.noNumber')} ·{' '}
          {doc.revision.status === 'published'
            ? t('designer.library.status.published', { number: doc.revision.number })
            : doc.revision.number > 0
              ? t('designer.library.status.draftAfter', { number: doc.revision.number })
              : t('designer.library.status.draft')}
        </span>
      </div>
      <span className={`save-status save-status--${ui.save.status}`} role="status" aria-live="polite" data-testid="save-status">
        {saveText}
      </span>
      <div className="editor-toolbar__group">
        <button
          type="button"
          className="button"
          disabled={!canUndo}
          onClick={() => store.undo()}
          aria-keyshortcuts="Control+Z"
          title={undoTitle ? t('designer.toolbar.undoWhat', { what: localized(undoTitle, lang) }) : undefined}
        >
          {t('designer.toolbar.undo')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!canRedo}
          onClick={() => store.redo()}
          aria-keyshortcuts="Control+Y Control+Shift+Z"
          title={redoTitle ? t('designer.toolbar.redoWhat', { what: localized(redoTitle, lang) }) : undefined}
        >
          {t('designer.toolbar.redo')}
        </button>
      </div>
      <div className="editor-toolbar__group" role="group" aria-label={t('designer.toolbar.view')}>
        {VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            className="button"
            aria-pressed={ui.view === view}
            onClick={() => store.setView(view)}
          >
            {t(`designer.view.${view}`)}
          </button>
        ))}
      </div>
      {ui.view !== 'json' && <StepPalette />}
      <div className="editor-toolbar__group editor-toolbar__end" role="group" aria-label={t('designer.toolbar.output')}>
        <button type="button" className="button" title={t('designer.toolbar.printHint')} onClick={() => void printDraft(store.doc).then((problem) => problem && store.notify(problem, 'error'))}>
          {t('designer.toolbar.print')}
        </button>
        <button type="button" className="button" title={t('designer.toolbar.exportSvgHint')} onClick={() => exportFlowSvg(store.doc, ui.flowId, lang)}>
          {t('designer.toolbar.exportSvg')}
        </button>
        <button
          type="button"
          className="button"
          title={t('designer.toolbar.exportPngHint')}
          onClick={() => {
            exportFlowPng(store.doc, ui.flowId, lang).catch((error: unknown) =>
              store.notify(bilingual('designer.toolbar.exportFailed', { reason: error instanceof Error ? error.message : String(error) }), 'error'),
            );
          }}
        >
          {t('designer.toolbar.exportPng')}
        </button>
      </div>
      <div className="editor-toolbar__group">
        <TrialRunButton doc={store.doc} />
        <button type="button" className="button" onClick={() => downloadText(exportFileName(doc), exportText(doc))}>
          {t('designer.toolbar.export')}
        </button>
        <button type="button" className="button button--primary" onClick={() => setPublishing(true)}>
          {t('designer.toolbar.publish')}
        </button>
      </div>
      <PublishDialog open={publishing} repository={repository} persistence={persistence} onClose={() => setPublishing(false)} />
    </div>
  );
}
