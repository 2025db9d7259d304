import type { Flow } from '../../schemas/generated/sop.types';
import type { Lang } from '../i18n';

/** A text in each interface language. */
export type FlowName = Readonly<Record<Lang, string>>;

/**
 * How every surface names a flow: its title (the heading above its table),
 * else its position ("Alur 2"). The flow tabs, the problems panel, validation
 * messages and the print view all call this, so the drafter reads one name
 * for one flow everywhere; the internal id ("main", "f2") is never shown.
 */
export function flowName(flow: Pick<Flow, 'title'>, index: number): FlowName {
  const title = flow.title?.trim();
  if (title) return { id: title, en: title };
  return { id: `Alur ${index + 1}`, en: `Flow ${index + 1}` };
}

/**
 * The flow's name as the subject of a sentence: `Alur "Pengaduan"` for a
 * titled flow (quoted, since a title is user text), `Alur 2` otherwise.
 */
export function flowNameInSentence(flow: Pick<Flow, 'title'>, index: number): FlowName {
  const title = flow.title?.trim();
  if (!title) return flowName(flow, index);
  const quoted = JSON.stringify(title.length > 80 ? title.slice(0, 77) + '...' : title);
  return { id: `Alur ${quoted}`, en: `Flow ${quoted}` };
}
