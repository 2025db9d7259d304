import { useI18n } from '../../ui/i18n';
import type { BackupCounts } from '../storage/backupSafety';

export const COUNT_KINDS = ['cases', 'events', 'sops', 'attachments', 'drafts'] as const satisfies readonly (keyof BackupCounts)[];

/** "kasus 2, peristiwa 6, SOP 1, lampiran 1, draf 1" in the interface language. */
export function useCountsText(): (counts: BackupCounts) => string {
  const { t } = useI18n();
  return (counts) => t('backup.counts', { ...counts });
}
