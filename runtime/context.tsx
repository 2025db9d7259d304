import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { laneKeyOf, type LaneRef, type PersonRef } from '../core/people';
import { DEFAULT_WORKING_CALENDAR, type WorkingCalendarConfig } from '../core/sla';
import { currentProfile, DeviceDb, isCatalogueSeeded, personOf, seedCatalogue, type ProfileRow } from '../device';
import { deviceCatalogue, trialCatalogue, type RuntimeCatalogue } from './catalogue/runtimeCatalogue';
import { RuntimeDb } from './storage/db';
import { deviceDbNameFor } from './storage/deviceDbFor';
import { loadCalendar, requestPersistence, saveCalendar } from './storage/repository';
import { serverLink, setServerLink, type ServerLink } from './storage/outbox';
import type { SyncActivity, SyncClient } from './sync/syncClient';
import { storedSession } from '../device';
import { adoptLegacySession, sessionForLink } from './sync/session';
import { personOfSession, type StoredSession } from './sync/syncStore';
import type { TransportOptions } from './sync/transport';

export interface RuntimeContextValue {
  db: RuntimeDb;
  /** The storage shared with the designer: the catalogue of published revisions and the people. */
  device: DeviceDb;
  /** The SOPs new cases can start on. */
  catalogue: RuntimeCatalogue;
  calendar: WorkingCalendarConfig;
  /** Saves a new working calendar; due times of steps activated from now on use it. */
  setCalendar: (calendar: WorkingCalendarConfig) => Promise<void>;
  /** Reads the working calendar again (a restore replaced the stored one). */
  reloadCalendar: () => Promise<void>;
  /** The clock (ms); ticks every minute so overdue flags stay current. */
  now: number;
  /** The person acting on this device (recorded on every event), or null until someone says who they are. */
  person: PersonRef | null;
  /** The lanes the acting person may act as (`${sopId}|${actorId}`). */
  myLaneKeys: readonly string[];
  profile: ProfileRow | null;
  /** The server this device is linked to, if any (a local-only device has none and never syncs). */
  link: ServerLink | null;
  /** The signed-in account; while present it is the person, and its positions are the lanes. */
  session: StoredSession | null;
  /** The sync loop of this page (null when not linked); `syncActivity` is what it is doing. */
  syncClient: SyncClient | null;
  syncActivity: SyncActivity | null;
  /** How this page talks to the server (tests and stories give an in-memory one). */
  transport: TransportOptions;
  /** The monev demo database (`?contoh-monev`): made-up cases, never synced. */
  demo: boolean;
}

const RuntimeContext = createContext<RuntimeContextValue | null>(null);

export interface RuntimeProviderProps {
  /** The database; the clerk's real one by default. Tests and stories pass their own. */
  db?: RuntimeDb;
  /** The shared device database; by default the device's own, or one named after a test's `db`. */
  device?: DeviceDb;
  /** Seed the published sample SOPs into the catalogue on first run (default true). */
  seed?: boolean;
  /** A trial run: the catalogue is the sandbox's drafts. */
  trial?: boolean;
  /** The monev demo database: the device's catalogue, but no server and no sample seeding. */
  demo?: boolean;
  /** A fixed clock for stories and tests. */
  now?: number;
  /** A fixed person (stories, tests); by default the device's acting profile. */
  person?: PersonRef | null;
  /** The fixed person's lanes. */
  lanes?: readonly LaneRef[];
  /** How to reach the server (by default the page's fetch and EventSource); `false` never syncs. */
  sync?: TransportOptions | false;
  children: ReactNode;
}

/** Who acts in a trial run when nobody on the device has a profile: a drafter trying a draft needs no paperwork. */
export const TRIAL_PERSON: PersonRef = { id: 'uji-coba', name: 'Penguji (uji coba)' };

type Status = { kind: 'opening' } | { kind: 'ready'; calendar: WorkingCalendarConfig } | { kind: 'failed'; error: string };

function defaultDevice(db: RuntimeDb | undefined): DeviceDb {
  return new DeviceDb(deviceDbNameFor(db));
}

/**
 * Opens the databases, seeds the published samples into the catalogue on the
 * device's first run (loaded only then, so later visits do not download them),
 * asks for persistent storage, and hands the databases, the catalogue, the
 * working calendar and the acting person to every screen.
 */
const NO_TRANSPORT: TransportOptions = {};

