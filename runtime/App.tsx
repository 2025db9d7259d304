import { Suspense, lazy, useState } from 'react';
import { AppShell } from '../ui/AppShell';
import { useT } from '../ui/i18n';
import { SopCatalogue } from './catalogue/SopCatalogue';
import { RuntimeProvider, useRuntime } from './context';
import { AppBoundary, PageBoundary } from './guard/Boundary';
import { hrefs, navigate, parseRoute, useRoute, type Route } from './router';
import { StorageStatusBar } from './StorageStatusBar';
import { RuntimeDb, TRIAL_DB_NAME } from './storage/db';
import { wipeTrialData } from './trial';
import { DemoBanner } from './monev/DemoBanner';
import { DEMO_DB_NAME } from './monev/demoNames';
import { SyncStatus } from './sync/SyncStatus';
import type { TransportOptions } from './sync/transport';
import './runtime.css';

export interface AppProps {
  /** The database; the clerk's real one (or the trial sandbox) when absent. Tests and stories pass a scratch one. */
  db?: RuntimeDb;
  /** Seed the published samples on first run (default true; never in a trial run). */
  seed?: boolean;
  /** A trial run of a draft ("Uji coba"): the sandbox database, clearly marked, wipeable. */
  trial?: boolean;
  /** The monev demo (`?contoh-monev`): its own database of made-up cases, clearly marked, wipeable. */
  demo?: boolean;
  /** How to reach the server (tests give an in-memory one; keep it stable across renders); `false` never syncs. */
  sync?: TransportOptions | false;
}

/** The clerk's app: SOP catalogue, cases, inbox, case list and receipts, offline in IndexedDB. */
export function App({ db, seed, trial = false, demo = false, sync }: AppProps) {
  const t = useT();
  const [database] = useState(() => db ?? (trial ? new RuntimeDb(TRIAL_DB_NAME) : demo ? new RuntimeDb(DEMO_DB_NAME) : undefined));
  useState(() => preloadScreen(parseRoute(window.location.hash)));
  return (
    <AppShell title={t('runtime.title')} startHref="../">
      <AppBoundary>
        <RuntimeProvider {...(database ? { db: database } : {})} seed={trial || demo ? false : (seed ?? true)} trial={trial} demo={demo} {...(sync !== undefined ? { sync } : {})}>
          {trial && <TrialBanner />}
          {demo && <DemoBanner />}
          <RuntimeScreens />
        </RuntimeProvider>
      </AppBoundary>
    </AppShell>
  );
}

function TrialBanner() {
  const t = useT();
  const { db } = useRuntime();
  const [wiped, setWiped] = useState(false);
  return (
    <div className="rt-trial" role="region" aria-label={t('runtime.trial.banner')}>
      <p>{t('runtime.trial.banner')}</p>
      <button
        type="button"
        className="rt-button rt-button--danger"
        onClick={async () => {
          await wipeTrialData(db);
          setWiped(true);
          navigate(hrefs.catalogue());
        }}
      >
        {t('runtime.trial.wipe')}
      </button>
      {wiped && <p role="status">{t('runtime.trial.wiped')}</p>}
    </div>
  );
}

function RuntimeScreens() {
  const t = useT();
  const route = useRoute();
  const { person } = useRuntime();
  const current = (names: Route['name'][]) => (names.includes(route.name) ? ('page' as const) : undefined);
  return (
    <>
      <nav className="rt-nav rt-no-print" aria-label={t('runtime.nav.label')}>
        <a href={hrefs.catalogue()} aria-current={current(['catalogue', 'start'])}>
          {t('runtime.nav.catalogue')}
        </a>
        <a href={hrefs.inbox()} aria-current={current(['inbox'])}>
          {t('runtime.nav.inbox')}
        </a>
        <a href={hrefs.cases()} aria-current={current(['cases', 'case', 'receipt'])}>
          {t('runtime.nav.cases')}
        </a>
        <a href={hrefs.monevIndex()} aria-current={current(['monevIndex', 'monev', 'monevForm'])}>
          {t('monev.nav')}
        </a>
        <a href={hrefs.settings()} aria-current={current(['settings'])}>
          {t('trust.nav.settings')}
        </a>
        <a href={hrefs.profile()} aria-current={current(['profile'])} className="rt-nav__person">
          {person ? t('runtime.nav.actingAs', { name: person.name }) : t('runtime.nav.noProfile')}
        </a>
      </nav>
      <SyncStatus />
      {/* A new filter of the monev page is the same page: it keeps its loaded case record. */}
      <PageBoundary key={route.name === 'monev' ? `monev|${route.sopId}` : JSON.stringify(route)}>
        <Suspense fallback={<p className="rt-loading">{t('runtime.loadingScreen')}</p>}>
          <Screen route={route} />
        </Suspense>
      </PageBoundary>
      <StorageStatusBar />
    </>
  );
}

