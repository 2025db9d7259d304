import { useCallback, useEffect, useId, useState } from 'react';
import { diffRevisions, revisionFileName, revisionFileText, type RevisionDiff } from '../../core/document';
import type { LocalizedText } from '../../core/validation';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { downloadBlob } from '../../ui/download';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import type { RevisionRecord, SopRepository } from '../storage';
import { bilingual } from '../ui/bilingual';
import { formatDateTime } from '../ui/localized';
import { EvaluationLink } from './EvaluationLink';
import { RevisionDiffView } from './RevisionDiffView';
import { UserText } from '../../ui/UserText';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDesignerServer } from '../server/DesignerServerContext';
import { RevisionServerStatus } from './RevisionServerStatus';

const DRAFT = 'draft';

type RevisionSummary = Omit<RevisionRecord, 'json'>;

/**
 * The published revisions of this SOP: each can be exported as a file (for a
 * runtime on another device) and archived (withdrawn from new cases; cases
 * running on it go on), and any two of them (or the draft) can be compared.
 * Where a server is wired in, each says where it stands with the server.
 */
export function RevisionHistory({ repository }: { repository: SopRepository }) {
  const { t, lang } = useI18n();
  const store = useEditorStore();
  const { doc } = useEditorSnapshot();
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [reload, setReload] = useState(0);
  const [busy, setBusy] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(DRAFT);
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const ids = { from: useId(), to: useId() };
  const server = useDesignerServer();
  // Live: the sender updates these rows in the background (a retry, the network coming back, another tab).
  const serverRows = useLiveQuery(() => (server ? repository.serverPublications(doc.id) : Promise.resolve([])), [server, repository, doc.id]);

  useEffect(() => {
    let active = true;
    void repository.listRevisions(doc.id).then((list) => {
      if (!active) return;
      setRevisions(list);
      if (list.length > 0) setFrom((current) => current || String(list[list.length - 1]!.number));
    });
    return () => {
      active = false;
    };
  }, [repository, doc.id, doc.revision.number, reload]);

  const exportRevision = useCallback(
    async (number: number) => {
      const revision = await repository.loadRevision(doc.id, number);
      if (!revision) return;
      downloadBlob(new Blob([revisionFileText(revision)], { type: 'application/json' }), revisionFileName(revision));
    },
    [repository, doc.id],
  );

  const setArchived = useCallback(
    async (r: RevisionSummary, archive: boolean) => {
      setConfirming(null);
      setBusy(r.number);
      try {
        const handOverFailed = await repository.setRevisionArchived(doc.id, r.number, archive ? new Date().toISOString() : null);
        store.notify(bilingual(archive ? 'designer.history.archived' : 'designer.history.restored', { number: r.number }));
        if (handOverFailed) store.notify(handOverFailed, 'error');
      } catch (error) {
        store.notify((error as { userMessage?: LocalizedText }).userMessage ?? bilingual('designer.history.archiveFailed'), 'error');
      } finally {
        setBusy(null);
        setReload((n) => n + 1);
      }
    },
    [repository, doc.id, store],
  );

  useEffect(() => {
    let active = true;
    if (from === '') {
      setDiff(null);
      return;
    }
    const load = (key: string): Promise<SopDocument | undefined> =>
      key === DRAFT ? Promise.resolve(doc) : repository.loadRevision(doc.id, Number(key));
    void Promise.all([load(from), load(to)]).then(([a, b]) => {
      if (active) setDiff(a && b ? diffRevisions(a, b) : null);
    });
    return () => {
      active = false;
    };
  }, [repository, doc, from, to]);

  const label = (r: RevisionSummary) => t('designer.history.revision', { number: r.number });
  const newest = revisions && revisions.length > 0 ? revisions[revisions.length - 1]!.number : 0;
  const state = (r: RevisionSummary) =>
    r.archivedAt ? t('designer.history.stateArchived') : r.number === newest ? t('designer.history.stateCurrent') : t('designer.history.stateSuperseded');
  // Change notes that link an evaluation: on the revision they went out with, or still waiting in the draft for the next one.
  const changeNotes = doc.revision.changeNotes ?? [];
  const evaluationsOf = (number: number) => changeNotes.filter((n) => n.revision === number && n.evaluation).map((n) => n.evaluation!);
  const pending = changeNotes.filter((n) => n.revision > doc.revision.number);
  const pendingSection = pending.length > 0 && (
    <section className="revision-list__pending" aria-label={t('designer.history.nextRevision', { number: doc.revision.number + 1 })}>
      <h4>{t('designer.history.nextRevision', { number: doc.revision.number + 1 })}</h4>
      <ul>
        {pending.map((n, index) => (
          <li key={index}>
            <p className="revision-list__note">
              <UserText>{n.note}</UserText>
            </p>
            {n.evaluation && <EvaluationLink evaluation={n.evaluation} />}
          </li>
        ))}
      </ul>
    </section>
  );
  const options = (
    <>
      {(revisions ?? []).map((r) => (
        <option key={r.number} value={String(r.number)}>
          {label(r)}
        </option>
      ))}
      <option value={DRAFT}>{t('designer.history.draft')}</option>
    </>
  );

  return (
    <section className="properties" aria-labelledby="history-heading">
      <h3 id="history-heading" className="properties__heading">
        {t('designer.history.heading')}
      </h3>
      {pendingSection}
      {revisions === null ? (
        <p className="muted">{t('designer.common.loading')}</p>
      ) : revisions.length === 0 ? (
        <p className="muted">{t('designer.history.none')}</p>
      ) : (
        <>
          <ol className="revision-list">
            {[...revisions].reverse().map((r) => (
              <li key={r.number} className={r.archivedAt ? 'revision-list__item revision-list__item--archived' : 'revision-list__item'}>
                <strong>{label(r)}</strong> · {formatDateTime(r.publishedAt, lang)} · <span className="revision-list__state">{state(r)}</span>
                {r.note && <p className="revision-list__note"><UserText>{r.note}</UserText></p>}
                {evaluationsOf(r.number).map((evaluation) => (
                  <EvaluationLink key={evaluation.id} evaluation={evaluation} />
                ))}
                {server && serverRows && (
                  <RevisionServerStatus
                    number={r.number}
                    status={serverRows.find((row) => row.number === r.number)}
                    session={server.session}
                    onSend={async () => {
                      await repository.queueForServer(doc.id, r.number);
                      await server.publisher.sendNow(doc.id, r.number);
                    }}
                  />
                )}
                <div className="revision-list__actions">
                  <button type="button" className="button button--quiet" onClick={() => void exportRevision(r.number)} aria-label={t('designer.history.exportFor', { number: r.number })}>
                    {t('designer.history.export')}
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    disabled={busy === r.number}
                    onClick={() => (r.archivedAt ? void setArchived(r, false) : setConfirming(r.number))}
                    aria-label={t(r.archivedAt ? 'designer.history.restoreFor' : 'designer.history.archiveFor', { number: r.number })}
                  >
                    {t(r.archivedAt ? 'designer.history.restore' : 'designer.history.archive')}
                  </button>
                </div>
                {confirming === r.number && (
                  <div role="alertdialog" aria-label={t('designer.history.archiveFor', { number: r.number })} className="revision-list__confirm">
                    <p>{t('designer.history.archiveConfirm', { number: r.number })}</p>
                    <button type="button" className="button button--danger" autoFocus onClick={() => void setArchived(r, true)}>
                      {t('designer.history.archiveYes', { number: r.number })}
                    </button>
                    <button type="button" className="button button--quiet" onClick={() => setConfirming(null)}>
                      {t('designer.common.cancel')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ol>
          <h4>{t('designer.history.compare')}</h4>
          <div className="properties__row">
            <div className="field">
              <label htmlFor={ids.from}>{t('designer.history.from')}</label>
              <select id={ids.from} value={from} onChange={(event) => setFrom(event.target.value)}>
                {options}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.to}>{t('designer.history.to')}</label>
              <select id={ids.to} value={to} onChange={(event) => setTo(event.target.value)}>
                {options}
              </select>
            </div>
          </div>
          <div aria-live="polite">{diff && <RevisionDiffView diff={diff} />}</div>
        </>
      )}
    </section>
  );
}
