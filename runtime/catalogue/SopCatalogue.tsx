import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useT } from '../../ui/i18n';
import { openPrintView } from '../../ui/print';
import { useRuntime } from '../context';
import { hrefs } from '../router';
import type { SopRow } from '../storage/db';
import { listSops } from '../storage/repository';

export interface SopCatalogueViewProps {
  sops: readonly SopRow[];
  /** Opens the Permenpan print view of a published revision (a new tab by default). */
  onPrint?: (sop: SopRow) => void;
}

function printInNewTab(sop: SopRow): void {
  openPrintView(sop.doc);
}

/** The published SOPs on this device, each with a link to start a case. */
export function SopCatalogueView({ sops, onPrint = printInNewTab }: SopCatalogueViewProps) {
  const t = useT();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const shown = q
    ? sops.filter((s) => `${s.title} ${s.doc.identity.number} ${s.doc.identity.office}`.toLowerCase().includes(q))
    : sops;
  return (
    <section aria-labelledby="rt-catalogue-heading" className="rt-section">
      <h2 id="rt-catalogue-heading">{t('runtime.catalogue.heading')}</h2>
      <p>{t('runtime.catalogue.intro')}</p>
      {sops.length > 0 && (
        <div className="rt-field rt-search">
          <label htmlFor={searchId}>{t('runtime.catalogue.search')}</label>
          <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
      )}
      {sops.length === 0 && <p>{t('runtime.catalogue.empty')}</p>}
      {sops.length > 0 && shown.length === 0 && <p role="status">{t('runtime.catalogue.noMatch', { query })}</p>}
      <ul className="rt-cards">
        {shown.map((sop) => {
          const flow = sop.doc.flows[0];
          return (
            <li key={sop.key} className="rt-card">
              <h3>{sop.title}</h3>
              <p className="rt-muted">
                {sop.doc.identity.number && <>{sop.doc.identity.number} · </>}
                {sop.doc.identity.office}
              </p>
              <p className="rt-muted">
                {t('runtime.catalogue.meta', { revision: sop.revision, steps: flow?.steps.length ?? 0, actors: flow?.lanes.length ?? 0 })}
              </p>
              <a className="rt-button" href={hrefs.start(sop.key)} aria-label={t('runtime.catalogue.startFor', { title: sop.title })}>
                {t('runtime.catalogue.start')}
              </a>
              <button
                type="button"
                className="rt-button rt-button--secondary"
                onClick={() => onPrint(sop)}
                aria-label={t('runtime.catalogue.printFor', { title: sop.title, revision: sop.revision })}
              >
                {t('runtime.catalogue.print')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function SopCatalogue() {
  const { db } = useRuntime();
  const t = useT();
  const sops = useLiveQuery(() => listSops(db), [db]);
  if (!sops) return <p role="status">{t('runtime.loading')}</p>;
  return <SopCatalogueView sops={sops} />;
}
