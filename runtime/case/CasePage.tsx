import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  activeVisits,
  fieldsCollectedAt,
  findFlow,
  indexFlow,
  stepName,
  actorLabel,
  isCaseOverdue,
  type CaseCommand,
  type CaseState,
  type LocalizedText,
  type StepSubmission,
  type Visit,
  visitCurrentActors,
} from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { plainTextOf } from '../../core/text/richText';
import { useI18n } from '../../ui/i18n';
import { UserText } from '../../ui/UserText';
import { useRuntime } from '../context';
import { downloadBlob } from '../../ui/download';
import { formatDateTime, localized } from '../format';
import { hrefs } from '../router';
import type { CaseRow, DraftFile, DraftRow, DraftValues } from '../storage/db';
import { commitCommand, emptyDraftValues, newId, saveDraft, type CommitResult } from '../storage/repository';
import { toStorageError } from '../storage/errors';
import { Boundary } from '../guard/Boundary';
import { DamagedCase, isSoundCaseState, isSoundSop } from '../guard/DamagedCase';
import { draftHasContent } from './draftContent';
import { useStepInputInProgress } from './stepInputInProgress';
import { copyDraft, draftJournal, dropDraftCopy, replayDraftCopies } from './draftWriteAhead';
import { installLeaveGuard, onPageLeaving } from '../../ui/durability/leaveGuard';
import { ReturnPanel, type ReturnIntent } from './ReturnPanel';
import { ReviewPanel } from './ReviewPanel';
import { discardReview, redoReview } from '../sync/review';
import { StepForm, type StepIntent, type StepProblem } from './StepForm';
import { SwimlaneMap } from './SwimlaneMap';
import { Timeline } from './Timeline';
import { JoinWaiting } from './JoinWaiting';
import { caseStatusDisplay } from './caseOutcome';
import { stepCommandOnNewerCase } from './staleStepCommand';

/** How long typing may pause before the draft is written (a crash loses at most this much). */
const DRAFT_DELAY_MS = 250;

const PROFILE_NEEDED = {
  id: 'Isi profil Anda dahulu: setiap langkah dicatat atas nama petugas yang mengerjakannya.',
  en: 'Fill in your profile first: every step is recorded in the name of the person who did it.',
};

