import type { printMessagesId } from './print.id';

/** English messages of the print area: exactly the keys of the Indonesian ones. */
export const printMessagesEn: Record<keyof typeof printMessagesId, string> = {
};
