import type { designerMessagesId } from './designer.id';

/** English messages of the designer area: exactly the keys of the Indonesian ones. */
export const designerMessagesEn: Record<keyof typeof designerMessagesId, string> = {
};
