import { useCallback, useEffect, useState } from 'react';
import { AppShell } from '../ui/AppShell';
import { useT } from '../ui/i18n';
import { loadSamples } from '../samples';
import type { SopDocument } from '../schemas/generated/sop.types';
import { EditorScreen } from './editor/EditorScreen';
import { LibraryScreen } from './library/LibraryScreen';
import { DeviceDb, DEVICE_DB_NAME } from '../device';
import { openDesignerDb, SopRepository, type SessionRecord } from './storage';
import { deviceCatalogueTarget } from './storage/publication';
import './designer.css';

export interface AppProps {
  /** IndexedDB database name; tests and stories use their own so they never touch the drafter's data. */
  dbName?: string;
  /** What a new database is seeded with (default: the bundled samples). */
  seed?: () => readonly SopDocument[];
  /**
   * The device database shared with the runtime (the catalogue published revisions go to).
   * Defaults to the device's own; with a test `dbName`, to a database named after it.
   */
  deviceDbName?: string;
}

type Session = Omit<SessionRecord, 'key' | 'schemaVersion' | 'updatedAt'>;

/**
 * The drafting app: the library of SOPs in this browser, or one SOP open in
 * the editor. Which one (and which flow and view) is kept in IndexedDB, so a
 * reload comes back to exactly where the drafter was.
 */
export function App({ dbName, seed, deviceDbName }: AppProps) {
  const t = useT();
  const [repository] = useState(() => {
    const device = new DeviceDb(deviceDbName ?? (dbName ? `${dbName}.device` : DEVICE_DB_NAME));
    return new SopRepository(
      openDesignerDb({ ...(dbName ? { name: dbName } : {}), ...(seed ? { seed } : {}) }),
      undefined,
      deviceCatalogueTarget(device),
    );
  });
  const [samples] = useState(() => loadSamples());
  const [session, setSession] = useState<Session | null>(null);

  useEffect(() => {
    let active = true;
    void (async () => {
      await repository.purgeDeleted().catch(() => 0);
      // Revisions published while the catalogue could not be written reach it now.
      void repository.syncPublications().catch(() => 0);
      const stored = await repository.loadSession().catch(() => undefined);
      const opened = stored?.screen === 'editor' && stored.sopId && (await repository.exists(stored.sopId).catch(() => false));
      if (active) setSession(opened && stored ? stored : { screen: 'library' });
    })();
    return () => {
      active = false;
    };
  }, [repository]);

  const changeSession = useCallback(
    (next: Session) => {
      // Only a change of screen or SOP re-renders the app; flow, view and selection are just remembered.
      setSession((previous) =>
        previous && previous.screen === next.screen && previous.sopId === next.sopId ? previous : next,
      );
      void repository.saveSession(next).catch(() => {
        // Losing "which SOP was open" is harmless; the document itself is saved separately.
      });
    },
    [repository],
  );

  return (
    <AppShell title={t('designer.title')} startHref="../">
      {session === null ? (
        <p className="muted designer-loading">{t('designer.common.loading')}</p>
      ) : session.screen === 'editor' && session.sopId ? (
        <EditorScreen
          key={session.sopId}
          repository={repository}
          session={session}
          onSessionChange={changeSession}
          onClose={() => changeSession({ screen: 'library' })}
        />
      ) : (
        <div className="designer designer--library">
          <LibraryScreen
            repository={repository}
            samples={samples}
            onOpen={(sopId) => changeSession({ screen: 'editor', sopId })}
          />
        </div>
      )}
    </AppShell>
  );
}
