import { useEffect, useMemo, useRef, useState } from 'react';
import type { MonevMeasures, MonevQuery, MonevStepInfo } from '../../core/monev';
import { actorLabel } from '../../core/engine';
import { factsOfStep, monevMeasuresOfTables, monevStepsOf, officesOf, startRangeOf } from '../../core/monev';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { textOf } from '../guard/Boundary';
import { hrefs, navigate } from '../router';
import { loadMonevData, loadMonevRevisions, type MonevData } from './loadMonevData';
import { keepMonevView, monevViewKey, readKeptMonevView, type KeptMonevView, type MonevViewSummary } from './monevViewsStore';
import type { SopRow } from '../storage/db';
import type { MonevFactsProgress } from './monevFactsStore';
import { BottleneckRanking, CountsOverTime, LeadTimeChart, StepsAgainstStandard, WaitsAndReasons } from './MonevCharts';
import { MonevFiltersForm } from './MonevFiltersForm';
import { formatMonevFilters, monevQueryOf, parseMonevFilters, type MonevFilters, type MonevSource } from './monevFilters';
import { MonevSourceSwitch } from './MonevSourceSwitch';
import { useServerMonev, useServerMonevFetch, type FetchServerMonev } from './serverMonev';
import { formatDateTime, localized } from '../format';
import { formatCount } from './monevFormat';
import { StepCases } from './StepCases';
import { newMonitoringForm, subjectOf } from './formCreate';
import { saveMonevForm } from './formStore';
import { MonevFormsList } from './MonevFormsList';
import { newId } from '../storage/repository';

type FactsState = { kind: 'loading'; progress?: MonevFactsProgress } | { kind: 'ready'; data: MonevData } | { kind: 'failed'; message: string };

/**
 * One SOP's monitoring dashboard: measures of its case record under the filters in the URL, from the cases on
 * this device or, when it is linked and signed in, from the server. `fetchServerMonev` stands in for the
 * server in stories, `loadFacts` for the device's facts.
 */
