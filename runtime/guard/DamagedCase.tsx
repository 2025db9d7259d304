import { useT } from '../../ui/i18n';
import { hrefs } from '../router';
import { textOf } from './Boundary';

/**
 * A case whose stored record (or the SOP it pins) cannot be shown: the page
 * keeps its heading and says so in both languages, with a way back. The
 * record is left as it is; nothing is repaired or deleted behind the clerk's back.
 */
export function DamagedCase({ caseId, applicantName, heading }: { caseId: string; applicantName?: unknown; heading: 'case' | 'receipt' }) {
  const t = useT();
  const name = textOf(applicantName) || t('runtime.case.noName');
  return (
    <article className="rt-section" aria-labelledby="rt-damaged-heading">
      <h2 id="rt-damaged-heading">{heading === 'case' ? t('runtime.case.heading', { name }) : t('runtime.receipt.heading')}</h2>
      <div role="alert" className="rt-alert rt-alert--error">
        <p>{t('trust.guard.row', { id: caseId })}</p>
        <p>{t('trust.guard.page')}</p>
        <a className="rt-button" href={hrefs.cases()}>
          {t('runtime.nav.cases')}
        </a>
      </div>
    </article>
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a stored case snapshot has the parts the case page and receipt read. */
export function isSoundCaseState(state: unknown): boolean {
  if (!isObject(state)) return false;
  const sop = state['sop'];
  return (
    typeof state['id'] === 'string' &&
    isObject(sop) &&
    typeof sop['flowId'] === 'string' &&
    typeof sop['title'] === 'string' &&
    typeof state['status'] === 'string' &&
    isObject(state['fields']) &&
    Array.isArray(state['returns']) &&
    Array.isArray(state['leftTo']) &&
    Array.isArray(state['commandIds']) &&
    Array.isArray(state['visits']) &&
    (state['visits'] as unknown[]).every((v) => isObject(v) && typeof v['id'] === 'string' && typeof v['stepId'] === 'string' && Array.isArray(v['chain']) && Array.isArray(v['signatures']))
  );
}

/** Whether a stored SOP document has the parts the case page and receipt read. */
export function isSoundSop(doc: unknown): boolean {
  if (!isObject(doc)) return false;
  const identity = doc['identity'];
  const flows = doc['flows'];
  return (
    isObject(identity) &&
    typeof identity['title'] === 'string' &&
    Array.isArray(doc['actors']) &&
    Array.isArray(flows) &&
    flows.every((f) => isObject(f) && Array.isArray(f['steps']) && Array.isArray(f['lanes']))
  );
}