// The catalogue (the first screen, `#/`) comes with the app; every other screen is loaded when first opened,
// so the first screen does not wait for the case engine's forms, the settings, bundles and backups. The service
// worker precaches every chunk, so a screen opened offline still loads.
const screenModules = {
  case: () => import('./case/CasePage'),
  cases: () => import('./cases/CaseList'),
  inbox: () => import('./inbox/Inbox'),
  profile: () => import('./profile/ProfilePage'),
  receipt: () => import('./receipt/Receipt'),
  settings: () => import('./settings/SettingsPage'),
  monevIndex: () => import('./monev/MonevIndex'),
  monev: () => import('./monev/MonevPage'),
  monevForm: () => import('./monev/MonevFormRoute'),
  start: () => import('./start/StartCase'),
} satisfies Partial<Record<Route['name'], () => Promise<unknown>>>;

/**
 * Starts loading the screen a page opens on while the databases open, rather
 * than after (a reload of the monev dashboard fetches its charts meanwhile).
 */
function preloadScreen(route: Route): void {
  const load = (screenModules as Partial<Record<Route['name'], () => Promise<unknown>>>)[route.name];
  void load?.().catch(() => undefined);
}

const CasePage = lazy(() => screenModules.case().then((m) => ({ default: m.CasePage })));
const CaseList = lazy(() => screenModules.cases().then((m) => ({ default: m.CaseList })));
const Inbox = lazy(() => screenModules.inbox().then((m) => ({ default: m.Inbox })));
const ProfilePage = lazy(() => screenModules.profile().then((m) => ({ default: m.ProfilePage })));
const Receipt = lazy(() => screenModules.receipt().then((m) => ({ default: m.Receipt })));
const SettingsPage = lazy(() => screenModules.settings().then((m) => ({ default: m.SettingsPage })));
const MonevIndex = lazy(() => screenModules.monevIndex().then((m) => ({ default: m.MonevIndex })));
const MonevPage = lazy(() => screenModules.monev().then((m) => ({ default: m.MonevPage })));
const MonevFormRoute = lazy(() => screenModules.monevForm().then((m) => ({ default: m.MonevFormRoute })));
const StartCasePage = lazy(() => screenModules.start().then((m) => ({ default: m.StartCasePage })));

function Screen({ route }: { route: Route }) {
  const t = useT();

  switch (route.name) {
    case 'catalogue':
      return <SopCatalogue />;
    case 'start':
      return <StartCasePage key={route.sopKey} sopKey={route.sopKey} />;
    case 'case':
      return <CasePage key={route.caseId} caseId={route.caseId} />;
    case 'receipt':
      return <Receipt caseId={route.caseId} />;
    case 'inbox':
      return <Inbox />;
    case 'cases':
      return <CaseList />;
    case 'settings':
      return <SettingsPage />;
    case 'profile':
      return <ProfilePage />;
    case 'monevIndex':
      return <MonevIndex />;
    case 'monev':
      return <MonevPage sopId={route.sopId} query={route.query} />;
    case 'monevForm':
      return <MonevFormRoute sopId={route.sopId} formId={route.formId} />;
    default:
      return <p role="alert">{t('runtime.notFound')}</p>;
  }
}
