import { useI18n } from '../../ui/i18n';
import type { BackupCounts } from '../storage/backupSafety';

export const COUNT_KINDS = ['cases', 'events', 'sops', 'attachments', 'drafts', 'outbox', 'review'] as const satisfies readonly (keyof BackupCounts)[];

/**
 * "kasus 2, peristiwa 6, SOP 1, lampiran 1, draf 1" in the interface language,
 * then the unsent commands and review items when there are any (a device linked to a server).
 */
export function useCountsText(): (counts: BackupCounts) => string {
  const { t } = useI18n();
  return (counts) => {
    const outbox = counts.outbox ?? 0;
    const review = counts.review ?? 0;
    return t('backup.counts', { ...counts }) + (outbox || review ? t('backup.counts.sync', { outbox, review }) : '');
  };
}
