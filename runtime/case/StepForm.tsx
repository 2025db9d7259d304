import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import {
  actorLabel,
  canSkip,
  describeBranch,
  fieldsCollectedAt,
  returnBehind,
  stepAttachments,
  stepName,
  visitAction,
  type AttachmentRef,
  type CaseState,
  type LocalizedText,
  type StepSubmission,
  type Visit,
} from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { plainTextOf } from '../../core/text/richText';
import { useI18n } from '../../ui/i18n';
import { TextView } from '../../ui/TextView';
import { formatDateTime, formatTimeOfDay, localized } from '../format';
import { AttachmentInput } from '../forms/AttachmentInput';
import { CameBackNotice } from './CameBackNotice';
import { FieldInput } from '../forms/FieldInput';
import type { DraftFile, DraftValues } from '../storage/db';
import { SignOffChain } from './SignOffChain';

export type StepIntent =
  | { kind: 'complete' }
  | { kind: 'choose'; edgeId: string }
  | { kind: 'signOff'; actorId: string; position?: string }
  /** The row's asked condition does not hold: the step is skipped (step.skip). */
  | { kind: 'skip'; note?: string };

export interface StepProblem {
  message: LocalizedText;
  details?: Record<string, LocalizedText>;
}

export interface StepFormProps {
  sop: SopDocument;
  state: CaseState;
  visit: Visit;
  timeZone: string;
  initialValues: DraftValues;
  initialFiles: DraftFile[];
  /** True when the form opened on a draft with something in it, saved before this page was opened (a reload, a crash, another visit). */
  restored?: boolean;
  /** Called as the clerk types (the container saves the draft, debounced). */
  onDraftChange: (values: DraftValues, files: DraftFile[]) => void;
  /** When the last draft save finished, to tell the clerk it is safe. */
  draftSavedAt?: number | undefined;
  onSubmit: (intent: StepIntent, submission: StepSubmission, actingAs: string | undefined, files: DraftFile[]) => Promise<StepProblem | void>;
  newFileId: () => string;
  /** Move keyboard focus to this step when it appears after a commit (the button pressed is gone). */
  focusOnMount?: boolean;
}

/**
 * The active step's form: who acts, the step text, why the case came back
 * here (when it was returned), the requirements checklist (with waivers and
 * one attachment control per document), the step's own fields, output and
 * note; then, in a bar that stays on screen, the SOP's decision labels with
 * where each leads, the completion button, or the next signer's sign-off.
 */
