import { useId, useState } from 'react';
import { publishRevision } from '../../core/document';
import { sortDiagnostics, type Diagnostic } from '../../core/validation';
import { useI18n } from '../../ui/i18n';
import { useEditorStore } from '../editor/EditorContext';
import { describePointer } from '../editor/describeLocation';
import type { Persistence } from '../editor/usePersistence';
import { StorageError, type SopRepository } from '../storage';
import { bilingual } from '../ui/bilingual';
import { Dialog } from '../ui/Dialog';
import { localized } from '../ui/localized';

export interface PublishDialogProps {
  open: boolean;
  repository: SopRepository;
  persistence: Persistence;
  onClose: () => void;
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Publishing: the SOP is checked as for publication (identity fields filled,
 * no errors), then frozen as the next numbered revision with its date and
 * change note; editing continues on a new draft.
 */
export function PublishDialog({ open, persistence, onClose }: PublishDialogProps) {
  const { t, lang } = useI18n();
  const store = useEditorStore();
  const [note, setNote] = useState('');
  const [date, setDate] = useState(today);
  const [problems, setProblems] = useState<Diagnostic[] | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { note: useId(), date: useId() };
  const doc = store.doc;
  const next = doc.revision.number + 1;

  const close = () => {
    setProblems(null);
    setNote('');
    onClose();
  };

  const publish = async () => {
    const outcome = publishRevision(store.doc, { note: note.trim(), date });
    if (!outcome.ok) {
      setProblems(sortDiagnostics(outcome.diagnostics.filter((d) => d.severity === 'error')));
      return;
    }
    setBusy(true);
    try {
      const done = await persistence.publish(
        { doc: outcome.published, number: outcome.published.revision.number, note: note.trim(), publishedAt: date },
        outcome.nextDraft,
      );
      if (done) {
        store.notify(bilingual('designer.publish.done', { number: outcome.published.revision.number }));
        close();
      }
    } catch (error) {
      store.notify(error instanceof StorageError ? error.userMessage : bilingual('designer.publish.failed'), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      title={t('designer.publish.title', { number: next })}
      onClose={close}
      onSubmit={() => void publish()}
      className="dialog--wide"
      actions={
        <>
          <button type="button" className="button button--quiet" onClick={close}>
            {t('designer.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !note.trim()}>
            {t('designer.publish.confirm', { number: next })}
          </button>
        </>
      }
    >
      <p>{t('designer.publish.intro')}</p>
      <div className="field">
        <label htmlFor={ids.note}>{t('designer.publish.note')}</label>
        <textarea id={ids.note} rows={3} value={note} autoFocus onChange={(event) => setNote(event.target.value)} />
        <p className="field__hint">{t('designer.publish.noteHint')}</p>
      </div>
      <div className="field">
        <label htmlFor={ids.date}>{t('designer.publish.date')}</label>
        <input id={ids.date} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
      </div>
      {problems && (
        <div role="alert" className="publish__problems">
          <p className="field__error">{t('designer.publish.blocked', { count: problems.length })}</p>
          <ul className="problems__list">
            {problems.map((d, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="problem problem--error"
                  onClick={() => {
                    close();
                    store.selectPointer(d.pointer);
                  }}
                >
                  <span className="problem__where">{describePointer(doc, d.pointer, t, lang)}</span>
                  <span className="problem__message">{localized(d.message, lang)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  );
}
