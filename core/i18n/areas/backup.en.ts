import type { backupMessagesId } from './backup.id';

/** English messages of the runtime's backup and restore; same keys as backup.id.ts. */
export const backupMessagesEn: Record<keyof typeof backupMessagesId, string> = {
  'backup.exported': 'Backup made: {name} ({counts}).',
  'backup.counts': 'cases {cases}, events {events}, SOPs {sops}, attachments {attachments}, drafts {drafts}',
  'backup.checking': 'Checking the backup {name}…',
  'backup.confirm.heading': 'Check before restoring',
  'backup.confirm.intro': 'The backup {name} passed every check (schema {version}). Restoring it REPLACES all data on this device:',
  'backup.confirm.kind': 'Kind of data',
  'backup.confirm.now': 'Now',
  'backup.confirm.after': 'After the restore',
  'backup.kind.cases': 'Cases',
  'backup.kind.events': 'Events',
  'backup.kind.sops': 'SOPs',
  'backup.kind.attachments': 'Attachments',
  'backup.kind.drafts': 'Drafts',
  'backup.confirm.copyNote': 'Before it is replaced, a copy of the current data is kept on this device, so the restore can be undone in one click.',
  'backup.confirm.replace': 'Replace the data with this backup',
  'backup.confirm.cancel': 'Cancel',
  'backup.cancelled': 'Restore cancelled; the data on this device was not changed.',
  'backup.restoring': 'Restoring the backup…',
  'backup.restored': 'Backup restored. Now: {after}. Before: {before}; a copy of it is kept.',
  'backup.refused.unchanged': 'The data on this device was not changed ({counts}).',
  'backup.refused.more': '…and {count} more problems.',
  'backup.undo': 'Put back the data from before the restore',
  'backup.undo.describe': 'Copy of {time}: {counts}.',
  'backup.undone': 'The data from before the restore is back. Now: {after}. The data it replaced ({before}) is kept as a copy too.',
};
