import { useId } from 'react';
import { command } from '../../core/document';
import type { Flow, SopDocument, Step } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { UserText } from '../../ui/UserText';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';

/** The title of the evaluation a note came from, as the draft's revision history links it. */
export function evaluationTitle(doc: SopDocument, evaluationId: string | undefined): string | undefined {
  if (!evaluationId) return undefined;
  return (doc.revision.changeNotes ?? []).find((n) => n.evaluation?.id === evaluationId)?.evaluation?.title;
}

/** A note's text cut short for a button's accessible name. */
const shortText = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * The step's review notes (an SOP evaluation's findings, or a reviewer's):
 * each can be marked done ("Tandai selesai", reopened if that was a mistake)
 * or removed, every click one named command. Shown only when the step has
 * notes; they are working notes and never printed.
 */
export function ReviewNotesList({ flow, step }: { flow: Flow; step: Step }) {
  const t = useT();
  const store = useEditorStore();
  const { doc } = useEditorSnapshot();
  const heading = useId();
  const notes = step.reviewNotes ?? [];
  if (notes.length === 0) return null;
  const open = notes.filter((n) => !n.resolved).length;
  const ref = { flowId: flow.id, stepId: step.id };
  const run = (cmd: Parameters<typeof store.run>[0]) => store.run(cmd, { select: false });

  return (
    <section className="review-notes" aria-labelledby={heading}>
      <h4 id={heading} className="review-notes__heading">
        {t('designer.reviewNotes.heading')} <span className="review-notes__count">({t('designer.reviewNotes.openCount', { open, total: notes.length })})</span>
      </h4>
      <p className="field__hint">{t('designer.reviewNotes.intro')}</p>
      <ul className="review-notes__items">
        {notes.map((note, i) => {
          const index = i + 1;
          const text = shortText(note.text);
          // The evaluation is named once for a run of notes from it, not on every note.
          const source = note.evaluationId !== notes[i - 1]?.evaluationId ? evaluationTitle(doc, note.evaluationId) : undefined;
          return (
            <li key={note.id} className={note.resolved ? 'review-notes__item review-notes__item--resolved' : 'review-notes__item'}>
              <p className="review-notes__text">
                {note.resolved && <span className="review-notes__done">{t('designer.reviewNotes.resolved')}: </span>}
                <UserText>{note.text}</UserText>
              </p>
              {source && (
                <p className="review-notes__source muted">
                  {t('designer.reviewNotes.fromEvaluation')} <UserText>{source}</UserText>
                </p>
              )}
              <div className="review-notes__actions">
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={t(note.resolved ? 'designer.reviewNotes.reopenFor' : 'designer.reviewNotes.resolveFor', { index, text })}
                  onClick={() => run(command('reviewNote.resolve', { ...ref, noteId: note.id, resolved: !note.resolved }))}
                >
                  {t(note.resolved ? 'designer.reviewNotes.reopen' : 'designer.reviewNotes.resolve')}
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={t('designer.reviewNotes.removeFor', { index, text })}
                  onClick={() => run(command('reviewNote.remove', { ...ref, noteId: note.id }))}
                >
                  {t('designer.common.remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
