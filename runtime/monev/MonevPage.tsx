import { useEffect, useMemo, useState } from 'react';
import type { MonevMeasures } from '../../core/monev';
import { actorLabel } from '../../core/engine';
import { factsOfStep, monevMeasuresOfTables, monevStepsOf, officesOf, startRangeOf } from '../../core/monev';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { textOf } from '../guard/Boundary';
import { hrefs, navigate } from '../router';
import { loadMonevData, type MonevData } from './loadMonevData';
import type { MonevFactsProgress } from './monevFactsStore';
import { BottleneckRanking, CountsOverTime, LeadTimeChart, StepsAgainstStandard, WaitsAndReasons } from './MonevCharts';
import { MonevFiltersForm } from './MonevFiltersForm';
import { formatMonevFilters, monevQueryOf, parseMonevFilters, type MonevFilters } from './monevFilters';
import { formatCount } from './monevFormat';
import { StepCases } from './StepCases';
import { newMonitoringForm, subjectOf } from './formCreate';
import { saveMonevForm } from './formStore';
import { MonevFormsList } from './MonevFormsList';
import { newId } from '../storage/repository';

type Loaded = { kind: 'loading'; progress?: MonevFactsProgress } | { kind: 'ready'; data: MonevData } | { kind: 'failed'; message: string };