export function StepForm(props: StepFormProps) {
  const { sop, state, visit, timeZone } = props;
  const { lang, t } = useI18n();
  const formId = useId();
  const action = visitAction(sop, state, visit);
  const step = action?.step;
  const [values, setValues] = useState<DraftValues>(props.initialValues);
  const [files, setFiles] = useState<DraftFile[]>(props.initialFiles);
  const [actingAs, setActingAs] = useState<string | undefined>(visit.workActors[0]);
  const [problem, setProblem] = useState<StepProblem | null>(null);
  const [busy, setBusy] = useState(false);
  // An asked row opens on its question; a draft with something in it means the clerk already said it applies.
  const [applies, setApplies] = useState(props.restored === true);
  const [skipReason, setSkipReason] = useState('');
  const firstChange = useRef(true);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { focusOnMount } = props;
  // The latest callback, read when values change: a new callback identity alone (the page
  // re-rendering) must never trigger a save, or every re-render would write the draft again.
  const onDraftChange = useRef(props.onDraftChange);
  onDraftChange.current = props.onDraftChange;

  // Layout effect: focus moves in the same frame the step appears, before anything else can take it.
  useLayoutEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  useEffect(() => {
    if (firstChange.current) {
      firstChange.current = false;
      return;
    }
    onDraftChange.current(values, files);
  }, [values, files]);

  if (!action || !step) return null;
  const asking = canSkip(sop, state, visit) && !applies;
  const needsWork = visit.phase === 'work' || (!visit.hasWork && visit.workDoneAt === undefined);
  const stepFields = fieldsCollectedAt(sop.caseFields, step.id);
  const attachments = stepAttachments(step, sop.caseFields);
  const cameBack = returnBehind(state, visit);
  const missing = new Set(cameBack?.missing ?? []);
  const label = (id: string) => actorLabel(sop, id);
  const performers = step.actors.filter((a) => a.role === 'performs').map((a) => label(a.actor));
  const receivers = step.actors.filter((a) => a.role === 'receives').map((a) => label(a.actor));
  const detail = (id: string) => problem?.details?.[id];

  const update = (change: Partial<DraftValues>) => setValues((v) => ({ ...v, ...change }));
  const removeFile = (id: string) => setFiles((f) => f.filter((x) => x.id !== id));
  // File fields that record a requirement's document are attached in the checklist, not again here.
  const ownFields = stepFields.filter((f) => f.type !== 'file' || attachments.ownFields.includes(f));

  function buildSubmission(): StepSubmission {
    const ticked = values.ticked.filter((id) => (step!.requirements ?? []).some((r) => r.id === id));
    const waivers = Object.entries(values.waivers)
      .filter(([id, reason]) => !ticked.includes(id) && reason.trim() !== '')
      .map(([requirementId, reason]) => ({ requirementId, reason }));
    const fieldValues: StepSubmission['fields'] = {};
    for (const field of stepFields) {
      if (field.type === 'file') {
        const refs = files.filter((f) => f.fieldId === field.id).map(toRef);
        if (refs.length) fieldValues[field.id] = refs;
      } else if ((values.fields[field.id] ?? '').trim() !== '') {
        fieldValues[field.id] = values.fields[field.id]!;
      }
    }
    const submission: StepSubmission = { ticked, waivers };
    if (Object.keys(fieldValues).length) submission.fields = fieldValues;
    if (values.output.trim()) submission.output = values.output;
    if (values.note.trim()) submission.note = values.note;
    if (files.length) submission.attachments = files.map((f) => ({ ...toRef(f), ...(f.requirementId ? { requirementId: f.requirementId } : {}), ...(f.fieldId ? { fieldId: f.fieldId } : {}) }));
    return submission;
  }

  async function submit(intent: StepIntent) {
    setBusy(true);
    if (intent.kind === 'skip') {
      const result = await props.onSubmit(intent, {}, actingAs ?? visit.chain[0]?.actors[0], []);
      setBusy(false);
      setProblem(result ?? null);
      return;
    }
    const submission = needsWork ? buildSubmission() : { ...(values.note.trim() ? { note: values.note } : {}) };
    const result = await props.onSubmit(intent, submission, intent.kind === 'signOff' ? intent.actorId : actingAs, needsWork ? files : []);
    setBusy(false);
    setProblem(result ?? null);
  }

  function addFiles(list: File[], target: { requirementId?: string; fieldId?: string }) {
    const added = list.map(
      (file): DraftFile => ({ id: props.newFileId(), name: file.name, type: file.type || 'application/octet-stream', size: file.size, blob: file, ...target }),
    );
    setFiles((f) => [...f, ...added]);
  }

  const headingId = `${formId}-heading`;
  return (
    <section className="rt-step" aria-labelledby={headingId} data-visit={visit.id}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('runtime.step.heading', { number: stepName(step) })}
        {visit.visitNo > 1 && <span className="rt-badge">{t('runtime.step.visit', { n: visit.visitNo })}</span>}
      </h3>
      <p className="rt-step__who">
        {performers.length > 0 && <span>{t('runtime.step.who', { actors: performers.join(', ') })}</span>}
        {receivers.length > 0 && <span> · {t('runtime.step.receives', { actors: receivers.join(', ') })}</span>}
      </p>
      <DueLine visit={visit} waktuRaw={step.waktu?.raw ?? ''} timeZone={timeZone} />
      <TextView value={step.text} className="rt-step__text" />
      {step.parties && step.parties.length > 0 && <p className="rt-muted">{t('runtime.step.parties', { parties: step.parties.join(', ') })}</p>}
      {cameBack && <CameBackNotice sop={sop} state={state} record={cameBack} timeZone={timeZone} />}
      {step.remarks && (
        <details className="rt-step__remarks">
          <summary>{t('runtime.step.remarks')}</summary>
          <TextView value={step.remarks} className="rt-step__text" />
        </details>
      )}
      {props.restored && <p className="rt-muted" role="status">{t('runtime.form.draftRestored')}</p>}

      {visit.phase === 'signing' && visit.submission?.note?.trim() && (
        <p className="rt-step__note">
          <strong>{t('runtime.step.workNote')}</strong> {visit.submission.note.trim()}
        </p>
      )}
      <SignOffChain sop={sop} visit={visit} timeZone={timeZone} headingId={`${formId}-chain`} />

      {asking && (
        <fieldset className="rt-asked" aria-describedby={`${formId}-condition`}>
          <legend>{t('caseFlow.asked.legend')}</legend>
          <p id={`${formId}-condition`} className="rt-asked__condition">
            {t('caseFlow.asked.condition', { condition: plainTextOf(typeof step.condition === 'object' ? step.condition.text : '') })}
          </p>
          <div className="rt-field">
            <label htmlFor={`${formId}-skip-reason`}>{t('caseFlow.asked.reason')}</label>
            <input id={`${formId}-skip-reason`} value={skipReason} onChange={(e) => setSkipReason(e.target.value)} />
          </div>
          {problem && (
            <div role="alert" className="rt-alert rt-alert--error">
              {t('runtime.step.rejected', { message: localized(problem.message, lang) })}
            </div>
          )}
          <div className="rt-asked__answers">
            <button type="button" className="rt-button" disabled={busy} onClick={() => setApplies(true)}>
              {t('caseFlow.asked.applies')}
            </button>
            <button type="button" className="rt-button rt-button--secondary" disabled={busy} onClick={() => submit({ kind: 'skip', ...(skipReason.trim() ? { note: skipReason.trim() } : {}) })}>
              {t('caseFlow.asked.skip', { number: stepName(step) })}
            </button>
          </div>
        </fieldset>
      )}
      {applies && canSkip(sop, state, visit) && <p className="rt-muted" role="status">{t('caseFlow.asked.applied')}</p>}

      {needsWork && !asking && (
        <form className="rt-form" onSubmit={(e) => e.preventDefault()} noValidate aria-labelledby={headingId}>
          {visit.phase === 'work' && visit.workActors.length > 1 && (
            <div className="rt-field">
              <label htmlFor={`${formId}-actor`}>{t('runtime.step.actingAs')}</label>
              <select id={`${formId}-actor`} value={actingAs} onChange={(e) => setActingAs(e.target.value)}>
                {visit.workActors.map((a) => (
                  <option key={a} value={a}>
                    {label(a)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {(step.requirements ?? []).length > 0 && (
            <fieldset className="rt-checklist">
              <legend>{t('runtime.step.requirements')}</legend>
              {(step.requirements ?? []).map((req) => {
                const checked = values.ticked.includes(req.id);
                const waiving = Object.hasOwn(values.waivers, req.id);
                const reqFiles = files.filter((f) => f.requirementId === req.id);
                const field = attachments.fieldOfRequirement.get(req.id);
                const err = detail(req.id) ?? (field ? detail(field.id) : undefined);
                const errId = `${formId}-${req.id}-error`;
                const wasMissing = missing.has(req.id);
                return (
                  <div key={req.id} className={wasMissing ? 'rt-check rt-check--missing' : 'rt-check'} data-requirement={req.id}>
                    <label className="rt-check__label">
                      <input
                        type="checkbox"
                        checked={checked}
                        aria-invalid={err ? true : undefined}
                        onChange={(e) =>
                          update({ ticked: e.target.checked ? [...values.ticked, req.id] : values.ticked.filter((id) => id !== req.id) })
                        }
                      />
                      <span>
                        <TextView value={req.text} inline />
                        {req.mustCheck && ' '}
                        {req.mustCheck && <span className="rt-required">({t('runtime.step.mustCheck')})</span>}
                        {wasMissing && ' '}
                        {wasMissing && <span className="rt-tag rt-tag--missing">{t('runtime.step.wasMissing')}</span>}
                      </span>
                    </label>
                    {req.mustCheck && !checked && (
                      <label className="rt-check__waive">
                        <input
                          type="checkbox"
                          checked={waiving}
                          onChange={(e) => {
                            const waivers = { ...values.waivers };
                            if (e.target.checked) waivers[req.id] = '';
                            else delete waivers[req.id];
                            update({ waivers });
                          }}
                        />
                        {t('runtime.step.waive')}
                      </label>
                    )}
                    {waiving && !checked && (
                      <div className="rt-field rt-check__reason">
                        <label htmlFor={`${formId}-${req.id}-waiver`}>{t('runtime.step.waiverReason')}</label>
                        <input id={`${formId}-${req.id}-waiver`} value={values.waivers[req.id] ?? ''} onChange={(e) => update({ waivers: { ...values.waivers, [req.id]: e.target.value } })} />
                      </div>
                    )}
                    <AttachmentInput
                      item={plainTextOf(req.text)}
                      files={reqFiles}
                      onAdd={(list) => addFiles(list, { requirementId: req.id, ...(field ? { fieldId: field.id } : {}) })}
                      onRemove={removeFile}
                      errorId={err ? errId : undefined}
                    />
                    {err && (
                      <p id={errId} className="rt-field__error">
                        {localized(err, lang)}
                      </p>
                    )}
                  </div>
                );
              })}
            </fieldset>
          )}
          {ownFields.length > 0 && (
            <fieldset>
              <legend>{t('runtime.step.fields')}</legend>
              {ownFields.map((field) =>
                field.type === 'file' ? (
                  <FileField
                    key={field.id}
                    label={field.label}
                    required={field.required}
                    files={files.filter((f) => f.fieldId === field.id)}
                    onAdd={(list) => addFiles(list, { fieldId: field.id })}
                    onRemove={removeFile}
                    error={detail(field.id)}
                  />
                ) : (
                  <FieldInput
                    key={field.id}
                    field={field}
                    value={values.fields[field.id] ?? String(state.fields[field.id] ?? '')}
                    onChange={(value) => update({ fields: { ...values.fields, [field.id]: value } })}
                    {...(detail(field.id) ? { error: detail(field.id)! } : {})}
                  />
                ),
              )}
            </fieldset>
          )}
          <div className="rt-field">
            <label htmlFor={`${formId}-output`}>{t('runtime.step.output')}</label>
            <textarea
              id={`${formId}-output`}
              rows={2}
              value={values.output}
              aria-describedby={step.output ? `${formId}-output-help` : undefined}
              onChange={(e) => update({ output: e.target.value })}
            />
            {step.output && (
              <p id={`${formId}-output-help`} className="rt-help">
                {t('runtime.step.outputExpected', { output: plainTextOf(step.output) })}
              </p>
            )}
          </div>
        </form>
      )}
      {!asking && (
        <>
          <div className="rt-field">
            <label htmlFor={`${formId}-note`}>{t('runtime.step.note')}</label>
            <textarea id={`${formId}-note`} rows={2} value={values.note} onChange={(e) => update({ note: e.target.value })} />
          </div>

          {props.draftSavedAt !== undefined && (
            <p className="rt-muted" role="status">
              {t('runtime.form.draftSaved', { time: formatTimeOfDay(props.draftSavedAt, lang, timeZone) })}
            </p>
          )}

          {/* Sticky: the step's main action stays on screen however long the checklist is. */}
          <div className="rt-actions">
            {problem && (
              <div role="alert" className="rt-alert rt-alert--error">
                {t('runtime.step.rejected', { message: localized(problem.message, lang) })}
              </div>
            )}
            {action.kind === 'complete' && (
              <button type="button" className="rt-button" disabled={busy} onClick={() => submit({ kind: 'complete' })}>
                {t('runtime.step.complete', { number: stepName(step) })}
              </button>
            )}
            {action.kind === 'choose' && (
              <div role="group" aria-label={t('runtime.step.decision')} className="rt-decision">
                <p>{t('runtime.step.decisionHelp')}</p>
                {action.branches.map((edge) => {
                  const wording = describeBranch(sop, state.sop.flowId, edge, lang);
                  return (
                    <button key={edge.id} type="button" className="rt-button rt-button--decision" disabled={busy} onClick={() => submit({ kind: 'choose', edgeId: edge.id })}>
                      {wording.label || wording.destination ? (
                        <>
                          {wording.label && <span className="rt-decision__label">{wording.label}</span>}
                          {wording.label && wording.destination && ' '}
                          {wording.destination && <span className="rt-decision__to">{wording.destination}</span>}
                        </>
                      ) : (
                        wording.text
                      )}
                    </button>
                  );
                })}
              </div>
            )}
            {action.kind === 'signOff' &&
              action.slot.position !== undefined &&
              // A position's lane signs; a slot that names none is signed in the lane the clerk acts as.
            (action.slot.actors.length > 0 ? action.slot.actors.slice(0, 1) : [actingAs ?? visit.workActors[0] ?? '']).map((actorId) => (
                <button key={actorId} type="button" className="rt-button" disabled={busy} onClick={() => submit({ kind: 'signOff', actorId, position: action.slot.position! })}>
                  {t('caseFlow.chain.record', {
                    action: t(action.slot.action === 'tandaTangan' ? 'caseFlow.chain.tandaTangan' : 'caseFlow.chain.paraf').toLowerCase(),
                    position: action.slot.position!,
                  })}
                </button>
              ))}
            {action.kind === 'signOff' &&
              action.slot.position === undefined &&
              action.slot.actors.map((actorId) => (
                <button key={actorId} type="button" className="rt-button" disabled={busy} onClick={() => submit({ kind: 'signOff', actorId })}>
                  {t('runtime.step.signOff', { role: t(action.slot.role === 'signs' ? 'runtime.role.signs' : 'runtime.role.approves'), actor: label(actorId) })}
                </button>
              ))}
          </div>
        </>
      )}
    </section>
  );
}

function toRef(f: DraftFile): AttachmentRef {
  return { id: f.id, name: f.name, type: f.type, size: f.size };
}

function DueLine({ visit, waktuRaw, timeZone }: { visit: Visit; waktuRaw: string; timeZone: string }) {
  const { lang, t } = useI18n();
  if (visit.window && visit.measure !== 'wait') {
    const due = formatDateTime(visit.window.closesAt, lang, timeZone);
    const text = visit.window.open
      ? t('runtime.step.windowOpen', { from: waktuRaw.match(/\d+/)?.[0] ?? '', to: waktuRaw.match(/\d+\D+(\d+)/)?.[1] ?? '', time: due })
      : t('runtime.step.windowClosed', { opens: formatDateTime(visit.window.opensAt, lang, timeZone), closes: due });
    return <p className={visit.window.open ? 'rt-due' : 'rt-due rt-due--waiting'}>{text}</p>;
  }
  if (visit.measure === 'wait' && visit.waitUntil) {
    return <p className="rt-due rt-due--waiting">{t('caseFlow.due.wait', { time: formatDateTime(visit.waitUntil, lang, timeZone), waktu: waktuRaw })}</p>;
  }
  if (!visit.dueAt) return <p className="rt-due rt-muted">{t('runtime.step.noDue')}</p>;
  const key = visit.measure === 'limit' ? 'caseFlow.due.limit' : 'runtime.step.due';
  return <p className="rt-due">{t(key, { time: formatDateTime(visit.dueAt, lang, timeZone), waktu: waktuRaw })}</p>;
}

function FileField(props: { label: string; required: boolean; files: DraftFile[]; onAdd: (files: File[]) => void; onRemove: (id: string) => void; error: LocalizedText | undefined }) {
  const { lang } = useI18n();
  const labelId = useId();
  const errorId = useId();
  return (
    <div className="rt-field" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="rt-field__label">
        {props.label}
        {props.required ? ' *' : ''}
      </span>
      <AttachmentInput item={props.label} files={props.files} onAdd={props.onAdd} onRemove={props.onRemove} errorId={props.error ? errorId : undefined} />
      {props.error && (
        <p id={errorId} className="rt-field__error">
          {localized(props.error, lang)}
        </p>
      )}
    </div>
  );
}
