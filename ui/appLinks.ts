/**
 * Links between the apps. The start page, the designer and tests build and
 * read them through these functions, so the query parameter is named once.
 */

import { EVALUATION_PARAM } from '../device/evaluationLinks';

/** The query parameter that asks the designer to open one SOP. */
export const OPEN_SOP_PARAM = 'sop';

/**
 * The designer with one SOP open, relative to the site root (the start page's
 * folder), so the built site works from any folder it is served from.
 */
export function designerSopHref(sopId: string, designerPath = './designer/'): string {
  return `${designerPath}?${new URLSearchParams({ [OPEN_SOP_PARAM]: sopId }).toString()}`;
}

/** The SOP id a designer URL asks to open, if any. */
export function requestedSopId(search: string): string | null {
  const id = new URLSearchParams(search).get(OPEN_SOP_PARAM)?.trim();
  return id ? id : null;
}

/**
 * The same URL without the open-SOP request (nor an evaluation's, `?evaluasi=`):
 * once honoured, a reload should restore the session instead.
 */
export function withoutSopRequest(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(OPEN_SOP_PARAM);
  url.searchParams.delete(EVALUATION_PARAM);
  return url.toString();
}