/** One SOP's monitoring dashboard: measures of its case record under the filters in the URL. */
export function MonevPage({ sopId, query }: { sopId: string; query: string }) {
  const { db, calendar, now } = useRuntime();
  const { t, lang } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    setLoaded({ kind: 'loading' });
    loadMonevData(db, sopId, calendar, (progress) => current && setLoaded({ kind: 'loading', progress })).then(
      (data) => current && setLoaded({ kind: 'ready', data }),
      (error: unknown) => current && setLoaded({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [db, sopId, calendar]);
  const filters = useMemo(() => parseMonevFilters(query), [query]);
  const go = (next: MonevFilters) => navigate(hrefs.monev(sopId, formatMonevFilters(next)));

  if (loaded.kind === 'loading') {
    const { progress } = loaded;
    return (
      <p role="status">
        {progress ? t('monev.page.folding', { done: formatCount(progress.folded, lang), total: formatCount(progress.toFold, lang) }) : t('monev.page.loading')}
      </p>
    );
  }
  if (loaded.kind === 'failed') return <p role="alert">{loaded.message}</p>;
  const { data } = loaded;
  // The steps measured are those of the revision chosen, else of the newest one on the device.
  const revision = data.revisions.find((r) => r.revision === filters.revision) ?? data.revisions[0];
  if (!revision) return <p role="alert">{t('monev.page.unknownSop', { id: sopId })}</p>;
  return <MonevDashboard data={data} revision={revision} filters={filters} go={go} now={now} calendar={calendar} />;
}

function MonevDashboard({ data, revision, filters, go, now, calendar }: {
  data: MonevData;
  revision: MonevData['revisions'][number];
  filters: MonevFilters;
  go: (next: MonevFilters) => void;
  now: number;
  calendar: ReturnType<typeof useRuntime>['calendar'];
}) {
  const { t, lang } = useI18n();
  const doc = revision.doc;
  const steps = useMemo(() => monevStepsOf(doc), [doc]);
  const query = useMemo(() => monevQueryOf(filters, calendar.timeZone), [filters, calendar.timeZone]);
  const measures = useMemo(() => monevMeasuresOfTables(data.tables, query, calendar, steps), [data.tables, query, calendar, steps]);
  const offices = useMemo(() => officesOf(data.tables), [data.tables]);
  const lanes = useMemo(() => doc.actors.map((a) => ({ id: a.id, label: textOf(a.label, a.id) })), [doc]);
  const laneLabel = (id: string | undefined) => (id ? actorLabel(doc, id) : '—');
  const drilled = filters.step ? measures.steps.find((s) => s.stepId === filters.step) : undefined;
  const drilledFacts = useMemo(() => (drilled ? factsOfStep(data.tables, query, drilled.stepId) : []), [data.tables, query, drilled]);
  const totals = measures.totals;
  const title = textOf(revision.title, revision.sopId);
  return (
    // data-filters: which filters the numbers on screen are for (a test or the benchmark waits on it).
    <section className="rt-section mv-page" aria-labelledby="mv-heading" data-filters={formatMonevFilters(filters)}>
      <p>
        <a href={hrefs.monevIndex()}>{t('monev.page.back')}</a>
      </p>
      <h2 id="mv-heading">{t('monev.page.heading', { title })}</h2>
      <MonevFiltersForm
        filters={filters}
        offices={offices}
        lanes={lanes}
        revisions={data.revisions.map((r) => r.revision)}
        now={now}
        timeZone={calendar.timeZone}
        onChange={go}
      />
      <p className="mv-summary" role="status">
        {t('monev.page.summary', {
          cases: formatCount(totals.started, lang),
          finished: formatCount(totals.finished.selesai + totals.finished.dirujuk + totals.finished.ditolak, lang),
          returned: formatCount(totals.returned, lang),
          cancelled: formatCount(totals.cancelled + totals.finished.dibatalkan, lang),
          open: formatCount(totals.open, lang),
        })}
      </p>
      {data.unreadable > 0 && <p role="alert">{t('monev.page.unreadable', { count: formatCount(data.unreadable, lang) })}</p>}
      <FillMonitoringForm data={data} revision={revision} filters={filters} measures={measures} title={title} laneLabel={laneLabel} />
      {drilled && (
        <StepCases
          facts={drilledFacts}
          query={query}
          step={drilled}
          which={filters.which ?? 'all'}
          calendar={calendar}
          onWhich={(which) => go({ ...filters, which })}
          onClose={() => go({ ...filters, step: undefined, which: undefined })}
        />
      )}
      {measures.cases === 0 ? (
        <p>{t('monev.page.noCases')}</p>
      ) : (
        <div className="mv-grid">
          <BottleneckRanking measures={measures} />
          <StepsAgainstStandard measures={measures} laneLabel={laneLabel} onShowCases={(step) => go({ ...filters, step, which: 'all' })} />
          <CountsOverTime measures={measures} />
          <LeadTimeChart measures={measures} />
          <WaitsAndReasons measures={measures} />
        </div>
      )}
      <MonevFormsList sopId={revision.sopId} />
    </section>
  );
}

/** "Isi formulir monitoring": a monitoring form prefilled from the measures under the current filters, saved and opened. */
function FillMonitoringForm({ data, revision, filters, measures, title, laneLabel }: {
  data: MonevData;
  revision: MonevData['revisions'][number];
  filters: MonevFilters;
  measures: MonevMeasures;
  title: string;
  laneLabel: (id: string | undefined) => string;
}) {
  const { db, calendar, now, person } = useRuntime();
  const { t, lang } = useI18n();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'creating' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const create = async () => {
    setState({ kind: 'creating' });
    try {
      const subject = subjectOf({ revision, title, filters, starts: startRangeOf(data.tables), laneLabel, now, timeZone: calendar.timeZone });
      const form = newMonitoringForm({ id: newId(), subject, measures, laneLabel, calendar, lang, now: new Date().toISOString(), person });
      await saveMonevForm(db, form);
      navigate(hrefs.monevForm(subject.sopId, form.id));
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="mv-fill">
      <button type="button" className="rt-button" disabled={state.kind === 'creating'} onClick={() => void create()}>
        {state.kind === 'creating' ? t('monev.form.creating') : t('monev.form.fillMonitoring')}
      </button>
      <span className="mv-fill__hint">{t('monev.form.fillMonitoringHint')}</span>
      {state.kind === 'failed' && <p role="alert">{state.message}</p>}
    </div>
  );
}
