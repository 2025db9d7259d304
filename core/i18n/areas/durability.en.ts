import type { durabilityMessagesId } from './durability.id';

/** English messages about keeping work safe; same keys as durability.id.ts. */
export const durabilityMessagesEn: Record<keyof typeof durabilityMessagesId, string> = {
  'durability.recovered.conflict':
    'Changes that were not yet saved when this page was last closed have been recovered, but this SOP has been saved again since then. Choose which version to keep.',
  'durability.designer.closed':
    'The browser’s storage database was closed (for example site data was cleared, or the browser closed it because space ran low). SOP Studio tried to reopen it, but your latest change is not saved yet. Your changes are still on this screen and in the emergency copy; choose “Try saving again”. If it still fails, close other SOP Studio tabs and try again.',
  'durability.designer.aborted':
    'The browser aborted the save before it finished; nothing was saved partially and the last saved version is safe. The usual cause is full storage: free some space (delete unused SOPs or other sites’ data), then try again.',
  'durability.designer.other':
    'Browser storage cannot be used right now (technical code: {code}). The last saved version is safe and your changes are still on this screen. Try again in a moment; if it still fails, reload the page.',
  'durability.runtime.closed':
    'The device database was closed (for example site data was cleared, or the browser closed it because space ran low) and could not be reopened: this change was NOT saved; what was saved before is intact. Close other Runtime tabs, then try again.',
  'durability.runtime.aborted':
    'The browser aborted the save before it finished: this change was NOT saved; what was saved before is intact. The usual cause is full storage: free some space (delete files, or back up and remove old cases), then try again.',
  'durability.runtime.other':
    'The device storage cannot be used right now (technical code: {code}): this change was NOT saved; what was saved before is intact. Try again in a moment; if it still fails, reload the page.',
  'durability.runtime.nearlyFull':
    'Device storage is nearly full ({percent}% used): the next saves may fail. Back up your data, then remove old cases or files you no longer need.',
  'durability.print.full':
    'The document could not be opened in the print page: browser storage is full. Free some space (delete data you no longer use, or other sites’ data), then choose Print again. Your document is unchanged.',
  'durability.print.failed':
    'The document could not be handed to the print page because browser storage cannot be used. Close the empty print tab, then choose Print again. Your document is unchanged.',
  'durability.print.failedInTab':
    'The document did not reach this page: handing it over failed (see the message in the tab you came from). Close this tab, then choose Print again.',
  'durability.print.unreadable':
    'The document to print could not be read from browser storage. Close this tab, then choose Print again.',
  'durability.print.waiting': 'Waiting for the document to print…',
};
