import { useState } from 'react';
import type { LocalizedText } from '../../core/engine';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { downloadBlob } from '../../ui/download';
import { localized } from '../format';
import { toStorageError } from '../storage/errors';
import { useCountsText } from './counts';
import { RestoreFromBackup } from './RestoreFromBackup';

type Message = { kind: 'ok' | 'error'; text: LocalizedText | string };

/** Download a backup of the whole database, or restore one (RestoreFromBackup). Case bundles have their own panel (BundleImportPanel). */
export function BackupPanel() {
  const { db } = useRuntime();
  const { lang, t } = useI18n();
  const countsText = useCountsText();
    const [message, setMessage] = useState<Message | null>(null);

  async function run(action: () => Promise<string>) {
    try {
      setMessage({ kind: 'ok', text: await action() });
    } catch (error) {
      setMessage({ kind: 'error', text: toStorageError(error).localized });
    }
  }

  return (
    <details className="rt-section rt-return">
      <summary>{t('runtime.backup.heading')}</summary>
      <div className="rt-form">
        <div>
          <button
            type="button"
            className="rt-button rt-button--secondary"
            onClick={() =>
              void run(async () => {
                const { exportBackup } = await import('../storage/backup');
                const backup = await exportBackup(db);
                downloadBlob(backup.blob, backup.fileName);
                return t('backup.exported', { name: backup.fileName, counts: countsText(backup.counts) });
              })
            }
          >
            {t('runtime.backup.export')}
          </button>
        </div>
        {message && (
          <div role={message.kind === 'error' ? 'alert' : 'status'} className={`rt-alert ${message.kind === 'error' ? 'rt-alert--error' : 'rt-alert--ok'}`}>
            {typeof message.text === 'string' ? message.text : localized(message.text, lang)}
          </div>
        )}
        <RestoreFromBackup />
      </div>
    </details>
  );
}
