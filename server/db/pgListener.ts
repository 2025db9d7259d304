/**
 * LISTEN on PostgreSQL. A pooled connection cannot listen (it goes back to the
 * pool between queries), so each listener holds a dedicated `pg.Client`. When
 * that connection dies (PostgreSQL restarted, network cut) it is made again
 * with a growing delay, and the listener is told `null`: notifications sent
 * while it was away are lost, so whoever listens should look for changes.
 */
import pg from 'pg';

const RETRY_MIN_MS = 200;
const RETRY_MAX_MS = 5_000;

export async function listenOnPostgres(connectionString: string, channel: string, onNotify: (payload: string | null) => void): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Invalid channel name "${channel}"`);
  let stopped = false;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let delay = RETRY_MIN_MS;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    // 'error' and 'end' both mean the connection is gone: make a new one.
    const lost = () => {
      if (client !== next) return;
      client = undefined;
      next.removeAllListeners('notification');
      scheduleReconnect();
    };
    next.on('error', lost);
    next.on('end', lost);
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    delay = RETRY_MIN_MS;
  };

  const scheduleReconnect = () => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect().then(
        () => onNotify(null),
        () => {
          delay = Math.min(delay * 2, RETRY_MAX_MS);
          scheduleReconnect();
        },
      );
    }, delay);
  };

  await connect();
  return async () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    const current = client;
    client = undefined;
    await current?.end().catch(() => undefined);
  };
}
