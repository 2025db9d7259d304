import type { startMessagesId } from './start.id';

/** English messages of the start page; same keys as start.id.ts. */
export const startMessagesEn: Record<keyof typeof startMessagesId, string> = {
  'start.sample.col.open': 'Designer',
  'start.sample.open': 'Open in the designer',
  'start.sample.openLabel': 'Open {title} in the SOP designer',
};
