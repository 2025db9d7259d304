import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../../ui/i18n';
import type { LocalizedText } from '../../core/engine';
import { HandOverError, openPrintView } from '../../print/view/handover';
import { useRuntime } from '../context';
import { formatDate } from '../format';
import { hrefs } from '../router';
import { ImportRevisionPanel } from './ImportRevisionPanel';
import type { CatalogueItem, CatalogueOffering } from './runtimeCatalogue';
import { TRIAL_PARAM } from '../trial';
import { UserText } from '../../ui/UserText';

export interface SopCatalogueViewProps {
  sops: readonly CatalogueItem[];
  /** Where new cases start from (this device's catalogue by default). */
  offering?: CatalogueOffering;
  /** Opens the Permenpan print view of a published revision (a new tab by default); resolves to a problem to show. */
  onPrint?: (sop: CatalogueItem) => Promise<LocalizedText | undefined> | void;
  /** Shown under the list: importing a revision file. */
  footer?: ReactNode;
  timeZone?: string;
}

async function printInNewTab(sop: CatalogueItem): Promise<LocalizedText | undefined> {
  try {
    await openPrintView(sop.doc);
    return undefined;
  } catch (error) {
    if (error instanceof HandOverError) return error.localized;
    return { id: `Halaman cetak tidak dapat dibuka: ${String(error)}`, en: `The print page could not be opened: ${String(error)}` };
  }
}

/** The SOPs new cases can start on: each with its revision and publication date, a start link and its print. */
export function SopCatalogueView({ sops, offering = { from: 'device' }, onPrint = printInNewTab, footer, timeZone = 'Asia/Jakarta' }: SopCatalogueViewProps) {
  const { t, lang } = useI18n();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [printProblem, setPrintProblem] = useState<LocalizedText | null>(null);
  const print = async (sop: CatalogueItem) => {
    setPrintProblem(null);
    const problem = await onPrint(sop);
    if (problem) setPrintProblem(problem);
  };
  const q = query.trim().toLowerCase();
  const shown = q ? sops.filter((s) => `${s.title} ${s.number} ${s.office}`.toLowerCase().includes(q)) : sops;
  return (
    <section aria-labelledby="rt-catalogue-heading" className="rt-section">
      <h2 id="rt-catalogue-heading">{t('runtime.catalogue.heading')}</h2>
      <p>{t('runtime.catalogue.intro')}</p>
      {offering.from === 'server' && (
        <div className="rt-alert" role="note">
          <p>{t('runtime.catalogue.server.intro')}</p>
          <p>
            {/* The sandbox never talks to the server: where the bundled examples can still be tried. */}
            <a href={`?${TRIAL_PARAM}=1#/`}>{t('runtime.catalogue.server.examples')}</a>
          </p>
        </div>
      )}
      {sops.length > 0 && (
        <div className="rt-field rt-search">
          <label htmlFor={searchId}>{t('runtime.catalogue.search')}</label>
          <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
      )}
      {printProblem && (
        <p role="alert" className="rt-alert rt-alert--error">
          {printProblem[lang]}
        </p>
      )}
      {sops.length === 0 && <p>{t(offering.from !== 'server' ? 'runtime.catalogue.empty' : offering.read ? 'runtime.catalogue.server.none' : 'runtime.catalogue.server.waiting')}</p>}
      {sops.length > 0 && shown.length === 0 && <p role="status">{t('runtime.catalogue.noMatch', { query })}</p>}
      <ul className="rt-cards">
        {shown.map((sop) => {
          const flow = sop.doc.flows[0];
          return (
            <li key={sop.key} className={sop.example ? 'rt-card rt-card--example' : 'rt-card'}>
              <h3><UserText>{sop.title}</UserText></h3>
              {sop.example && (
                <p className="rt-card__example">
                  <span className="rt-tag rt-tag--example">{t('runtime.catalogue.example')}</span> {t('runtime.catalogue.exampleNote')}
                </p>
              )}
              <p className="rt-muted">
                {sop.number && <>{sop.number} · </>}
                {sop.office}
              </p>
              <p className="rt-card__revision">
                {sop.trial
                  ? t('runtime.catalogue.trialDraft')
                  : sop.publishedAt
                    ? t('runtime.catalogue.revisionPublished', { revision: sop.revision, date: formatDate(sop.publishedAt, lang, timeZone) })
                    : t('runtime.catalogue.revisionOnly', { revision: sop.revision })}
              </p>
              <p className="rt-muted">{t('runtime.catalogue.size', { steps: flow?.steps.length ?? 0, actors: flow?.lanes.length ?? 0 })}</p>
              <a className="rt-button" href={hrefs.start(sop.key)} aria-label={t('runtime.catalogue.startFor', { title: sop.title })}>
                {t('runtime.catalogue.start')}
              </a>
              <button
                type="button"
                className="rt-button rt-button--secondary"
                onClick={() => void print(sop)}
                aria-label={t('runtime.catalogue.printFor', { title: sop.title, revision: sop.revision })}
              >
                {t('runtime.catalogue.print')}
              </button>
            </li>
          );
        })}
      </ul>
      {footer}
    </section>
  );
}

export function SopCatalogue() {
  const { catalogue, calendar, device } = useRuntime();
  const { t } = useI18n();
  // A live query: a revision the designer publishes in another tab, or the sync brings from the server, appears at once.
  const shown = useLiveQuery(async () => ({ sops: await catalogue.listOffered(), offering: await catalogue.offering() }), [catalogue]);
  if (!shown) return <p role="status">{t('runtime.loading')}</p>;
  // A revision imported from a file starts no case on a linked device: the import is offered only without a server.
  const footer = shown.offering.from === 'device' ? <ImportRevisionPanel device={device} /> : undefined;
  return <SopCatalogueView sops={shown.sops} offering={shown.offering} timeZone={calendar.timeZone} footer={footer} />;
}
