import type { durabilityMessagesId } from './durability.id';

/** English messages about keeping work safe; same keys as durability.id.ts. */
export const durabilityMessagesEn: Record<keyof typeof durabilityMessagesId, string> = {
  'durability.recovered.conflict':
    'Changes that were not yet saved when this page was last closed have been recovered, but this SOP has been saved again since then. Choose which version to keep.',
};
