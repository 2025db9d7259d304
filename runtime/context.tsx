import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_WORKING_CALENDAR, type WorkingCalendarConfig } from '../core/sla';
import { RuntimeDb } from './storage/db';
import { loadCalendar, requestPersistence, saveCalendar, seedPublishedSops } from './storage/repository';

export interface RuntimeContextValue {
  db: RuntimeDb;
  calendar: WorkingCalendarConfig;
  /** Saves a new working calendar; due times of steps activated from now on use it. */
  setCalendar: (calendar: WorkingCalendarConfig) => Promise<void>;
  /** The clock (ms); ticks every minute so overdue flags stay current. */
  now: number;
}

const RuntimeContext = createContext<RuntimeContextValue | null>(null);

export interface RuntimeProviderProps {
  /** The database; the clerk's real one by default. Tests and stories pass their own. */
  db?: RuntimeDb;
  /** Seed the published sample SOPs on first run (default true). */
  seed?: boolean;
  /** A fixed clock for stories and tests. */
  now?: number;
  children: ReactNode;
}

type Status = { kind: 'opening' } | { kind: 'ready'; calendar: WorkingCalendarConfig } | { kind: 'failed'; error: string };

/**
 * Opens the database, seeds the published samples on first run (loaded only
 * then, so later visits do not download them), asks for persistent storage,
 * and hands the database and the working calendar to every screen.
 */
export function RuntimeProvider({ db: given, seed = true, now: fixedNow, children }: RuntimeProviderProps) {
  const [db] = useState(() => given ?? new RuntimeDb());
  const [status, setStatus] = useState<Status>({ kind: 'opening' });
  const [tick, setTick] = useState(() => Date.now());

  useEffect(() => {
    let cancelled = false;
    (async () => {
      await db.open();
      if (seed && !(await db.meta.get('seededAt'))) {
        const { loadSamples } = await import('../samples/index');
        await seedPublishedSops(db, loadSamples());
      }
      void requestPersistence();
      const calendar = await loadCalendar(db);
      if (!cancelled) setStatus({ kind: 'ready', calendar });
    })().catch((error: unknown) => {
      if (!cancelled) setStatus({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
    };
  }, [db, seed]);

  useEffect(() => {
    if (fixedNow !== undefined) return;
    const timer = setInterval(() => setTick(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, [fixedNow]);

  const setCalendar = useCallback(
    async (calendar: WorkingCalendarConfig) => {
      await saveCalendar(db, calendar);
      setStatus({ kind: 'ready', calendar });
    },
    [db],
  );

  const value = useMemo<RuntimeContextValue | null>(
    () => (status.kind === 'ready' ? { db, calendar: status.calendar ?? DEFAULT_WORKING_CALENDAR, setCalendar, now: fixedNow ?? tick } : null),
    [db, status, fixedNow, tick, setCalendar],
  );

  if (status.kind === 'failed') {
    return <StorageFailure error={status.error} />;
  }
  if (!value) return <p role="status" className="rt-loading">…</p>;
  return <RuntimeContext.Provider value={value}>{children}</RuntimeContext.Provider>;
}

function StorageFailure({ error }: { error: string }) {
  // Plain text in both languages: the i18n provider is above, but keep this screen dependency-free.
  return (
    <div role="alert" className="rt-alert rt-alert--error">
      <p lang="id">Penyimpanan perangkat tidak dapat dibuka: {error}</p>
      <p lang="en">The device storage cannot be opened: {error}</p>
    </div>
  );
}

export function useRuntime(): RuntimeContextValue {
  const value = useContext(RuntimeContext);
  if (!value) throw new Error('useRuntime() must be used inside <RuntimeProvider>.');
  return value;
}
