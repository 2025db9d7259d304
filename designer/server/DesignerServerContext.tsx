import { createContext, useContext, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { storedSession, type DeviceDb, type StoredSession } from '../../device';
import type { ServerTransportOptions } from '../../ui/server/transport';
import type { ServerPublisher } from '../publish/serverPublisher';

/**
 * The server as the designer sees it: the account signed in on this origin
 * (shared with the runtime through the device database, kept live), and the
 * sender of published revisions. Absent (null) where no server is wired in
 * (isolated stories and tests): publishing then stays on the device as it
 * always did.
 */
export interface DesignerServer {
  device: DeviceDb;
  session: StoredSession | null;
  publisher: ServerPublisher;
  transport: ServerTransportOptions;
}

const DesignerServerContext = createContext<DesignerServer | null>(null);

export function useDesignerServer(): DesignerServer | null {
  return useContext(DesignerServerContext);
}

export function DesignerServerProvider({ device, publisher, transport, children }: Omit<DesignerServer, 'session'> & { children: ReactNode }) {
  const session = useLiveQuery(async () => (await storedSession(device)) ?? null, [device]) ?? null;
  return <DesignerServerContext.Provider value={{ device, session, publisher, transport }}>{children}</DesignerServerContext.Provider>;
}

/** For stories: a fixed account, no live query. */
export function StaticDesignerServer({ value, children }: { value: DesignerServer; children: ReactNode }) {
  return <DesignerServerContext.Provider value={value}>{children}</DesignerServerContext.Provider>;
}
