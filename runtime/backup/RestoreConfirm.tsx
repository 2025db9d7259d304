import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../../ui/i18n';
import type { BackupCounts } from '../storage/backupSafety';
import { COUNT_KINDS } from './counts';

export interface RestoreConfirmProps {
  name: string;
  version: number;
  before: BackupCounts;
  after: BackupCounts;
  onConfirm: () => void;
  onCancel: () => void;
}

/** What a restore will replace, kind by kind (now → after), and the clerk's go-ahead. */
export function RestoreConfirm({ name, version, before, after, onConfirm, onCancel }: RestoreConfirmProps) {
  const { t } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the question, so keyboard and screen-reader users meet it first.
  useEffect(() => heading.current?.focus(), []);
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
              <td>{before[kind]}</td>
              <td>{after[kind]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="rt-muted">{t('backup.confirm.copyNote')}</p>
      <div className="rt-restore__actions">
        <button type="button" className="rt-button rt-button--danger" onClick={onConfirm}>
          {t('backup.confirm.replace')}
        </button>
        <button type="button" className="rt-button rt-button--secondary" onClick={onCancel}>
          {t('backup.confirm.cancel')}
        </button>
      </div>
    </section>
  );
}