export function MonevPage({ sopId, query, fetchServerMonev, loadFacts = loadMonevData }: {
  sopId: string;
  query: string;
  fetchServerMonev?: FetchServerMonev;
  /** Reads the device's facts; stories stand in a slow device with it. */
  loadFacts?: typeof loadMonevData;
}) {
  const { db, calendar, now } = useRuntime();
  const { t, lang } = useI18n();
  const linkedServer = useServerMonevFetch();
  const fetchServer = fetchServerMonev ?? linkedServer;
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
    loadFacts(db, sopId, calendar, (progress) => current && setFacts({ kind: 'loading', progress })).then(
      (data) => current && setFacts({ kind: 'ready', data }),
      (error: unknown) => current && setFacts({ kind: 'failed', message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [db, sopId, calendar, factsWanted, loadFacts]);
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
  // The server is a source only for a device linked to it and signed in: it answers for the account's office.
  const sourceSwitch = fetchServer && <MonevSourceSwitch source={filters.source} onChange={(source) => go(withSource(filters, source))} />;
  const props = { revisions: revisions.rows, revision, filters, go, now, calendar, sourceSwitch };
  if (filters.source === 'server' && fetchServer) return <ServerDashboard {...props} fetchMonev={fetchServer} />;
  return (
    <DeviceDashboard
      {...props}
      facts={facts.kind === 'ready' ? facts.data : undefined}
      onFirstLook={() => setFactsWanted(true)}
      loading={loading}
      notice={filters.source === 'server' && <p role="alert" className="rt-alert rt-alert--warning">{t('monev.source.signedOut')}</p>}
    />
  );
}

/** The filters under another source: the server's has no office filter and no drill-down to carry over. */
function withSource(filters: MonevFilters, source: MonevSource | undefined): MonevFilters {
  const { source: _previous, ...rest } = filters;
  if (!source) return rest;
  const { office: _office, step: _step, which: _which, ...kept } = rest;
  return { ...kept, source };
}

/** A user timing measure: the benchmark (and a developer's profile) tells measuring from drawing. */
function timedMeasure<T>(measure: () => T): T {
  const begun = performance.now();
  const result = measure();
  performance.measure('monev:measure', { start: begun });
  return result;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The view's measures and what the page shows beside them, from the facts once read, until then from a kept view
 * (`staleSince`: measured then, on facts older than the record's).
 */
function useMonevView(
  sopId: string,
  facts: MonevData | undefined,
  query: MonevQuery,
  steps: MonevStepInfo[],
  onFirstLook: () => void,
): { summary?: MonevViewSummary; staleSince?: number } {
  const { db, calendar } = useRuntime();
  const key = useMemo(() => monevViewKey(sopId, query, steps, calendar), [sopId, query, steps, calendar]);
  const tables = facts?.tables;
  const offices = useMemo(() => (tables ? officesOf(tables) : []), [tables]);
  const starts = useMemo(() => (tables ? startRangeOf(tables) : undefined), [tables]);
  const measured = useMemo(
    (): MonevViewSummary | undefined =>
      facts && {
        measures: timedMeasure(() => monevMeasuresOfTables(facts.tables, query, calendar, steps)),
        offices,
        ...(starts ? { starts } : {}),
        unreadable: facts.unreadable,
      },
    [facts, query, calendar, steps, offices, starts],
  );
  const [kept, setKept] = useState<{ key: string; view?: KeptMonevView }>();
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
  if (measured) return { summary: measured };
  const shown = kept?.key === key ? kept.view : undefined;
  return shown ? { summary: shown.view, ...(shown.stale ? { staleSince: shown.savedAt } : {}) } : {};
}

interface DashboardProps {
  revisions: SopRow[];
  revision: SopRow;
  filters: MonevFilters;
  go: (next: MonevFilters) => void;
  now: number;
  calendar: ReturnType<typeof useRuntime>['calendar'];
  /** The source switch, when the server is a source on offer. */
  sourceSwitch: React.ReactNode;
}

/** The dashboard over the cases on this device: drill-down to the cases and the monitoring form work here. */
function DeviceDashboard({ facts, onFirstLook, loading, notice, ...props }: DashboardProps & {
  facts: MonevData | undefined;
  onFirstLook: () => void;
  loading: React.ReactNode;
  /** Said above the numbers (why the server's were asked for and these are shown). */
  notice?: React.ReactNode;
}) {
  const { revision, filters, go, calendar } = props;
  const steps = useMemo(() => monevStepsOf(revision.doc), [revision.doc]);
  const query = useMemo(() => monevQueryOf(filters, calendar.timeZone), [filters, calendar.timeZone]);
  const { summary: view, staleSince } = useMonevView(revision.sopId, facts, query, steps, onFirstLook);
  const measures = view?.measures;
  const drilled = filters.step ? measures?.steps.find((s) => s.stepId === filters.step) : undefined;
  const drilledFacts = useMemo(() => (drilled && facts ? factsOfStep(facts.tables, query, drilled.stepId) : undefined), [facts, query, drilled]);
  const { t, lang } = useI18n();
  if (!view || !measures) return loading;
  const stale = staleSince !== undefined;
  return (
    <DashboardBody
      {...props}
      measures={measures}
      shownFor={filters}
      stale={stale}
      offices={view.offices}
      unreadable={view.unreadable}
      notices={
        <>
          {notice}
          {stale && (
            <p role="status" className="rt-alert rt-alert--info mv-stale">
              {t('monev.page.stale', { time: formatDateTime(staleSince, lang, calendar.timeZone) })}
            </p>
          )}
        </>
      }
      onShowCases={(step) => go({ ...filters, step, which: 'all' })}
      // A form is prefilled from current numbers only: while stale ones are shown, it waits for them.
      fillForm={(title, laneLabel) => !stale && <FillMonitoringForm starts={view.starts} revision={revision} filters={filters} measures={measures} title={title} laneLabel={laneLabel} />}
      drill={
        drilled &&
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
        ))
      }
    />
  );
}

/**
 * The dashboard over every case the office reads, measured by the server. The server does not say which offices
 * its cases are of, so there is no office filter; the cases behind the numbers stay on the server, so the
 * drill-down and the monitoring form stay with the device's source.
 */
function ServerDashboard({ fetchMonev, ...props }: DashboardProps & { fetchMonev: FetchServerMonev }) {
  const { t, lang } = useI18n();
  const { revision, filters, calendar } = props;
  const asked = useMemo((): MonevFilters => {
    const { office: _office, step: _step, which: _which, ...rest } = filters;
    return rest;
  }, [filters]);
  const key = formatMonevFilters(asked);
  const query = useMemo(() => monevQueryOf(asked, calendar.timeZone), [asked, calendar.timeZone]);
  const state = useServerMonev(fetchMonev, revision.sopId, query, key);
  const shown = state.shown;
  const notices = (
    <>
      {state.loading && <p role="status">{t('monev.source.loading')}</p>}
      {state.failure && <p role="alert" className="rt-alert rt-alert--error">{t('monev.source.failed', { message: localized(state.failure, lang) })}</p>}
      {shown && shown.key !== key && !state.loading && <p>{t('monev.source.stale')}</p>}
      <p className="mv-fill__hint">{t('monev.source.deviceOnly')}</p>
    </>
  );
  return <DashboardBody {...props} filters={asked} measures={shown?.measures} shownFor={shown ? parseMonevFilters(shown.key) : undefined} notices={notices} unreadable={0} />;
}

function DashboardBody({ revisions, revision, filters, go, now, calendar, sourceSwitch, measures, shownFor, offices, unreadable, notices, onShowCases, fillForm, drill, stale }: DashboardProps & {
  /** Absent until the first numbers arrive (the server's source shows its status and filters meanwhile). */
  measures: MonevMeasures | undefined;
  /** The filters the numbers shown are for. */
  shownFor: MonevFilters | undefined;
  offices?: readonly string[];
  unreadable: number;
  notices?: React.ReactNode;
  onShowCases?: (stepId: string) => void;
  fillForm?: (title: string, laneLabel: (id: string | undefined) => string) => React.ReactNode;
  drill?: React.ReactNode;
  /** The numbers are a kept view of older facts, shown until the current ones are measured. */
  stale?: boolean;
}) {
  const { t, lang } = useI18n();
  const doc = revision.doc;
  const lanes = useMemo(() => doc.actors.map((a) => ({ id: a.id, label: textOf(a.label, a.id) })), [doc]);
  const laneLabel = (id: string | undefined) => (id ? actorLabel(doc, id) : '—');
  const totals = measures?.totals;
  const title = textOf(revision.title, revision.sopId);
  return (
    // data-filters: which filters the numbers on screen are for, data-stale: that they are a kept view of older facts
    // (a test or the benchmark waits on them).
    <section
      className="rt-section mv-page"
      aria-labelledby="mv-heading"
      {...(shownFor ? { 'data-filters': formatMonevFilters(shownFor) } : {})}
      {...(stale ? { 'data-stale': 'true' } : {})}
    >
      <p>
        <a href={hrefs.monevIndex()}>{t('monev.page.back')}</a>
      </p>
      <h2 id="mv-heading">{t('monev.page.heading', { title })}</h2>
      {sourceSwitch}
      <MonevFiltersForm
        filters={filters}
        {...(offices ? { offices } : {})}
        lanes={lanes}
        revisions={revisions.map((r) => r.revision)}
        now={now}
        timeZone={calendar.timeZone}
        onChange={go}
      />
      {notices}
      {totals && (
        <p className="mv-summary" role="status">
          {t('monev.page.summary', {
            cases: formatCount(totals.started, lang),
            finished: formatCount(totals.finished.selesai + totals.finished.dirujuk + totals.finished.ditolak, lang),
            returned: formatCount(totals.returned, lang),
            cancelled: formatCount(totals.cancelled + totals.finished.dibatalkan, lang),
            open: formatCount(totals.open, lang),
          })}
        </p>
      )}
      {unreadable > 0 && <p role="alert">{t('monev.page.unreadable', { count: formatCount(unreadable, lang) })}</p>}
      {measures && fillForm?.(title, laneLabel)}
      {drill}
      {measures &&
        (measures.cases === 0 ? (
          <p>{t('monev.page.noCases')}</p>
        ) : (
          <div className="mv-grid">
            <BottleneckRanking measures={measures} />
            <StepsAgainstStandard measures={measures} laneLabel={laneLabel} {...(onShowCases ? { onShowCases } : {})} />
            <CountsOverTime measures={measures} />
            <LeadTimeChart measures={measures} />
            <WaitsAndReasons measures={measures} />
          </div>
        ))}
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
