import { useEffect, useState } from 'react';
import { useI18n } from '../ui/i18n';
import { formatBytes } from './format';
import { storageStatus, type StorageStatus } from './storage/repository';

/** From this share of the quota on, the clerk is warned before writes start to fail. */
export const NEARLY_FULL_RATIO = 0.9;

/** Device storage used, whether the browser promised to keep it, and a warning before it fills up. */
export function StorageStatusBar({ status: given }: { status?: StorageStatus }) {
  const { lang, t } = useI18n();
  const [status, setStatus] = useState<StorageStatus | null>(given ?? null);
  useEffect(() => {
    if (given) return;
    let live = true;
    void storageStatus().then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, [given]);
  if (!status) return null;
  const ratio = status.usage !== null && status.quota ? status.usage / status.quota : 0;
  return (
    <footer className="rt-storage">
      {ratio >= NEARLY_FULL_RATIO && (
        <p role="alert" className="rt-alert rt-alert--warning">
          {t('durability.runtime.nearlyFull', { percent: Math.floor(ratio * 100) })}
        </p>
      )}
      {status.usage !== null && status.quota !== null && (
        <span>{t('runtime.storage.usage', { used: formatBytes(status.usage, lang), quota: formatBytes(status.quota, lang) })} </span>
      )}
      <span>{status.persisted ? t('runtime.storage.persisted') : t('runtime.storage.notPersisted')}</span>
    </footer>
  );
}