export function RuntimeProvider({ db: given, device: givenDevice, seed = true, trial = false, demo = false, now: fixedNow, person: fixedPerson, lanes: fixedLanes, sync = NO_TRANSPORT, children }: RuntimeProviderProps) {
  const [db] = useState(() => given ?? new RuntimeDb());
  const [device] = useState(() => givenDevice ?? defaultDevice(given));
  const [catalogue] = useState(() => (trial ? trialCatalogue(db) : deviceCatalogue(device, db)));
  // Neither a trial sandbox nor the demo database ever talks to a server or takes over its session.
  const sandbox = trial || demo;
  const [status, setStatus] = useState<Status>({ kind: 'opening' });
  const [tick, setTick] = useState(() => Date.now());

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const opening = performance.now();
      await Promise.all([db.open(), device.open()]);
      // User timings a profile (and the monev benchmark) reads: how long the databases took to open.
      performance.measure('runtime:open-databases', { start: opening });
      if (!sandbox) await adoptLegacySession(db, device);
      if (seed && !sandbox && !(await isCatalogueSeeded(device))) {
        const { loadSamples } = await import('../samples/index');
        await seedCatalogue(device, loadSamples());
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
  }, [db, device, seed, sandbox]);

  useEffect(() => {
    if (fixedNow !== undefined) return;
    const timer = setInterval(() => setTick(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, [fixedNow]);

  const profile = useLiveQuery(async () => (fixedPerson === undefined ? ((await currentProfile(device)) ?? null) : null), [device, fixedPerson]);

  const link = useLiveQuery(async () => (sandbox ? null : ((await serverLink(db)) ?? null)), [db, sandbox]);
  // The account is shared with the designer (same origin, same cookie); it counts here only for the linked server.
  const sharedSession = useLiveQuery(async () => (sandbox ? null : ((await storedSession(device)) ?? null)), [device, sandbox]);
  const session = link === undefined || sharedSession === undefined ? undefined : (sessionForLink(sharedSession ?? undefined, link ?? undefined) ?? null);
  // Signed in (in the designer) while this device is linked nowhere: signing in here would link it, so
  // the account seen here does too; cases are then sent to the server the user signed in to.
  useEffect(() => {
    if (link === null && sharedSession && status.kind === 'ready' && sync !== false) void setServerLink(db, sharedSession.baseUrl).catch(() => undefined);
  }, [db, link, sharedSession, status.kind, sync]);
  const [syncClient, setSyncClient] = useState<SyncClient | null>(null);
  const [syncActivity, setSyncActivity] = useState<SyncActivity | null>(null);
  const transport = sync === false ? NO_TRANSPORT : sync;
  const linked = !!link && sync !== false && status.kind === 'ready';
  useEffect(() => {
    if (!linked) return;
    // Loaded only on a device linked to a server: a local-only device never needs the sync code.
    let client: SyncClient | undefined;
    let cancelled = false;
    void import('./sync/syncClient').then(({ SyncClient }) => {
      if (cancelled) return;
      client = new SyncClient({ db, device, ...transport, onActivity: setSyncActivity });
      client.start();
      setSyncClient(client);
    });
    return () => {
      cancelled = true;
      setSyncClient(null);
      setSyncActivity(null);
      void client?.stop();
    };
  }, [db, device, linked, transport]);
  // A sign-in (in this tab or another) wakes the loop at once.
  const sessionId = session ? `${session.user.id}@${session.signedInAt}` : null;
  useEffect(() => {
    if (sessionId) syncClient?.requestSync();
  }, [syncClient, sessionId]);

  const setCalendar = useCallback(
    async (calendar: WorkingCalendarConfig) => {
      await saveCalendar(db, calendar);
      setStatus({ kind: 'ready', calendar });
    },
    [db],
  );

  const reloadCalendar = useCallback(async () => setStatus({ kind: 'ready', calendar: await loadCalendar(db) }), [db]);

  const value = useMemo<RuntimeContextValue | null>(() => {
    if (status.kind !== 'ready' || profile === undefined || link === undefined || session === undefined) return null;
    // With a server, the signed-in user is the person and their positions are the lanes; without, the local profile.
    const person = fixedPerson !== undefined ? fixedPerson : session ? personOfSession(session) : profile ? personOf(profile) : trial ? TRIAL_PERSON : null;
    const ownLanes = session ? session.user.positions : profile?.lanes;
    // A stored profile may be damaged (written by an older version or by hand): lanes that are not lanes are ignored.
    const lanes = (fixedPerson !== undefined ? (fixedLanes ?? []) : Array.isArray(ownLanes) ? ownLanes : []).filter(
      (lane) => typeof lane?.sopId === 'string' && typeof lane.actorId === 'string',
    );
    return {
      db,
      device,
      catalogue,
      calendar: status.calendar ?? DEFAULT_WORKING_CALENDAR,
      setCalendar,
      reloadCalendar,
      now: fixedNow ?? tick,
      person,
      myLaneKeys: lanes.map(laneKeyOf),
      profile: profile ?? null,
      link,
      session,
      syncClient,
      syncActivity,
      transport,
      demo,
    };
  }, [db, device, catalogue, status, fixedNow, tick, setCalendar, reloadCalendar, profile, fixedPerson, fixedLanes, trial, demo, link, session, syncClient, syncActivity, transport]);

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
