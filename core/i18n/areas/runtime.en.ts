import type { runtimeMessagesId } from './runtime.id';

/** English messages of the runtime area: exactly the keys of the Indonesian ones. */
export const runtimeMessagesEn: Record<keyof typeof runtimeMessagesId, string> = {
};
