import { useEffect, useMemo, useRef, useState } from 'react';
import type { MonevMeasures, MonevQuery, MonevStepInfo } from '../../core/monev';
import { actorLabel } from '../../core/engine';
import { factsOfStep, monevMeasuresOfTables, monevStepsOf, officesOf, startRangeOf } from '../../core/monev';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { textOf } from '../guard/Boundary';
import { hrefs, navigate } from '../router';
import { loadMonevData, loadMonevRevisions, type MonevData } from './loadMonevData';
import { keepMonevView, monevViewKey, readKeptMonevView, type MonevViewSummary } from './monevViewsStore';
import type { SopRow } from '../storage/db';
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

type FactsState = { kind: 'loading'; progress?: MonevFactsProgress } | { kind: 'ready'; data: MonevData } | { kind: 'failed'; message: string };

/** One SOP's monitoring dashboard: measures of its case record under the filters in the URL. */
export function MonevPage({ sopId, query }: { sopId: string; query: string }) {
  const { db, calendar, now } = useRuntime();
  const { t, lang } = useI18n();
  const [revisions, setRevisions] = useState<{ sopId: string; rows: SopRow[] } | { sopId: string; failed: string }>();
  const [facts, setFacts] = useState<FactsState>({ kind: 'loading' });
  // The facts are read once the first view's kept measures were looked for: IndexedDB answers that small read
  // after the facts' 100 MB, not before, if both are asked at once.
  const [factsWanted, setFactsWanted] = useState(false);
  useEffect(() => {
    let current = true;
    loadMonevRevisions(db, sopId).then(
      (rows) => current && setRevisions({ sopId, rows }),
      (error: unknown) => current && setRevisions({ sopId, failed: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [db, sopId]);
  useEffect(() => {
    if (!factsWanted) return;
    let current = true;
    setFacts({ kind: 'loading' });
    loadMonevData(db, sopId, calendar, (progress) => current && setFacts({ kind: 'loading', progress })).then(
      (data) => current && setFacts({ kind: 'ready', data }),
      (error: unknown) => current && setFacts({ kind: 'failed', message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [db, sopId, calendar, factsWanted]);
  const filters = useMemo(() => parseMonevFilters(query), [query]);
  const go = (next: MonevFilters) => navigate(hrefs.monev(sopId, formatMonevFilters(next)));

  const progress = facts.kind === 'loading' ? facts.progress : undefined;
  const loading = (
    <p role="status">
      {progress ? t('monev.page.folding', { done: formatCount(progress.folded, lang), total: formatCount(progress.toFold, lang) }) : t('monev.page.loading')}
    </p>
  );
  if (facts.kind === 'failed') return <p role="alert">{facts.message}</p>;
  if (!revisions || revisions.sopId !== sopId) return loading;
  if ('failed' in revisions) return <p role="alert">{revisions.failed}</p>;
  // The steps measured are those of the revision chosen, else of the newest one on the device.
  const revision = revisions.rows.find((r) => r.revision === filters.revision) ?? revisions.rows[0];
  if (!revision) return <p role="alert">{t('monev.page.unknownSop', { id: sopId })}</p>;
  return (
    <MonevDashboard
      facts={facts.kind === 'ready' ? facts.data : undefined}
      onFirstLook={() => setFactsWanted(true)}
      loading={loading}
      revisions={revisions.rows}
      revision={revision}
      filters={filters}
      go={go}
      now={now}
      calendar={calendar}
    />
  );
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The view's measures and what the page shows beside them, from the facts once read, until then from a kept view. */
function useMonevView(sopId: string, facts: MonevData | undefined, query: MonevQuery, steps: MonevStepInfo[], onFirstLook: () => void): MonevViewSummary | undefined {
  const { db, calendar } = useRuntime();
  const key = useMemo(() => monevViewKey(sopId, query, steps, calendar), [sopId, query, steps, calendar]);
  const tables = facts?.tables;
  const offices = useMemo(() => (tables ? officesOf(tables) : []), [tables]);
  const starts = useMemo(() => (tables ? startRangeOf(tables) : undefined), [tables]);
  const measured = useMemo(
    (): MonevViewSummary | undefined =>
      facts && {
        measures: monevMeasuresOfTables(facts.tables, query, calendar, steps),
        offices,
        ...(starts ? { starts } : {}),
        unreadable: facts.unreadable,
      },
    [facts, query, calendar, steps, offices, starts],
  );
  const [kept, setKept] = useState<{ key: string; view?: MonevViewSummary }>();
  const firstLook = useRef(onFirstLook);
  useEffect(() => {
    if (facts) return;
    let current = true;
    const looked = () => {
      firstLook.current();
      firstLook.current = () => undefined;
    };
    readKeptMonevView(db, sopId, calendar, key).then(
      (view) => {
        if (current) setKept({ key, ...(view ? { view } : {}) });
        looked();
      },
      looked,
    );
    return () => {
      current = false;
    };
  }, [db, sopId, calendar, key, facts]);
  const factsId = facts?.factsId;
  useEffect(() => {
    // Kept once the browser is idle after showing it (the write must not delay the filter's paint), so the next
    // open, or this filter again, can show it before the facts are read.
    if (!measured || !factsId) return;
    const keep = () => void keepMonevView(db, sopId, key, factsId, measured).catch(() => undefined);
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(keep, { timeout: 2_000 }) : undefined;
    const timer = idle === undefined ? setTimeout(keep, 200) : undefined;
    return () => {
      if (idle !== undefined) cancelIdleCallback(idle);
      clearTimeout(timer);
    };
  }, [db, sopId, key, factsId, measured]);
  return measured ?? (kept?.key === key ? kept.view : undefined);
}

function MonevDashboard({ facts, onFirstLook, loading, revisions, revision, filters, go, now, calendar }: {
  facts: MonevData | undefined;
  onFirstLook: () => void;
  loading: React.ReactNode;
  revisions: SopRow[];
  revision: SopRow;
  filters: MonevFilters;
  go: (next: MonevFilters) => void;
  now: number;
  calendar: ReturnType<typeof useRuntime>['calendar'];
}) {
  const { t, lang } = useI18n();
  const doc = revision.doc;
  const steps = useMemo(() => monevStepsOf(doc), [doc]);
  const query = useMemo(() => monevQueryOf(filters, calendar.timeZone), [filters, calendar.timeZone]);
  const view = useMonevView(revision.sopId, facts, query, steps, onFirstLook);
  const lanes = useMemo(() => doc.actors.map((a) => ({ id: a.id, label: textOf(a.label, a.id) })), [doc]);
  const measures = view?.measures;
  const drilled = filters.step ? measures?.steps.find((s) => s.stepId === filters.step) : undefined;
  const drilledFacts = useMemo(() => (drilled && facts ? factsOfStep(facts.tables, query, drilled.stepId) : undefined), [facts, query, drilled]);
  if (!view || !measures) return loading;
  const laneLabel = (id: string | undefined) => (id ? actorLabel(doc, id) : '—');
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
        offices={view.offices}
        lanes={lanes}
        revisions={revisions.map((r) => r.revision)}
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
      {view.unreadable > 0 && <p role="alert">{t('monev.page.unreadable', { count: formatCount(view.unreadable, lang) })}</p>}
      <FillMonitoringForm starts={view.starts} revision={revision} filters={filters} measures={measures} title={title} laneLabel={laneLabel} />
      {drilled &&
        (drilledFacts ? (
          <StepCases
            facts={drilledFacts}
            query={query}
            step={drilled}
            which={filters.which ?? 'all'}
            calendar={calendar}
            onWhich={(which) => go({ ...filters, which })}
            onClose={() => go({ ...filters, step: undefined, which: undefined })}
          />
        ) : (
          <p role="status">{t('monev.page.casesLoading')}</p>
        ))}
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
function FillMonitoringForm({ starts, revision, filters, measures, title, laneLabel }: {
  starts: MonevViewSummary['starts'];
  revision: SopRow;
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
      const subject = subjectOf({ revision, title, filters, starts, laneLabel, now, timeZone: calendar.timeZone });
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
