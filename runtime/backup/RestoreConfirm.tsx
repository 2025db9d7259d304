import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../ui/i18n';
import type { RestoreImpact } from '../storage/backup';
import type { BackupCounts } from '../storage/backupSafety';
import { COUNT_KINDS } from './counts';

export interface RestoreConfirmProps {
  name: string;
  version: number;
  before: BackupCounts;
  after: BackupCounts;
  /** What the restore does to the work waiting for the server (none said when absent). */
  impact?: RestoreImpact;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * What a restore will replace, kind by kind (now → after), and the clerk's
 * go-ahead. Said before it, plainly: unsent commands and review items of this
 * device that the backup does not hold (they go, and come back with the
 * undo), a change of the server the device is linked to, and unsent commands
 * from another device that this one would send under its own account (which
 * the clerk must acknowledge before the button is enabled).
 */
export function RestoreConfirm({ name, version, before, after, impact, onConfirm, onCancel }: RestoreConfirmProps) {
  const { t } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  // Focus moves to the question, so keyboard and screen-reader users meet it first.
  useEffect(() => heading.current?.focus(), []);
  const server = (url: string | undefined) => (url === undefined ? t('backup.confirm.notLinked') : url === '' ? t('backup.confirm.thisSite') : t('backup.confirm.server', { url }));
  const lost = !!impact && (impact.lostOutbox > 0 || impact.lostReview > 0);
  const foreign = !!impact && impact.foreignOutbox > 0;
  const linkChange = !!impact && impact.linkAfter !== impact.linkNow;
  const warnings = [lost && `${id}-lost`, linkChange && `${id}-link`, foreign && `${id}-foreign`].filter(Boolean).join(' ');
  return (
    <section className="rt-restore__confirm" role="group" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('backup.confirm.heading')}
      </h3>
      <p>{t('backup.confirm.intro', { name, version })}</p>
      <table className="rt-table rt-restore__counts">
        <thead>
          <tr>
            <th scope="col">{t('backup.confirm.kind')}</th>
            <th scope="col">{t('backup.confirm.now')}</th>
            <th scope="col">{t('backup.confirm.after')}</th>
          </tr>
        </thead>
        <tbody>
          {COUNT_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(`backup.kind.${kind}`)}</th>
              <td>{before[kind] ?? 0}</td>
              <td>{after[kind] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {impact && lost && (
        <p id={`${id}-lost`} className="rt-alert rt-alert--warning">
          {t('backup.confirm.lost', { outbox: impact.lostOutbox, review: impact.lostReview })}
        </p>
      )}
      {impact && linkChange && (
        <p id={`${id}-link`} className="rt-alert rt-alert--warning">
          {t('backup.confirm.linkChange', { now: server(impact.linkNow), after: server(impact.linkAfter) })}
        </p>
      )}
      {impact && foreign && (
        <div id={`${id}-foreign`} className="rt-alert rt-alert--warning">
          <p>{t('backup.confirm.foreign', { count: impact.foreignOutbox, server: server(impact.linkAfter) })}</p>
          <label>
            <input type="checkbox" checked={acknowledged} onChange={(event) => setAcknowledged(event.target.checked)} /> {t('backup.confirm.foreignAck')}
          </label>
        </div>
      )}
      <p className="rt-muted">{t('backup.confirm.copyNote')}</p>
      <div className="rt-restore__actions">
        <button type="button" className="rt-button rt-button--danger" disabled={foreign && !acknowledged} aria-describedby={warnings || undefined} onClick={onConfirm}>
          {t('backup.confirm.replace')}
        </button>
        <button type="button" className="rt-button rt-button--secondary" onClick={onCancel}>
          {t('backup.confirm.cancel')}
        </button>
      </div>
    </section>
  );
}
