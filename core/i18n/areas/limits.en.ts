import type { limitsMessagesId } from './limits.id';

/** English messages about the document limits: exactly the keys of the Indonesian ones. */
export const limitsMessagesEn: Record<keyof typeof limitsMessagesId, string> = {
  'limits.text.count': '{count} of {limit} characters',
  'limits.text.reached': 'The limit of {limit} characters is reached; longer text is not kept.',
};
