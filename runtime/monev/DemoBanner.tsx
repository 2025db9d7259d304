import { useState } from 'react';
import { useT } from '../../ui/i18n';
import { useRuntime } from '../context';
import { hrefs, navigate } from '../router';

/** The same page without `?contoh-monev`: the clerk's own database. */
export function realCasesHref(location: Pick<Location, 'pathname'>): string {
  return `${location.pathname}${hrefs.monevIndex()}`;
}

/** Says on every screen that these cases are made up, and deletes them in one click. */
export function DemoBanner() {
  const t = useT();
  const { db } = useRuntime();
  const [wiped, setWiped] = useState(false);
  return (
    <div className="rt-trial" role="region" aria-label={t('monev.demo.banner')}>
      <p>{t('monev.demo.banner')}</p>
      {/* A printed form of demo data still says so; the buttons are no use on paper. */}
      <a className="rt-button rt-button--secondary rt-no-print" href={realCasesHref(window.location)}>
        {t('monev.demo.real')}
      </a>
      <button
        type="button"
        className="rt-button rt-button--danger rt-no-print"
        onClick={async () => {
          // The generator stays out of every screen but this one.
          const { wipeDemoData } = await import('./demoData');
          await wipeDemoData(db);
          setWiped(true);
          navigate(hrefs.monevIndex());
        }}
      >
        {t('monev.demo.wipe')}
      </button>
      {wiped && <p role="status">{t('monev.demo.wiped')}</p>}
    </div>
  );
}
