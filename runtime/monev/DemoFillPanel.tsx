import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { hrefs } from '../router';
import { formatCount } from './monevFormat';

/** A whole number within [min, max]; what is not a number falls back to the default. */
function bounded(text: string, min: number, max: number, fallback: number): number {
  const n = Math.round(Number(text));
  return text.trim() === '' || !Number.isFinite(n) ? fallback : Math.min(max, Math.max(min, n));
}

type Progress = { kind: 'idle' } | { kind: 'running'; cases: number } | { kind: 'done'; cases: number; title: string; sopId: string } | { kind: 'failed'; error: string };

/** In the demo database: makes months of case history for one published SOP, with progress, then links to its dashboard. */
export function DemoFillPanel({ onFilled }: { onFilled?: () => void }) {
  const { db, catalogue, now } = useRuntime();
  const { t, lang } = useI18n();
  const id = useId();
  const offered = useLiveQuery(() => catalogue.listOffered(), [catalogue]);
  const [sopKey, setSopKey] = useState('');
  // Kept as typed, so a cleared field can be typed into; read (and bounded) when the data is made.
  const [monthsText, setMonthsText] = useState('6');
  const [perDayText, setPerDayText] = useState('8');
  const months = bounded(monthsText, 1, 24, 6);
  const perDay = bounded(perDayText, 1, 200, 8);
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const chosen = offered?.find((item) => item.key === sopKey) ?? offered?.[0];

  const generate = async () => {
    if (!chosen) return;
    setProgress({ kind: 'running', cases: 0 });
    try {
      const { fillDemoDatabase } = await import('./demoData');
      const result = await fillDemoDatabase(db, [chosen.doc], { months, casesPerWorkingDay: perDay, now, seed: 42 }, (p) => setProgress({ kind: 'running', cases: p.cases }));
      setProgress({ kind: 'done', cases: result.cases, title: String(chosen.title), sopId: chosen.sopId });
      onFilled?.();
    } catch (error) {
      setProgress({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="mv-figure" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('monev.demo.heading')}</h3>
      <p>{t('monev.demo.intro')}</p>
      <div className="rt-filters">
        <div className="rt-field">
          <label htmlFor={`${id}-sop`}>{t('monev.demo.sop')}</label>
          <select id={`${id}-sop`} value={chosen?.key ?? ''} onChange={(e) => setSopKey(e.target.value)}>
            {(offered ?? []).map((item) => (
              <option key={item.key} value={item.key}>
                {String(item.title)}
              </option>
            ))}
          </select>
        </div>
        <div className="rt-field">
          <label htmlFor={`${id}-months`}>{t('monev.demo.months')}</label>
          <input id={`${id}-months`} type="number" min={1} max={24} value={monthsText} onChange={(e) => setMonthsText(e.target.value)} />
        </div>
        <div className="rt-field">
          <label htmlFor={`${id}-per-day`}>{t('monev.demo.perDay')}</label>
          <input id={`${id}-per-day`} type="number" min={1} max={200} value={perDayText} onChange={(e) => setPerDayText(e.target.value)} />
        </div>
        <button type="button" className="rt-button" disabled={!chosen || progress.kind === 'running'} onClick={() => void generate()}>
          {t('monev.demo.generate')}
        </button>
      </div>
      {progress.kind === 'running' && <p role="status">{t('monev.demo.progress', { cases: formatCount(progress.cases, lang) })}</p>}
      {progress.kind === 'done' && (
        <p role="status">
          {t('monev.demo.done', { cases: formatCount(progress.cases, lang), title: progress.title })}{' '}
          <a href={hrefs.monev(progress.sopId)}>{t('monev.index.open', { title: progress.title })}</a>
        </p>
      )}
      {progress.kind === 'failed' && <p role="alert">{t('monev.demo.failed', { error: progress.error })}</p>}
    </section>
  );
}
