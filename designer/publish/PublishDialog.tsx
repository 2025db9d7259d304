import { useId, useMemo, useState } from 'react';
import { openReviewNoteWarnings, publishRevision } from '../../core/document';
import { sortDiagnostics, validateSop, type Diagnostic } from '../../core/validation';
import { useI18n } from '../../ui/i18n';
import { useEditorStore } from '../editor/EditorContext';
import { describePointer } from '../editor/describeLocation';
import type { Persistence } from '../editor/usePersistence';
import { StorageError, type SopRepository } from '../storage';
import { bilingual } from '../ui/bilingual';
import { Dialog } from '../ui/Dialog';
import { localized } from '../ui/localized';
import { useDesignerServer } from '../server/DesignerServerContext';
import { standingOf, type PublisherStanding } from './serverPublisher';
import { serverOutcomeNotice } from './serverOutcomeNotice';

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
 * Publishing: the SOP is checked as for publication before anything else.
 * Errors block it; warnings (a missing Nomor, approver or date) are listed,
 * each a link to its field, and publishing over them needs an explicit "yes".
 * The revision is then frozen with its date and change note, handed to the
 * runtime's catalogue on this device, and editing continues on a new draft.
 * When a publisher is signed in to the server, the revision is queued for the
 * server in the same transaction and sent at once; otherwise the dialog says
 * beforehand why it stays on this device.
 */
export function PublishDialog({ open, persistence, onClose }: PublishDialogProps) {
  const { t, lang } = useI18n();
  const store = useEditorStore();
  const server = useDesignerServer();
  const standing: PublisherStanding | null = server ? standingOf(server.session) : null;
  const [note, setNote] = useState('');
  const [date, setDate] = useState(today);
  const [confirmed, setConfirmed] = useState(false);
  const [refused, setRefused] = useState<Diagnostic[] | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { note: useId(), date: useId(), confirm: useId(), warnings: useId() };
  const doc = store.doc;
  const next = doc.revision.number + 1;
  const checked = useMemo(
    () => (open ? sortDiagnostics([...validateSop(doc, { purpose: 'publish' }).diagnostics, ...openReviewNoteWarnings(doc)]) : []),
    [open, doc],
  );
  const errors = refused ?? checked.filter((d) => d.severity === 'error');
  const warnings = checked.filter((d) => d.severity === 'warning');
  const blocked = errors.length > 0;
  const needsConfirmation = warnings.length > 0 && !confirmed;

  const close = () => {
    setRefused(null);
    setNote('');
    setConfirmed(false);
    onClose();
  };

  const goTo = (d: Diagnostic) => {
    close();
    store.selectPointer(d.pointer);
  };

  const publish = async () => {
    if (blocked || needsConfirmation || !note.trim()) return;
    const outcome = publishRevision(store.doc, { note: note.trim(), date });
    if (!outcome.ok) {
      setRefused(sortDiagnostics(outcome.diagnostics.filter((d) => d.severity === 'error')));
      return;
    }
    setBusy(true);
    try {
      const number = outcome.published.revision.number;
      const queueForServer = standing?.kind === 'publisher';
      const done = await persistence.publish(
        { doc: outcome.published, number, note: note.trim(), publishedAt: date },
        outcome.nextDraft,
        { queueForServer },
      );
      if (done) {
        store.notify(bilingual('designer.publish.done', { number }));
        close();
        if (server && standing) {
          // Published locally whatever the server says; its answer (or why it was not asked) follows in the notice.
          const status = queueForServer ? await server.publisher.sendNow(outcome.published.id, number).catch(() => undefined) : undefined;
          const notice = serverOutcomeNotice(number, standing, status);
          if (notice) store.notify(notice.text, notice.severity);
        }
        // A failed hand-over to this device's catalogue matters most: it is told last, so it stays on screen.
        if (done.handOverFailed) store.notify(done.handOverFailed, 'error');
      }
    } catch (error) {
      store.notify(error instanceof StorageError ? error.userMessage : bilingual('designer.publish.failed'), 'error');
    } finally {
      setBusy(false);
    }
  };

  const problemList = (list: Diagnostic[], severity: 'error' | 'warning') => (
    <ul className="problems__list">
      {list.map((d, i) => (
        <li key={i}>
          <button type="button" className={`problem problem--${severity}`} onClick={() => goTo(d)}>
            <span className="problem__where">{describePointer(doc, d.pointer, t, lang)}</span>
            <span className="problem__message">{localized(d.message, lang)}</span>
          </button>
        </li>
      ))}
    </ul>
  );

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
          <button type="submit" className="button button--primary" disabled={busy || blocked || needsConfirmation || !note.trim()}>
            {warnings.length > 0 && !blocked ? t('designer.publish.confirmDespite', { number: next }) : t('designer.publish.confirm', { number: next })}
          </button>
        </>
      }
    >
      <p>{t('designer.publish.intro')}</p>
      {blocked && (
        <div role="alert" className="publish__problems">
          <p className="field__error">{t('designer.publish.blocked', { count: errors.length })}</p>
          {problemList(errors, 'error')}
        </div>
      )}
      {!blocked && warnings.length > 0 && (
        <div className="publish__problems" aria-labelledby={ids.warnings}>
          <p id={ids.warnings} className="publish__warning-heading">
            {t('designer.publish.warnings', { count: warnings.length })}
          </p>
          {problemList(warnings, 'warning')}
          <label className="checkbox publish__confirm" htmlFor={ids.confirm}>
            <input id={ids.confirm} type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
            {t('designer.publish.acceptWarnings', { count: warnings.length })}
          </label>
        </div>
      )}
      {!blocked && (
        <>
          <div className="field">
            <label htmlFor={ids.note}>{t('designer.publish.note')}</label>
            <textarea id={ids.note} rows={3} value={note} autoFocus onChange={(event) => setNote(event.target.value)} />
            <p className="field__hint">{t('designer.publish.noteHint')}</p>
          </div>
          <div className="field">
            <label htmlFor={ids.date}>{t('designer.publish.date')}</label>
            <input id={ids.date} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
          </div>
          <p className="field__hint">{t('designer.publish.reachesRuntime')}</p>
          {standing && (
            <p className={standing.kind === 'publisher' ? 'field__hint' : 'publish__server-warning'} data-testid="publish-server">
              {standing.kind === 'publisher'
                ? t('sync.publish.willSend', { name: standing.session.user.name })
                : standing.kind === 'notPublisher'
                  ? t('sync.publish.notPublisher', { name: standing.session.user.name })
                  : t('sync.publish.notSignedIn')}
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}
