/**
 * Tells other tabs of this browser which SOP this tab edits and when it saves,
 * so two tabs editing one SOP warn instead of silently overwriting each other.
 * The hard guarantee is the save count check in SopRepository.saveDraft; this
 * channel only makes the warning immediate. Without BroadcastChannel (old
 * browsers) it does nothing and the save check still protects the data.
 */
export type TabMessage =
  | { type: 'editing'; sopId: string; tabId: string }
  | { type: 'still-editing'; sopId: string; tabId: string }
  | { type: 'saved'; sopId: string; tabId: string; saveCount: number }
  | { type: 'closed'; sopId: string; tabId: string }
  | { type: 'library-changed'; tabId: string };

export const TAB_CHANNEL_NAME = 'sop-studio-designer';

export interface TabChannel {
  readonly tabId: string;
  post(message: DistributiveOmit<TabMessage, 'tabId'>): void;
  subscribe(listener: (message: TabMessage) => void): () => void;
  close(): void;
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export function createTabChannel(name = TAB_CHANNEL_NAME): TabChannel {
  const tabId = globalThis.crypto?.randomUUID?.() ?? String(Math.random()).slice(2);
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
  const listeners = new Set<(message: TabMessage) => void>();
  if (channel) {
    channel.onmessage = (event: MessageEvent<TabMessage>) => {
      const message = event.data;
      if (!message || typeof message !== 'object' || message.tabId === tabId) return;
      for (const listener of listeners) listener(message);
    };
  }
  return {
    tabId,
    post(message) {
      try {
        channel?.postMessage({ ...message, tabId });
      } catch {
        // A closed channel (page unloading) must not break saving.
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel?.close();
    },
  };
}
