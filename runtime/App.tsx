import { useState } from 'react';
import { AppShell } from '../ui/AppShell';
import { useT } from '../ui/i18n';
import { CasePage } from './case/CasePage';
import { CaseList } from './cases/CaseList';
import { SopCatalogue } from './catalogue/SopCatalogue';
import { RuntimeProvider, useRuntime } from './context';
import { PageBoundary } from './guard/Boundary';
import { Inbox } from './inbox/Inbox';
import { ProfilePage } from './profile/ProfilePage';
import { Receipt } from './receipt/Receipt';
import { CalendarSettingsForm } from './settings/CalendarSettings';
import { TrustedKeysPanel } from './settings/TrustedKeys';
import { CaseOnlyRevisions } from './catalogue/CaseOnlyRevisions';
import { hrefs, navigate, useRoute, type Route } from './router';
import { StartCasePage } from './start/StartCase';
import { StorageStatusBar } from './StorageStatusBar';
import { RuntimeDb, TRIAL_DB_NAME } from './storage/db';
import { wipeTrialData } from './trial';
import { ServerSettings } from './settings/ServerSettings';
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
  /** How to reach the server (tests give an in-memory one; keep it stable across renders); `false` never syncs. */
  sync?: TransportOptions | false;
}

/** The clerk's app: SOP catalogue, cases, inbox, case list and receipts, offline in IndexedDB. */
export function App({ db, seed, trial = false, sync }: AppProps) {
  const t = useT();
  const [database] = useState(() => db ?? (trial ? new RuntimeDb(TRIAL_DB_NAME) : undefined));
  return (
    <AppShell title={t('runtime.title')} startHref="../">
      <RuntimeProvider {...(database ? { db: database } : {})} seed={trial ? false : (seed ?? true)} trial={trial} {...(sync !== undefined ? { sync } : {})}>
        {trial && <TrialBanner />}
        <RuntimeScreens />
      </RuntimeProvider>
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
        <a href={hrefs.settings()} aria-current={current(['settings'])}>
          {t('trust.nav.settings')}
        </a>
        <a href={hrefs.profile()} aria-current={current(['profile'])} className="rt-nav__person">
          {person ? t('runtime.nav.actingAs', { name: person.name }) : t('runtime.nav.noProfile')}
        </a>
      </nav>
      <SyncStatus />
      <PageBoundary key={JSON.stringify(route)}>
        <Screen route={route} />
      </PageBoundary>
      <StorageStatusBar />
    </>
  );
}

function CalendarSettings() {
  const { calendar, setCalendar, catalogue } = useRuntime();
  return (
    <>
      {catalogue.kind === 'device' && <ServerSettings />}
      <CalendarSettingsForm calendar={calendar} onSave={setCalendar} />
      <TrustedKeysPanel />
      {catalogue.kind === 'device' && <CaseOnlyRevisions />}
    </>
  );
}

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
      return <CalendarSettings />;
    case 'profile':
      return <ProfilePage />;
    default:
      return <p role="alert">{t('runtime.notFound')}</p>;
  }
}
