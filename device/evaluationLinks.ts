/**
 * The link from an SOP evaluation to the designer: `…/designer/?evaluasi=<id>`.
 * No database behind it, so any page can build or read one.
 */

/** The query parameter that asks the designer to open an evaluation's revision draft. */
export const EVALUATION_PARAM = 'evaluasi';

/**
 * The designer URL that opens the revision draft of evaluation `id`.
 * `designerBase` is the designer's folder (`../designer/`, `https://host/designer/`)
 * or the site root that holds it (`../`, `https://host/`).
 */
export function designerUrlForEvaluation(designerBase: string, id: string): string {
  const base = designerBase === '' ? './' : designerBase.endsWith('/') ? designerBase : `${designerBase}/`;
  const folder = /(^|\/)designer\/$/.test(base) ? base : `${base}designer/`;
  return `${folder}?${new URLSearchParams({ [EVALUATION_PARAM]: id }).toString()}`;
}

/** The evaluation id a designer URL asks to open, if any. */
export function requestedEvaluationId(search: string): string | null {
  const id = new URLSearchParams(search).get(EVALUATION_PARAM)?.trim();
  return id ? id : null;
}
