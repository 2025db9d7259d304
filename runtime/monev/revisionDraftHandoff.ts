/**
 * From an evaluation to the designer: the runtime writes one hand-off row in
 * the device database (shared with the designer) and opens the designer at
 * `?evaluasi=<id>`, which opens a revision draft of the SOP with the notes on
 * its steps. Neither app imports the other; the row is the whole contract.
 */
import { designerUrlForEvaluation, putEvaluationHandoff, type DeviceDb, type EvaluationHandoffInput } from '../../device';
import type { EvaluationForm } from '../../core/monev/forms';
import { translate, type Lang } from '../../core/i18n';
import { hrefs } from '../router';

export function evaluationHandoff(form: EvaluationForm, options: { lang: Lang; runtimeUrl: string; demo: boolean; now: string }): EvaluationHandoffInput {
  const { subject } = form;
  const general = form.generalNotes.trim();
  const evaluator = form.evaluator?.name.trim() ? form.evaluator : undefined;
  return {
    id: form.id,
    sopId: subject.sopId,
    revision: subject.revision,
    // The designer says the period itself, from `period`.
    title: translate(options.lang, options.demo ? 'monev.handoff.demoTitle' : 'monev.handoff.title', { title: subject.title }),
    period: subject.period,
    evaluatedAt: form.updatedAt,
    ...(evaluator ? { evaluator: { name: evaluator.name.trim(), ...(evaluator.nip ? { nip: evaluator.nip } : {}), ...(evaluator.office ? { office: evaluator.office } : {}) } } : {}),
    runtimeUrl: options.runtimeUrl,
    // An empty note (a row added and never written) is not a note for the drafter.
    notes: form.stepNotes.filter((note) => note.text.trim() !== '').map((note) => ({ stepId: note.stepId, text: note.text.trim() })),
    ...(general ? { generalNotes: [general] } : {}),
    createdAt: options.now,
  };
}

/** Writes the hand-off and returns the designer address that opens it. */
export async function handOffToDesigner(device: DeviceDb, form: EvaluationForm, options: { lang: Lang; demo: boolean; now: string; pageUrl: string }): Promise<string> {
  const page = new URL(options.pageUrl);
  const runtimeUrl = `${page.origin}${page.pathname}${page.search}${hrefs.monevForm(form.subject.sopId, form.id)}`;
  await putEvaluationHandoff(device, evaluationHandoff(form, { lang: options.lang, runtimeUrl, demo: options.demo, now: options.now }));
  // The designer sits next to the runtime under the site root (…/runtime/ → …/designer/).
  return designerUrlForEvaluation(new URL('../', page).href, form.id);
}
