import { useEffect, useMemo, useRef, useState } from 'react';
import type { LocalizedText } from '../../core/validation';
import { useI18n } from '../../ui/i18n';
import { StorageError, documentFromJson, type SessionRecord, type SopRepository } from '../storage';
import { standaloneDurability, type DesignerDurability } from '../storage/writeAhead';
import { bilingual } from '../ui/bilingual';
import { localized } from '../ui/localized';
import { EditorLayout } from './EditorLayout';
import { EditorProvider } from './EditorContext';
import { EditorStore, type PanelId } from './editorStore';
import { usePersistence, type WriteAheadTarget } from './usePersistence';

type Session = Omit<SessionRecord, 'key' | 'schemaVersion' | 'updatedAt'>;

export interface EditorScreenProps {
  repository: SopRepository;
  session: Session;
  onSessionChange: (session: Session) => void;
  onClose: () => void;
  /** Said once the SOP is open (how a link's request was honoured). */
  openingNotice?: LocalizedText;
  /**
   * Run once the SOP is open and autosave is listening (an evaluation's notes
   * attached as one undoable command), so what it changes is saved like any edit.
   */
  openingAction?: (store: EditorStore) => void;
  /** Write-ahead copies of this app (default: the repository's own, for stories and tests). */
  durability?: DesignerDurability;
}

type Loaded = { store: EditorStore; saveCount: number; writeAhead: WriteAheadTarget } | { error: string } | null;

/** Loads one SOP from IndexedDB and opens it in the editor where the drafter left it. */
export function EditorScreen({ repository, session, onSessionChange, onClose, openingNotice, openingAction, durability: given }: EditorScreenProps) {
  const { t, lang } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>(null);
  const sopId = session.sopId!;
  const [durability] = useState(() => given ?? standaloneDurability(repository.db.name));

  useEffect(() => {
    let active = true;
    repository.loadDraft(sopId).then(
      (draft) => {
        if (!active) return;
        if (!draft) {
          setLoaded({ error: t('designer.editor.notFound') });
          return;
        }
        // A copy held back at start (its base was saved over since) opens instead, unsaved,
        // so the drafter sees what they last saw and chooses which version to keep.
        const held = durability.held.get(sopId);
        durability.held.delete(sopId);
        let recovered: LocalizedText | undefined;
        let doc = draft.doc;
        if (held) {
          try {
            doc = documentFromJson(held.json);
            recovered = bilingual('durability.recovered.conflict');
          } catch {
            doc = draft.doc;
          }
        }
        const store = new EditorStore(doc, {
          ...(session.flowId ? { flowId: session.flowId } : {}),
          ...(session.view ? { view: session.view } : {}),
          ...(session.panel ? { panel: session.panel as PanelId } : {}),
          ...(session.selectedStepId && session.flowId
            ? { selection: { kind: 'steps', flowId: session.flowId, ids: [session.selectedStepId] } }
            : {}),
        });
        if (recovered) store.history.markSaved(draft.doc);
        if (openingNotice) store.notify(openingNotice);
        if (recovered) store.notify(recovered);
        const writeAhead: WriteAheadTarget = {
          journal: durability.journal,
          tabId: durability.tabId,
          ...(recovered && held ? { recoveredCopyId: held.id } : {}),
        };
        setLoaded({ store, saveCount: recovered && held ? held.baseSaveCount : draft.summary.saveCount, writeAhead });
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
      writeAhead={loaded.writeAhead}
      repository={repository}
      onSessionChange={onSessionChange}
      onClose={onClose}
      {...(openingAction ? { openingAction } : {})}
    />
  );
}

function OpenEditor({
  store,
  saveCount,
  writeAhead,
  repository,
  onSessionChange,
  onClose,
  openingAction,
}: {
  openingAction?: (store: EditorStore) => void;
  store: EditorStore;
  saveCount: number;
  writeAhead: WriteAheadTarget;
  repository: SopRepository;
  onSessionChange: (session: Session) => void;
  onClose: () => void;
}) {
  const persistence = usePersistence(store, repository, saveCount, writeAhead);

  // After usePersistence's effect (effects run in order), so the change is autosaved; once per store.
  const openedFor = useRef<EditorStore | null>(null);
  useEffect(() => {
    if (!openingAction || openedFor.current === store) return;
    openedFor.current = store;
    openingAction(store);
  }, [store, openingAction]);

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
