import { useEffect, useState } from 'react';
import { useI18n } from '../ui/i18n';
import { formatBytes } from './format';
import { storageStatus, type StorageStatus } from './storage/repository';

/** Device storage used and whether the browser promised to keep it. */
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
  return (
    <footer className="rt-storage">
      {status.usage !== null && status.quota !== null && (
        <span>{t('runtime.storage.usage', { used: formatBytes(status.usage, lang), quota: formatBytes(status.quota, lang) })} </span>
      )}
      <span>{status.persisted ? t('runtime.storage.persisted') : t('runtime.storage.notPersisted')}</span>
    </footer>
  );
}