export function CasePage({ caseId }: { caseId: string }) {
  const { db } = useRuntime();
  const { t } = useI18n();
  const row = useLiveQuery(() => db.cases.get(caseId).then((r) => r ?? null), [db, caseId]);
  // Keyed by the SOP it answers for, so a result from before the case row loaded is never taken for "no SOP".
  const sopRow = useLiveQuery(async () => (row ? { key: row.sopKey, row: (await db.sops.get(String(row.sopKey))) ?? null } : undefined), [db, row?.sopKey]);
  // What a reload or a closed tab cut off before IndexedDB held it goes in before the forms open on the drafts.
  const [replayedFor, setReplayedFor] = useState<string | null>(null);
  const rowLoaded = row ? row.id : null;
  useEffect(() => {
    if (!row || replayedFor === caseId) return;
    let active = true;
    // A damaged stored state cannot be replayed onto; its copies stay for a later visit.
    void replayDraftCopies(db, draftJournal(db.name), caseId, row.state).catch(() => undefined).finally(() => {
      if (active) setReplayedFor(caseId);
    });
    return () => {
      active = false;
    };
    // Once per case, as soon as its row is known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, caseId, rowLoaded]);
  const replayed = replayedFor === caseId;
  const drafts = useLiveQuery((): Promise<DraftRow[] | undefined> => (replayed ? db.drafts.where('caseId').equals(caseId).toArray() : Promise.resolve(undefined)), [db, caseId, replayed]);
  if (row === null) return <p role="alert">{t('runtime.case.notFound')}</p>;
  if (!row || !sopRow || sopRow.key !== row.sopKey || !drafts) return <p role="status">{t('runtime.loading')}</p>;
  // A damaged record (or a missing or damaged SOP) keeps the page: heading, a plain message, a way back.
  const damaged = <DamagedCase caseId={caseId} applicantName={row.applicantName} heading="case" />;
  if (!sopRow.row || !isSoundSop(sopRow.row.doc) || !isSoundCaseState(row.state)) return damaged;
  return (
    <Boundary fallback={() => damaged}>
      <CaseView row={row} sop={sopRow.row.doc} drafts={drafts} />
    </Boundary>
  );
}

interface CaseViewProps {
  row: CaseRow;
  sop: SopDocument;
  drafts: DraftRow[];
}

function commitFailure(result: CommitResult): { message: LocalizedText; details?: Record<string, LocalizedText> } | void {
  if (result.ok) return;
  const rejection = result.rejection as { message: LocalizedText; details?: Record<string, LocalizedText> };
  return rejection.details ? { message: rejection.message, details: rejection.details } : { message: rejection.message };
}

export function CaseView({ row, sop, drafts }: CaseViewProps) {
  const { db, device, calendar, now, person, myLaneKeys } = useRuntime();
  const { lang, t } = useI18n();
  const state: CaseState = row.state;
  const tz = calendar.timeZone;
  const timers = useRef(new Map<string, { timer: ReturnType<typeof setTimeout>; save: () => Promise<void> }>());
  const [savedAt, setSavedAt] = useState<Record<string, number>>({});
  const [notice, setNotice] = useState<LocalizedText | null>(null);
  const [resumeNote, setResumeNote] = useState('');
  // Steps of other lanes the clerk chose to work on here (covering for a colleague, or for the applicant).
  const [openedHere, setOpenedHere] = useState<ReadonlySet<string>>(new Set());
  // Steps active when the page opened keep focus where the browser put it; steps that appear later take it.
  const initialVisits = useRef(new Set(state.visits.filter((v) => v.status === 'active').map((v) => v.id)));
  // Whether each step opened on a draft with something in it, decided when the step is first shown:
  // the clerk's own typing on this page saves a draft too, and that is not a restore.
  const openedOnDraft = useRef(new Map<string, boolean>());
  const restoredDraft = (visitId: string, draft: DraftRow | undefined): boolean => {
    if (!openedOnDraft.current.has(visitId)) openedOnDraft.current.set(visitId, draft !== undefined && draftHasContent(draft.values, draft.files));
    return openedOnDraft.current.get(visitId)!;
  };

  const journal = useMemo(() => draftJournal(db.name), [db]);
  // Commands of this case set aside by sync ("Perlu tinjauan"), and the forms that a redo refills.
  const reviewItems = useLiveQuery(() => db.review.where('caseId').equals(row.id).sortBy('keptAt'), [db, row.id]) ?? [];
  const [redoneAt, setRedoneAt] = useState<Record<string, number>>({});
  const [formEpoch, setFormEpoch] = useState<Record<string, number>>({});
  useEffect(() => {
    // A redo wrote the visit's draft: once it arrives here, the form opens afresh on it.
    for (const [visitId, at] of Object.entries(redoneAt)) {
      const draft = drafts.find((d) => d.visitId === visitId);
      if (draft && draft.updatedAt >= at) {
        openedOnDraft.current.delete(visitId);
        storedFiles.current.set(visitId, fileKey(draft.files));
        setFormEpoch((e) => ({ ...e, [visitId]: (e[visitId] ?? 0) + 1 }));
        setRedoneAt(({ [visitId]: _done, ...rest }) => rest);
      }
    }
  }, [drafts, redoneAt]);
  // Visits whose latest change is neither in IndexedDB nor in the write-ahead copy
  // (the copy did not fit, or attachments changed): leaving the page asks first.
  const uncovered = useRef(new Set<string>());
  // The attachments IndexedDB holds per visit (by id), to tell when the file list changed.
  const storedFiles = useRef(new Map<string, string>());
  const fileKey = (files: readonly DraftFile[]) => files.map((f) => f.id).join('|');
  const latestChange = useRef(new Map<string, number>());

  useEffect(() => {
    const pending = timers.current;
    // Leaving the page (or the tab being hidden, as before a reload or on a phone
    // switching apps) writes what is pending at once rather than dropping it.
    const flush = () => {
      for (const { timer, save } of pending.values()) {
        clearTimeout(timer);
        void save();
      }
      pending.clear();
    };
    const stopListening = onPageLeaving(flush);
    const removeGuard = installLeaveGuard(() => uncovered.current.size > 0);
    return () => {
      stopListening();
      removeGuard();
      flush();
    };
  }, []);

  // Visits committed from this page: a late keystroke or timer must not bring their draft back.
  const closedVisits = useRef(new Set<string>());
  const heldDrafts = useRef(new Map<string, () => Promise<void>>());

  const stepInput = useStepInputInProgress(
    row.id,
    drafts,
    activeVisits(state).map((v) => v.id),
  );

  const scheduleDraft = useCallback(
    (visitId: string, values: DraftValues, files: DraftFile[]) => {
      if (closedVisits.current.has(visitId)) return;
      stepInput.changed(visitId, values, files);
      const existing = timers.current.get(visitId);
      if (existing) clearTimeout(existing.timer);
      // Copied before anything asynchronous happens: this is what survives a reload now.
      const change = Date.now();
      latestChange.current.set(visitId, change);
      const copied = copyDraft(journal, row.id, visitId, values, change);
      if (!copied || fileKey(files) !== storedFiles.current.get(visitId)) uncovered.current.add(visitId);
      else uncovered.current.delete(visitId);
      const save = async () => {
        timers.current.delete(visitId);
        if (closedVisits.current.has(visitId)) {
          // Held back while the visit's commit is in flight; written if that commit is refused.
          heldDrafts.current.set(visitId, save);
          return;
        }
        try {
          await saveDraft(db, row.id, visitId, values, files);
          storedFiles.current.set(visitId, fileKey(files));
          if (latestChange.current.get(visitId) === change) {
            // IndexedDB holds the latest change: the copy has done its job.
            uncovered.current.delete(visitId);
            dropDraftCopy(journal, row.id, visitId);
          }
          setSavedAt((s) => ({ ...s, [visitId]: Date.now() }));
        } catch (error) {
          setNotice((error as { localized?: LocalizedText }).localized ?? { id: String(error), en: String(error) });
        }
      };
      timers.current.set(visitId, { timer: setTimeout(() => void save(), DRAFT_DELAY_MS), save });
    },
    [db, row.id, journal, stepInput],
  );

  function cancelPendingDraft(visitId: string) {
    const pending = timers.current.get(visitId);
    if (pending) clearTimeout(pending.timer);
    timers.current.delete(visitId);
  }

  async function commit(command: CaseCommand, files: DraftFile[] = [], clearDrafts: string[] = []): Promise<CommitResult> {
    if (!person) return { ok: false, rejection: { code: 'command.invalid', message: PROFILE_NEEDED } };
    for (const visitId of clearDrafts) closedVisits.current.add(visitId);
    const options = {
      calendar,
      attachments: files.map((f) => ({ id: f.id, blob: f.blob, name: f.name, type: f.type, ...(f.requirementId ? { requirementId: f.requirementId } : {}), ...(f.fieldId ? { fieldId: f.fieldId } : {}), ...(clearDrafts[0] ? { visitId: clearDrafts[0] } : {}) })),
      clearDrafts,
    };
    let result = await commitCommand(db, command, options);
    if (!result.ok && result.rejection.code === 'revision.stale') {
      // Another lane moved on since this page drew the case: the step is asked again if it is as the clerk saw it.
      const now = (await db.cases.get(row.id).catch(() => undefined))?.state;
      const again = now && isSoundCaseState(now) ? stepCommandOnNewerCase(state, now, command) : undefined;
      if (again) result = await commitCommand(db, again, options);
    }
    for (const visitId of clearDrafts) {
      if (result.ok) {
        cancelPendingDraft(visitId);
        // The step is done: its draft must not come back after a reload.
        dropDraftCopy(journal, row.id, visitId);
        uncovered.current.delete(visitId);
        stepInput.finished(visitId);
      } else {
        // Refused: the clerk goes on editing this visit, so its draft is live again.
        closedVisits.current.delete(visitId);
        void heldDrafts.current.get(visitId)?.();
      }
      heldDrafts.current.delete(visitId);
    }
    if (!result.ok && result.rejection.code === 'revision.stale') setNotice(result.rejection.message);
    return result;
  }

  const base = (actorId?: string) => ({
    id: newId(),
    caseId: row.id,
    at: new Date().toISOString(),
    expectedRevision: row.revision,
    // Every event names the person who acted and the lane they acted as.
    by: { ...(actorId ? { actorId } : {}), ...(person ? { person } : {}) },
  });

  const onStepSubmit = (visitId: string, stepId: string) => async (intent: StepIntent, submission: StepSubmission, actingAs: string | undefined, files: DraftFile[]): Promise<StepProblem | void> => {
    const common = { ...base(actingAs), stepId, ...submission };
    const command: CaseCommand =
      intent.kind === 'complete'
        ? { type: 'step.complete', ...common }
        : intent.kind === 'choose'
          ? { type: 'branch.choose', ...common, edgeId: intent.edgeId }
          : intent.kind === 'skip'
            ? { type: 'step.skip', ...base(actingAs), stepId, ...(intent.note ? { note: intent.note } : {}) }
            : { type: 'step.signOff', ...common, actorId: intent.actorId, ...(intent.position !== undefined ? { position: intent.position } : {}) };
    const visit = state.visits.find((v) => v.id === visitId);
    // The draft goes with the commit only when this command ends the visit's work (a skip ends it without any).
    const endsWork = intent.kind !== 'signOff' || (visit && !visit.hasWork && visit.workDoneAt === undefined) || (visit && visit.signatures.length + 1 >= visit.chain.length);
    return commitFailure(await commit(command, files, endsWork ? [visitId] : []));
  };

  // A return or cancellation is made by whoever acts on the step now; the timeline and the step sent back to name them.
  const onReturn = async (intent: ReturnIntent, visit: Visit) => {
    const by = visitCurrentActors(visit)[0];
    const command: CaseCommand =
      intent.kind === 'cancel'
        ? { type: 'case.cancel', ...base(by), reason: intent.reason }
        : { type: 'case.return', ...base(by), stepId: intent.stepId, to: intent.to, reason: intent.reason, missing: intent.missing };
    return commitFailure(await commit(command));
  };

  const applicantFields = fieldsCollectedAt(sop.caseFields, null);
  const overdue = isCaseOverdue(state, now);
  const lastReturn = state.returns[state.returns.length - 1];
  const requirementText = (id: string) => plainTextOf(sop.flows.flatMap((f) => f.steps).flatMap((s) => s.requirements ?? []).find((r) => r.id === id)?.text) || id;
  const status = caseStatusDisplay(state);
  const flowIndex = (() => {
    const flow = findFlow(sop, state.sop.flowId);
    return flow ? indexFlow(flow) : undefined;
  })();
  const endStep = state.status === 'finished' ? state.visits.filter((v) => v.status === 'done' && v.outcome !== undefined && v.outcome === status.outcome).at(-1) : undefined;
  const endStepDoc = endStep ? flowIndex?.steps.get(endStep.stepId) : undefined;
  const active = activeVisits(state);
  // With several steps active at once, the forms are those of the clerk's own lanes; the others are listed, one
  // click from a form. One active step is always a form, as it always was: a front office acts for the applicant.
  const isMine = (visit: Visit) => myLaneKeys.length === 0 || visitCurrentActors(visit).some((a) => myLaneKeys.includes(`${state.sop.sopId}|${a}`));
  const shownHere = (visit: Visit) => active.length === 1 || isMine(visit) || openedHere.has(visit.id);
  const elsewhere = active.filter((v) => !shownHere(v));

  return (
    <article className="rt-case" aria-labelledby="rt-case-heading">
      {!person && state.status !== 'finished' && state.status !== 'cancelled' && (
        <div role="alert" className="rt-alert rt-alert--warning rt-no-print">
          <p>{t('runtime.profile.needed')}</p>
          <a className="rt-button" href={hrefs.profile()}>
            {t('runtime.profile.setUp')}
          </a>
        </div>
      )}
      <header className="rt-case__header">
        <h2 id="rt-case-heading">{t('runtime.case.heading', { name: row.applicantName || t('runtime.case.noName') })}</h2>
        <p>
          <span className={`rt-status rt-status--${status.modifier}`}>{t(status.key)}</span>
          {overdue && <span className="rt-status rt-status--overdue">{t('runtime.case.overdue')}</span>}
        </p>
        <p className="rt-muted">{t('runtime.case.sop', { title: state.sop.title, revision: state.sop.revision })}</p>
        <p className="rt-muted">
          {t('runtime.case.number', { id: row.caseNumber || row.id })} · {t('runtime.case.startedAt', { time: formatDateTime(state.startedAt, lang, tz) })}
          {state.caseDueAt && <> · {t('runtime.case.due', { time: formatDateTime(state.caseDueAt, lang, tz) })}</>}
        </p>
        <p className="rt-case__links">
          <a href={hrefs.receipt(row.id)}>{t('runtime.case.receipt')}</a>
          <button
            type="button"
            className="rt-link-button"
            onClick={async () => {
              const { exportCaseBundle, bundleToBlob, caseBundleFileName } = await import('../storage/bundle');
              try {
                const bundle = await exportCaseBundle(db, row.id, { device, ...(person ? { signer: person } : {}) });
                downloadBlob(bundleToBlob(bundle), caseBundleFileName(bundle));
              } catch (error) {
                setNotice(toStorageError(error).localized);
              }
            }}
          >
            {t('runtime.bundle.export')}
          </button>
        </p>
      </header>

      {notice && (
        <div role="alert" className="rt-alert">
          {localized(notice, lang)}
        </div>
      )}
      <ReviewPanel
        items={reviewItems}
        sop={sop}
        activeStepIds={state.visits.filter((v) => v.status === 'active').map((v) => v.stepId)}
        timeZone={tz}
        onRedo={async (commandId) => {
          const startedAt = Date.now();
          const result = await redoReview(db, commandId, person);
          if (result.kind === 'draft') setRedoneAt((r) => ({ ...r, [result.visitId]: startedAt }));
          return result;
        }}
        onDiscard={(commandId) => discardReview(db, commandId)}
      />
      {state.status === 'finished' && (
        <div className={status.outcome === 'ditolak' || status.outcome === 'dibatalkan' ? 'rt-alert rt-alert--outcome' : 'rt-alert rt-alert--ok'} role="status" data-outcome={status.outcome}>
          <p>
            {status.outcome === undefined || status.outcome === 'selesai'
              ? t('runtime.case.finished', { time: formatDateTime(state.closedAt, lang, tz) })
              : t(`caseFlow.finished.${status.outcome}`, { time: formatDateTime(state.closedAt, lang, tz) })}
          </p>
          {endStepDoc && (
            <p className="rt-muted">
              <UserText>{t('caseFlow.finished.endStep', { number: stepName(endStepDoc), text: plainTextOf(endStepDoc.text) })}</UserText>
            </p>
          )}
        </div>
      )}
      {state.status === 'cancelled' && <p className="rt-alert" role="status">{t('runtime.case.cancelled', { reason: state.cancelReason ?? '' })}</p>}
      {state.leftTo.length > 0 && <p className="rt-muted">{t('runtime.case.leftTo', { target: state.leftTo.join(', ') })}</p>}
      {state.status === 'returned' && lastReturn && (
        <div className="rt-alert" role="status">
          <p>{t('runtime.case.returned', { reason: lastReturn.reason })}</p>
          {lastReturn.missing.length > 0 && <p>{t('runtime.case.missing', { items: lastReturn.missing.map(requirementText).join('; ') })}</p>}
          <form
            className="rt-form"
            onSubmit={async (e) => {
              e.preventDefault();
              const failure = commitFailure(await commit({ type: 'case.resume', ...base(), ...(resumeNote.trim() ? { note: resumeNote } : {}) }));
              if (failure) setNotice(failure.message);
            }}
          >
            <div className="rt-field">
              <label htmlFor="rt-resume-note">{t('runtime.case.resumeNote')}</label>
              <input id="rt-resume-note" value={resumeNote} onChange={(e) => setResumeNote(e.target.value)} />
            </div>
            <button type="submit" className="rt-button">
              {t('runtime.case.resume')}
            </button>
          </form>
        </div>
      )}

      <div className="rt-case__body">
        <section aria-labelledby="rt-map-heading" className="rt-case__map">
          <h3 id="rt-map-heading">{t('runtime.case.map')}</h3>
          <SwimlaneMap sop={sop} state={state} />
        </section>
        <div className="rt-case__work">
          {active.length > 0 && <h3 className="rt-visually-hidden">{t('runtime.case.activeSteps')}</h3>}
          {active.length > 1 && <p className="rt-muted">{t('caseFlow.parallel.several', { count: active.length })}</p>}
          <JoinWaiting sop={sop} state={state} />
          {elsewhere.length > 0 && (
            <section className="rt-elsewhere" aria-labelledby="rt-elsewhere-heading">
              <h3 id="rt-elsewhere-heading">{t('caseFlow.parallel.others')}</h3>
              <ul>
                {elsewhere.map((visit) => {
                  const step = flowIndex?.steps.get(visit.stepId);
                  const actors = visitCurrentActors(visit).map((a) => actorLabel(sop, a)).join(', ') || '—';
                  return (
                    <li key={visit.id} data-visit={visit.id}>
                      <UserText>{t('caseFlow.parallel.otherStep', { number: step ? stepName(step) : visit.stepId, actors })}</UserText>{' '}
                      <button type="button" className="rt-link-button" onClick={() => setOpenedHere((s) => new Set([...s, visit.id]))}>
                        {t('caseFlow.parallel.showForm', { number: step ? stepName(step) : visit.stepId })}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
          {active.filter(shownHere).map((visit) => {
            const draft = drafts.find((d) => d.visitId === visit.id);
            if (!storedFiles.current.has(visit.id)) storedFiles.current.set(visit.id, fileKey(draft?.files ?? []));
            return (
              <div key={visit.id} className="rt-case__visit">
                <StepForm
                  key={formEpoch[visit.id] ?? 0}
                  sop={sop}
                  state={state}
                  visit={visit}
                  timeZone={tz}
                  initialValues={draft?.values ?? emptyDraftValues()}
                  initialFiles={draft?.files ?? []}
                  restored={restoredDraft(visit.id, draft)}
                  onDraftChange={(values, files) => scheduleDraft(visit.id, values, files)}
                  draftSavedAt={savedAt[visit.id]}
                  onSubmit={onStepSubmit(visit.id, visit.stepId)}
                  newFileId={newId}
                  focusOnMount={!initialVisits.current.has(visit.id)}
                />
                <ReturnPanel sop={sop} state={state} visit={visit} onSubmit={(intent) => onReturn(intent, visit)} />
              </div>
            );
          })}
        </div>
      </div>

      <Timeline sop={sop} state={state} calendar={calendar} now={now} />

      <section className="rt-section" aria-labelledby="rt-fields-heading">
        <h3 id="rt-fields-heading">{t('runtime.case.fields')}</h3>
        <dl className="rt-dl">
          {applicantFields
            .filter((f) => f.type !== 'file')
            .map((f) => (
              <div key={f.id}>
                <dt>{f.label}</dt>
                <dd>{String(state.fields[f.id] ?? '—')}</dd>
              </div>
            ))}
        </dl>
      </section>
    </article>
  );
}
