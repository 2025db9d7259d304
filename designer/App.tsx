import { useCallback, useEffect, useState } from 'react';
import { AppShell } from '../ui/AppShell';
import { useI18n } from '../ui/i18n';
import { loadSamples } from '../samples';
import type { SopDocument } from '../schemas/generated/sop.types';
import { EditorScreen } from './editor/EditorScreen';
import { LibraryScreen } from './library/LibraryScreen';
import { DeviceDb, DeviceStorageError, DEVICE_DB_NAME } from '../device';
import type { EditorStore } from './editor/editorStore';
import { attachOnOpening, openEvaluation } from './library/openEvaluation';
import { openRequestedSop, type OpenRequestNotice } from './library/openRequestedSop';
import { bilingual } from './ui/bilingual';
import { openDesignerDb, SopRepository, StorageError, type SessionRecord } from './storage';
import { deviceCatalogueTarget } from './storage/publication';
import { designerJournal, replayWriteAhead, type DesignerDurability } from './storage/writeAhead';
import { tabIdentity } from '../ui/durability/tabIdentity';
import { localized } from './ui/localized';
import { ServerPublisher } from './publish/serverPublisher';
import { DesignerServerProvider } from './server/DesignerServerContext';
import { ServerAccountButton } from './server/ServerAccount';
import type { ServerTransportOptions } from '../ui/server/transport';
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
  /**
   * An SOP id the page's URL asks to open (`designer/?sop=<id>`, the start
   * page's sample links). It wins over the remembered session.
   */
  openRequest?: string | null;
  /**
   * An SOP evaluation the URL asks to open (`designer/?evaluasi=<id>`, the
   * runtime's "Buka draf revisi di Perancang"): its SOP's revision draft opens
   * with the evaluator's notes. It wins over `openRequest` and the session.
   */
  evaluationRequest?: string | null;
  /** How to reach the server (by default the page's own fetch, same origin); `false`: no server at all. */
  server?: ServerTransportOptions | false;
}

const NO_OPTIONS: ServerTransportOptions = {};

type Session = Omit<SessionRecord, 'key' | 'schemaVersion' | 'updatedAt'>;

/**
 * The drafting app: the library of SOPs in this browser, or one SOP open in
 * the editor. Which one (and which flow and view) is kept in IndexedDB, so a
 * reload comes back to exactly where the drafter was.
 */
