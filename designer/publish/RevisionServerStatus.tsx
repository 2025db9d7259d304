import { useState } from 'react';
import type { ServerPublicationStatus } from '../../core/sync';
import type { StoredSession } from '../../device';
import { useI18n } from '../../ui/i18n';
import { hasRole } from '../../ui/server/session';
import { formatDateTime, localized } from '../ui/localized';
import { refusalText } from './serverOutcomeNotice';

export interface RevisionServerStatusProps {
  number: number;
  /** Where the revision stands with the server; none: never queued (published before signing in, or locally only). */
  status: ServerPublicationStatus | undefined;
  session: StoredSession | null;
  /** Queues it (if it is not) and tries now. */
  onSend: () => Promise<void>;
}

/**
 * One revision's line in Riwayat revisi about the server: terkirim, menunggu
 * (with the last reason it did not get through), or ditolak with the server's
 * reason; and, for a publisher, a button to send one not sent yet or to try a
 * waiting one now rather than at the end of its backoff.
 */
export function RevisionServerStatus({ number, status, session, onSend }: RevisionServerStatusProps) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const publisher = hasRole(session, 'publisher');
  const send = async () => {
    setBusy(true);
    try {
      await onSend();
    } finally {
      setBusy(false);
    }
  };

  let text: string;
  let tone = 'revision-server';
  if (!status) text = t('sync.history.notSent');
  else if (status.state === 'sent') text = status.accepted ? t('sync.history.sentAt', { time: formatDateTime(status.accepted.publishedAt, lang) }) : t('sync.history.sent');
  else if (status.state === 'pending') text = status.lastProblem ? t('sync.history.pendingBecause', { reason: localized(status.lastProblem, lang) }) : t('sync.history.pending');
  else {
    text = `${t('sync.history.refused')}: ${localized(refusalText(status.refusal!), lang)}`;
    tone = 'revision-server revision-server--refused';
  }

  return (
    <div className={tone}>
      <p>
        <span className="revision-server__label">{t('sync.history.server')}</span> <span data-testid={`server-status-${number}`}>{text}</span>
      </p>
      {status?.state === 'pending' && !publisher && <p className="muted">{t('sync.history.waitsForPublisher')}</p>}
      {publisher && (!status || status.state === 'pending') && (
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          onClick={() => void send()}
          aria-label={t(status ? 'sync.history.sendNowFor' : 'sync.history.sendFor', { number })}
        >
          {t(status ? 'sync.history.sendNow' : 'sync.history.send')}
        </button>
      )}
    </div>
  );
}
