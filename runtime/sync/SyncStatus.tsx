import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { formatDateTime, localized } from '../format';
import { hrefs } from '../router';
import type { SyncActivity } from './syncClient';
import { CATALOGUE_CONFLICTS_KEY, LAST_ERROR_KEY, LAST_SYNC_KEY, syncValue, type CatalogueConflict, type SyncFailure } from './syncStore';

export interface SyncStatusViewProps {
  online: boolean;
  signedIn: boolean;
  activity: SyncActivity | null;
  /** Commands waiting in the outbox. */
  pending: number;
  /** Commands kept for review, on all cases. */
  review: number;
  lastSyncAt: number | undefined;
  error: SyncFailure | undefined;
  /** Revisions the server holds under a number this device holds with other content. */
  catalogueConflicts?: readonly CatalogueConflict[] | undefined;
  timeZone: string;
  onSyncNow?: () => void;
}

/** One line in the status bar: connection, what waits to be sent, when the last sync was, and what went wrong. */
export function SyncStatusView({ online, signedIn, activity, pending, review, lastSyncAt, error, catalogueConflicts = [], timeZone, onSyncNow }: SyncStatusViewProps) {
  const { lang, t } = useI18n();
  // Still holding the account (it stays the person acting) while the server has ended its session.
  const sessionEnded = signedIn && !!error?.signedOut;
  const connection = !online ? t('sync.status.offline') : activity === 'syncing' ? t('sync.status.syncing') : t('sync.status.online');
  return (
    <section className="rt-sync rt-no-print" aria-label={t('sync.status.label')}>
      <span className={`rt-status ${online ? 'rt-status--finished' : 'rt-status--returned'}`} role="status">
        {connection}
      </span>
      <span>{pending > 0 ? t('sync.status.pending', { count: pending }) : t('sync.status.allSent')}</span>
      <span className="rt-muted">{lastSyncAt ? t('sync.status.lastSync', { time: formatDateTime(lastSyncAt, lang, timeZone) }) : t('sync.status.never')}</span>
      {review > 0 && (
        <a className="rt-status rt-status--overdue" href={hrefs.cases()}>
          {t('sync.status.review', { count: review })}
        </a>
      )}
      {!signedIn || sessionEnded ? (
        <p role="alert" className="rt-alert rt-alert--warning">
          {t(sessionEnded ? 'sync.status.sessionEnded' : 'sync.status.signedOut')} <a href={hrefs.settings()}>{t('sync.status.signIn')}</a>
        </p>
      ) : (
        error &&
        online && (
          <p role="alert" className="rt-alert">
            {t('sync.status.error', { message: localized(error.message, lang) })}
          </p>
        )
      )}
      {catalogueConflicts.map((c) => (
        <p key={`${c.sopId}@${c.revision}`} className="rt-alert rt-alert--warning">
          {t('sync.status.catalogueConflict', { title: c.title, revision: c.revision })}
        </p>
      ))}
      {signedIn && !sessionEnded && online && onSyncNow && (
        <button type="button" className="rt-link-button" onClick={onSyncNow}>
          {t('sync.status.syncNow')}
        </button>
      )}
    </section>
  );
}

/** The stored list, leaving out anything damaged (written by hand or another version). */
function conflictsOf(value: unknown): CatalogueConflict[] {
  if (!Array.isArray(value)) return [];
  return value.filter((c: Partial<CatalogueConflict> | null) => typeof c?.sopId === 'string' && typeof c.revision === 'number' && typeof c.title === 'string');
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine !== false);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** The sync status of this device; nothing on a device that is not linked to a server. */
export function SyncStatus() {
  const { db, link, session, syncClient, syncActivity, calendar } = useRuntime();
  const online = useOnline();
  // Read live from the database, so every tab shows what the syncing tab did.
  const counts = useLiveQuery(
    async () => ({
      pending: await db.outbox.count(),
      review: await db.review.count(),
      lastSyncAt: await syncValue<number>(db, LAST_SYNC_KEY),
      error: await syncValue<SyncFailure>(db, LAST_ERROR_KEY),
      catalogueConflicts: conflictsOf(await syncValue<unknown>(db, CATALOGUE_CONFLICTS_KEY)),
    }),
    [db],
  );
  if (!link || !counts) return null;
  return (
    <SyncStatusView
      online={online}
      signedIn={!!session}
      activity={syncActivity}
      {...counts}
      timeZone={calendar.timeZone}
      {...(syncClient ? { onSyncNow: () => syncClient.requestSync() } : {})}
    />
  );
}