export function App({ dbName, seed, deviceDbName, openRequest = null, evaluationRequest = null, server = NO_OPTIONS }: AppProps) {
  const { t, lang } = useI18n();
  const [device] = useState(() => new DeviceDb(deviceDbName ?? (dbName ? `${dbName}.device` : DEVICE_DB_NAME)));
  const [repository] = useState(
    () => new SopRepository(openDesignerDb({ ...(dbName ? { name: dbName } : {}), ...(seed ? { seed } : {}) }), undefined, deviceCatalogueTarget(device)),
  );
  const [publisher] = useState(() => (server === false ? null : new ServerPublisher({ repository, device, ...server, events: window })));
  useEffect(() => {
    // Revisions that waited for the server (a closed tab, no network) go as soon as the designer opens.
    publisher?.start();
    return () => void publisher?.stop();
  }, [publisher]);
  const [samples] = useState(() => loadSamples());
  const [session, setSession] = useState<Session | null>(null);
  const [openingNotice, setOpeningNotice] = useState<OpenRequestNotice | undefined>(undefined);
  const [libraryNotice, setLibraryNotice] = useState<string | undefined>(undefined);
  const [evaluationOpening, setEvaluationOpening] = useState<{ sopId: string; action: (store: EditorStore) => void } | null>(null);
  const [durability, setDurability] = useState<DesignerDurability | null>(null);

  useEffect(() => {
    let active = true;
    void (async () => {
      // Changes that a reload or a closed tab cut off before IndexedDB held them go in first,
      // so the library and the editor show what the drafter last saw.
      const tabs = await tabIdentity();
      const journal = designerJournal(repository.db.name);
      const held = await replayWriteAhead(repository, journal, tabs).catch(() => new Map());
      if (!active) return;
      setDurability({ journal, tabId: tabs.id, held });
      await repository.purgeDeleted().catch(() => 0);
      // Revisions published while the catalogue could not be written reach it now.
      void repository.syncPublications().catch(() => 0);
      if (evaluationRequest) {
        let notice: string;
        try {
          const outcome = await openEvaluation(repository, device, evaluationRequest);
          if (!active) return;
          if (outcome.kind === 'opened') {
            setEvaluationOpening({ sopId: outcome.sopId, action: attachOnOpening(outcome) });
            const next: Session = { screen: 'editor', sopId: outcome.sopId };
            setSession(next);
            void repository.saveSession(next).catch(() => {});
            return;
          }
          notice =
            outcome.kind === 'missing-handoff'
              ? t('designer.evaluation.missingHandoff', { id: outcome.id })
              : t('designer.evaluation.missingSop', { sopId: outcome.handoff.sopId, revision: outcome.handoff.revision, title: outcome.handoff.title });
        } catch (error) {
          notice =
            error instanceof StorageError ? localized(error.userMessage, lang) : error instanceof DeviceStorageError ? localized(error.localized, lang) : String(error);
        }
        // Nothing was created: the library says why, rather than reopening another SOP.
        if (active) {
          setLibraryNotice(notice);
          setSession({ screen: 'library' });
        }
        return;
      }
      if (openRequest) {
        let notice: string;
        try {
          const outcome = await openRequestedSop(repository, samples, openRequest);
          if (!active) return;
          if (outcome.kind === 'opened') {
            setOpeningNotice(outcome.notice);
            const next: Session = { screen: 'editor', sopId: outcome.id };
            setSession(next);
            void repository.saveSession(next).catch(() => {});
            return;
          }
          notice = t('designer.openRequest.missing', { id: openRequest });
        } catch (error) {
          notice = error instanceof StorageError ? localized(error.userMessage, lang) : String(error);
        }
        // The link could not be honoured: the library says why, rather than reopening another SOP.
        if (active) {
          setLibraryNotice(notice);
          setSession({ screen: 'library' });
        }
        return;
      }
      const stored = await repository.loadSession().catch(() => undefined);
      const opened = stored?.screen === 'editor' && stored.sopId && (await repository.exists(stored.sopId).catch(() => false));
      if (active) setSession(opened && stored ? stored : { screen: 'library' });
    })();
    return () => {
      active = false;
    };
    // Runs once per database; the request is read when the page loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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

  const shell = (
    <AppShell title={t('designer.title')} startHref="../" actions={publisher ? <ServerAccountButton /> : undefined}>
      {session === null || durability === null ? (
        <p className="muted designer-loading">{t('designer.common.loading')}</p>
      ) : session.screen === 'editor' && session.sopId ? (
        <EditorScreen
          key={session.sopId}
          repository={repository}
          session={session}
          onSessionChange={changeSession}
          onClose={() => changeSession({ screen: 'library' })}
          durability={durability}
          {...(openingNotice && session.sopId === openRequest ? { openingNotice: bilingual(`designer.openRequest.${openingNotice}`) } : {})}
          {...(evaluationOpening && session.sopId === evaluationOpening.sopId ? { openingAction: evaluationOpening.action } : {})}
        />
      ) : (
        <div className="designer designer--library">
          <LibraryScreen
            repository={repository}
            samples={samples}
            onOpen={(sopId) => changeSession({ screen: 'editor', sopId })}
            {...(libraryNotice ? { initialNotice: libraryNotice } : {})}
          />
        </div>
      )}
    </AppShell>
  );
  return publisher && server !== false ? (
    <DesignerServerProvider device={device} publisher={publisher} transport={server}>
      {shell}
    </DesignerServerProvider>
  ) : (
    shell
  );
}
