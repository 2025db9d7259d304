import { useEffect, useMemo, useState } from 'react';
import type { LocalizedText } from '../../core/validation';
import { useI18n } from '../../ui/i18n';
import { StorageError, type SessionRecord, type SopRepository } from '../storage';
import { localized } from '../ui/localized';
import { EditorLayout } from './EditorLayout';
import { EditorProvider } from './EditorContext';
import { EditorStore, type PanelId } from './editorStore';
import { usePersistence } from './usePersistence';

type Session = Omit<SessionRecord, 'key' | 'schemaVersion' | 'updatedAt'>;

export interface EditorScreenProps {
  repository: SopRepository;
  session: Session;
  onSessionChange: (session: Session) => void;
  onClose: () => void;
  /** Said once the SOP is open (how a link's request was honoured). */
  openingNotice?: LocalizedText;
}

type Loaded = { store: EditorStore; saveCount: number } | { error: string } | null;

/** Loads one SOP from IndexedDB and opens it in the editor where the drafter left it. */
export function EditorScreen({ repository, session, onSessionChange, onClose, openingNotice }: EditorScreenProps) {
  const { t, lang } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>(null);
  const sopId = session.sopId!;

  useEffect(() => {
    let active = true;
    repository.loadDraft(sopId).then(
      (draft) => {
        if (!active) return;
        if (!draft) {
          setLoaded({ error: t('designer.editor.notFound') });
          return;
        }
        const store = new EditorStore(draft.doc, {
          ...(session.flowId ? { flowId: session.flowId } : {}),
          ...(session.view ? { view: session.view } : {}),
          ...(session.panel ? { panel: session.panel as PanelId } : {}),
          ...(session.selectedStepId && session.flowId
            ? { selection: { kind: 'steps', flowId: session.flowId, ids: [session.selectedStepId] } }
            : {}),
        });
        if (openingNotice) store.notify(openingNotice);
        setLoaded({ store, saveCount: draft.summary.saveCount });
      },
      (error: unknown) => {
        if (active) setLoaded({ error: error instanceof StorageError ? localized(error.userMessage, lang) : String(error) });
      },
    );
    return () => {
      active = false;
    };
    // Loaded once per SOP; the session only seeds the initial state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repository, sopId]);

  if (loaded === null) return <p className="muted designer-loading">{t('designer.common.loading')}</p>;
  if ('error' in loaded) {
    return (
      <div className="designer designer--library">
        <p className="field__error" role="alert">
          {loaded.error}
        </p>
        <button type="button" className="button" onClick={onClose}>
          {t('designer.editor.backToLibrary')}
        </button>
      </div>
    );
  }
  return (
    <OpenEditor
      store={loaded.store}
      saveCount={loaded.saveCount}
      repository={repository}
      onSessionChange={onSessionChange}
      onClose={onClose}
    />
  );
}

function OpenEditor({
  store,
  saveCount,
  repository,
  onSessionChange,
  onClose,
}: {
  store: EditorStore;
  saveCount: number;
  repository: SopRepository;
  onSessionChange: (session: Session) => void;
  onClose: () => void;
}) {
  const persistence = usePersistence(store, repository, saveCount);

  // Remember which flow, view, panel and step are open, so a reload comes back here.
  useEffect(() => {
    let last = '';
    const report = () => {
      const { flowId, view, panel, selection } = store.state;
      const selectedStepId = selection.kind === 'steps' ? selection.ids[0] : undefined;
      const key = `${flowId}|${view}|${panel}|${selectedStepId ?? ''}`;
      if (key === last) return;
      last = key;
      onSessionChange({
        screen: 'editor',
        sopId: store.doc.id,
        flowId,
        view,
        panel,
        ...(selectedStepId ? { selectedStepId } : {}),
      });
    };
    report();
    return store.subscribe(report);
  }, [store, onSessionChange]);

  const close = useMemo(
    () => async () => {
      await persistence.flush();
      onClose();
    },
    [persistence, onClose],
  );

  return (
    <EditorProvider value={store}>
      <EditorLayout repository={repository} persistence={persistence} onClose={() => void close()} />
    </EditorProvider>
  );
}
