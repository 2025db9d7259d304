import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../ui/i18n';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { StorageError, type DraftSummary, type SopRepository } from '../storage';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { downloadText } from '../ui/download';
import { localized, searchKey } from '../ui/localized';
import { PromptDialog } from '../ui/PromptDialog';
import { Toast, type ToastMessage } from '../ui/Toast';
import { ImportReportDialog, type RejectedFile } from './ImportReportDialog';
import { NewSopDialog, type NewSopChoice } from './NewSopDialog';
import { blankSop, copyOfSop, slugFromTitle } from './newSop';
import { renameSop } from './renameSop';
import { SopTable, type SopRowAction } from './SopTable';
import { checkImportFile, exportFileName, exportText } from './sopFiles';
import { CURRENT_SCHEMA_VERSION } from '../../core/migrations';

export interface LibraryScreenProps {
  repository: SopRepository;
  samples: readonly SopDocument[];
  onOpen: (id: string) => void;
  /** A message to show when the library opens (a link asked for an SOP that is not here). */
  initialNotice?: string;
}

interface PendingConflict {
  doc: SopDocument;
  fileName: string;
  existingTitle: string;
}

/** The SOPs stored in this browser: search, create, import, open, copy, rename, export, delete. */
export function LibraryScreen({ repository, samples, onOpen, initialNotice }: LibraryScreenProps) {
  const { t, lang } = useI18n();
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [newOpen, setNewOpen] = useState(false);
  const [renaming, setRenaming] = useState<DraftSummary | null>(null);
  const [rejected, setRejected] = useState<RejectedFile[]>([]);
  const [conflicts, setConflicts] = useState<PendingConflict[]>([]);
  const [toast, setToast] = useState<ToastMessage | null>(initialNotice ? { id: 0, text: initialNotice, tone: 'error' } : null);
  const fileInput = useRef<HTMLInputElement>(null);
  const toastId = useRef(0);

  const notify = useCallback((text: string, extra: Partial<ToastMessage> = {}) => {
    setToast({ id: ++toastId.current, text, ...extra });
  }, []);
  const fail = useCallback(
    (error: unknown) => {
      const message = error instanceof StorageError ? localized(error.userMessage, lang) : String(error);
      notify(message, { tone: 'error' });
    },
    [lang, notify],
  );

  const refresh = useCallback(async () => {
    try {
      setDrafts(await repository.listDrafts());
    } catch (error) {
      fail(error);
      setDrafts([]);
    }
  }, [repository, fail]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const visible = useMemo(() => {
    const key = searchKey(query.trim());
    if (!drafts || !key) return drafts ?? [];
    return drafts.filter((d) => [d.title, d.number, d.government, d.office, d.unit].some((text) => searchKey(text).includes(key)));
  }, [drafts, query]);

  const create = async (choice: NewSopChoice) => {
    setNewOpen(false);
    try {
      const id = await repository.uniqueId(slugFromTitle(choice.title));
      const sample = samples.find((s) => s.id === choice.sampleId);
      const doc = sample ? copyOfSop(sample, id, choice.title) : blankSop(id, choice.title);
      await repository.createDraft(doc);
      onOpen(id);
    } catch (error) {
      fail(error);
    }
  };

  const onAction = async (action: SopRowAction, draft: DraftSummary) => {
    const title = draft.title || t('designer.library.untitled');
    try {
      switch (action) {
        case 'open':
          onOpen(draft.id);
          return;
        case 'rename':
          setRenaming(draft);
          return;
        case 'duplicate': {
          const loaded = await repository.loadDraft(draft.id);
          if (!loaded) return;
          const copyTitle = t('designer.library.copyTitle', { title });
          const id = await repository.uniqueId(`${draft.id}-salinan`);
          await repository.createDraft(copyOfSop(loaded.doc, id, copyTitle));
          notify(t('designer.library.duplicated', { title: copyTitle }));
          break;
        }
        case 'export': {
          const loaded = await repository.loadDraft(draft.id);
          if (loaded) downloadText(exportFileName(loaded.doc), exportText(loaded.doc));
          return;
        }
        case 'delete':
          await repository.deleteDraft(draft.id);
          notify(t('designer.library.deleted', { title }), {
            action: {
              label: t('designer.common.undo'),
              run: () => void repository.restoreDraft(draft.id).then(refresh, fail),
            },
          });
          break;
      }
      await refresh();
    } catch (error) {
      fail(error);
    }
  };

  const rename = async (newTitle: string) => {
    const draft = renaming;
    setRenaming(null);
    if (!draft) return;
    try {
      const loaded = await repository.loadDraft(draft.id);
      if (!loaded) return;
      const result = await repository.saveDraft(renameSop(loaded.doc, newTitle), loaded.summary.saveCount);
      if (result.status === 'conflict') notify(t('designer.library.renameConflict'), { tone: 'error' });
      await refresh();
    } catch (error) {
      fail(error);
    }
  };

  const importFiles = async (files: readonly File[]) => {
    const refused: RejectedFile[] = [];
    const clashes: PendingConflict[] = [];
    const imported: string[] = [];
    let upgraded = 0;
    for (const file of files) {
      const check = await checkImportFile(file);
      if (!check.ok) {
        refused.push({ fileName: file.name, diagnostics: check.diagnostics });
        continue;
      }
      try {
        await repository.createDraft(check.doc);
        imported.push(check.doc.identity.title ?? check.doc.id);
        if (check.upgradedFrom !== undefined) upgraded++;
      } catch (error) {
        if (error instanceof StorageError && error.kind === 'exists') {
          const existing = drafts?.find((d) => d.id === check.doc.id);
          clashes.push({ doc: check.doc, fileName: file.name, existingTitle: existing?.title ?? check.doc.id });
        } else {
          fail(error);
        }
      }
    }
    setRejected(refused);
    setConflicts(clashes);
    if (imported.length > 0) {
      notify(
        upgraded > 0
          ? t('designer.library.import.upgraded', { count: imported.length, upgraded, version: CURRENT_SCHEMA_VERSION })
          : t('designer.library.import.done', { count: imported.length }),
      );
    }
    await refresh();
  };

  const resolveConflict = async (how: 'replace' | 'copy' | 'skip') => {
    const [current, ...rest] = conflicts;
    setConflicts(rest);
    if (!current || how === 'skip') return;
    try {
      if (how === 'replace') {
        await repository.createDraft(current.doc, { replace: true });
      } else {
        const id = await repository.uniqueId(current.doc.id);
        await repository.createDraft({ ...current.doc, id });
      }
      notify(t('designer.library.import.done', { count: 1 }));
      await refresh();
    } catch (error) {
      fail(error);
    }
  };

  const conflict = conflicts[0];
  const headingId = 'library-heading';

  return (
    <section className="library" aria-labelledby={headingId}>
      <div className="library__header">
        <h2 id={headingId}>{t('designer.library.heading')}</h2>
        <div className="library__actions">
          <button type="button" className="button button--primary" onClick={() => setNewOpen(true)}>
            {t('designer.library.new')}
          </button>
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            {t('designer.library.import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            multiple
            hidden
            aria-label={t('designer.library.import')}
            data-testid="import-input"
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              event.target.value = '';
              if (files.length > 0) void importFiles(files);
            }}
          />
        </div>
      </div>
      <p className="library__intro">{t('designer.library.intro')}</p>
      <div className="field library__search">
        <label htmlFor="library-search">{t('designer.library.search')}</label>
        <input id="library-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      </div>
      {drafts === null ? (
        <p className="muted">{t('designer.common.loading')}</p>
      ) : drafts.length === 0 ? (
        <p className="library__empty">{t('designer.library.empty')}</p>
      ) : visible.length === 0 ? (
        <p className="library__empty">{t('designer.library.noMatch', { query })}</p>
      ) : (
        <>
          <p className="visually-hidden" aria-live="polite">
            {t('designer.library.count', { count: visible.length })}
          </p>
          <SopTable drafts={visible} onAction={(action, draft) => void onAction(action, draft)} />
        </>
      )}

      <NewSopDialog open={newOpen} samples={samples} onCancel={() => setNewOpen(false)} onCreate={(c) => void create(c)} />
      <PromptDialog
        initialValue={renaming ? renaming.title : null}
        title={t('designer.library.rename.title')}
        label={t('designer.library.new.name')}
        submitLabel={t('designer.library.rename.save')}
        requiredMessage={t('designer.library.new.nameRequired')}
        onCancel={() => setRenaming(null)}
        onSubmit={(value) => void rename(value)}
      />
      <ImportReportDialog rejected={rejected} onClose={() => setRejected([])} />
      <ConfirmDialog
        open={rejected.length === 0 && conflict !== undefined}
        title={t('designer.library.import.conflictTitle')}
        onCancel={() => void resolveConflict('skip')}
        choices={[
          { label: t('designer.library.import.keepBoth'), run: () => void resolveConflict('copy'), tone: 'quiet' },
          { label: t('designer.library.import.replace'), run: () => void resolveConflict('replace'), tone: 'danger' },
        ]}
      >
        {conflict && (
          <p>
            {t('designer.library.import.conflictBody', {
              file: conflict.fileName,
              id: conflict.doc.id,
              title: conflict.existingTitle,
            })}
          </p>
        )}
      </ConfirmDialog>
      <Toast toast={toast} onDismiss={() => setToast(null)} dismissLabel={t('designer.common.dismiss')} />
    </section>
  );
}
