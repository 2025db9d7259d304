import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Dexie from 'dexie';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { compareText, textOf } from '../guard/Boundary';
import { hrefs } from '../router';
import type { RuntimeDb } from '../storage/db';
import type { RuntimeCatalogue } from '../catalogue/runtimeCatalogue';
import { formatCount } from './monevFormat';
import { DemoFillPanel } from './DemoFillPanel';
import { DEMO_PARAM } from './demoNames';

interface MonitoredSop {
  sopId: string;
  title: string;
  office: string;
  cases: number;
}

/**
 * Every SOP with cases here or offered for new cases, the newest revision's
 * title, with how many cases it has: a newly published SOP is listed before
 * its first case, so the drafter sees it will be measured.
 */
async function monitoredSops(db: RuntimeDb, catalogue: RuntimeCatalogue): Promise<MonitoredSop[]> {
  const newest = new Map<string, { revision: number; title: string; office: string }>();
  const offered = await catalogue.listOffered().catch(() => []);
  for (const row of [...(await db.sops.toArray()), ...offered]) {
    if (typeof row?.sopId !== 'string' || ('trial' in row && row.trial)) continue;
    const seen = newest.get(row.sopId);
    if (!seen || row.revision > seen.revision) newest.set(row.sopId, { revision: row.revision, title: textOf(row.title, row.sopId), office: textOf(row.doc?.identity?.office, '') });
  }
  const rows = await Promise.all(
    [...newest].map(async ([sopId, s]) => ({
      sopId,
      title: s.title,
      office: s.office,
      cases: await db.cases.where('[sopId+status+dueAt+id]').between([sopId, Dexie.minKey, Dexie.minKey, Dexie.minKey], [sopId, Dexie.maxKey, Dexie.maxKey, Dexie.maxKey]).count(),
    })),
  );
  // SOPs with cases first: those are the ones there is something to monitor.
  return rows.sort((a, b) => Number(b.cases > 0) - Number(a.cases > 0) || compareText(a.title, b.title));
}

export function MonevIndex() {
  const { db, catalogue, demo } = useRuntime();
  const { t, lang } = useI18n();
  // Bulk demo writes are counted again when they are done, whatever the live query saw meanwhile.
  const [filled, setFilled] = useState(0);
  const sops = useLiveQuery(() => monitoredSops(db, catalogue), [db, catalogue, filled]);
  const demoHref = `${window.location.pathname}?${DEMO_PARAM}${hrefs.monevIndex()}`;
  return (
    <section className="rt-section" aria-labelledby="mv-index-heading">
      <h2 id="mv-index-heading">{t('monev.index.heading')}</h2>
      <p>{t('monev.index.intro')}</p>
      {demo ? (
        <DemoFillPanel onFilled={() => setFilled((n) => n + 1)} />
      ) : (
        <p>
          <a href={demoHref}>{t('monev.demo.try')}</a> {t('monev.demo.tryHint')}
        </p>
      )}
      {sops === undefined ? null : sops.length === 0 ? (
        <p>{t('monev.index.none')}</p>
      ) : (
        <ul className="rt-cards">
          {sops.map((sop) => (
            <li key={sop.sopId} className="rt-card">
              <h3>{sop.title}</h3>
              {sop.office && <p>{sop.office}</p>}
              <p>{t('monev.index.cases', { count: formatCount(sop.cases, lang) })}</p>
              <a className="rt-button" href={hrefs.monev(sop.sopId)} aria-label={t('monev.index.open', { title: sop.title })}>
                {t('monev.nav')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
