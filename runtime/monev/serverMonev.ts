/**
 * The dashboard's server source: the measures the server computes over every
 * case the signed-in user's office reads, on all its devices
 * (GET /api/v1/monev/:sopId). The last numbers that arrived stay on screen
 * while the next ones load or when asking fails, so a dropped connection
 * never blanks a page someone is reading from.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LocalizedText } from '../../core/engine';
import type { MonevMeasures, MonevQuery } from '../../core/monev';
import type { MonevResponse } from '../../core/sync/protocol';
import { useRuntime } from '../context';
import { SyncTransport, TransportError } from '../sync/transport';

export type FetchServerMonev = (sopId: string, query: MonevQuery) => Promise<MonevResponse>;

export interface ServerMonevState {
  /** The last measures that arrived, with the key of the filters they are for. */
  shown?: { key: string; measures: MonevMeasures; revision: number };
  /** Asking for the current filters' measures. */
  loading: boolean;
  /** Why the current filters' measures did not arrive. */
  failure?: LocalizedText;
}

/** The server's monev route for this page's linked server and session; undefined when not linked or signed out. */
export function useServerMonevFetch(): FetchServerMonev | undefined {
  const { link, session, transport } = useRuntime();
  const baseUrl = link?.baseUrl;
  const csrf = session?.csrfToken;
  // The transport options may be a new object on each render of the app; a new one must not ask the server again.
  const options = useRef(transport);
  options.current = transport;
  return useMemo(() => {
    if (baseUrl === undefined || csrf === undefined) return undefined;
    const server = new SyncTransport(baseUrl, csrf, options.current);
    return (sopId, query) => server.monev(sopId, query);
  }, [baseUrl, csrf]);
}

/** Asks for the measures of `query` whenever `key` (the filters it came from) changes. */
export function useServerMonev(fetchMonev: FetchServerMonev, sopId: string, query: MonevQuery, key: string): ServerMonevState {
  const [state, setState] = useState<ServerMonevState & { sopId: string }>({ sopId, loading: true });
  useEffect(() => {
    let current = true;
    // Another SOP's numbers are not last good numbers for this one.
    setState((previous) => ({ sopId, loading: true, ...(previous.sopId === sopId && previous.shown ? { shown: previous.shown } : {}) }));
    fetchMonev(sopId, query).then(
      (response) => current && setState({ sopId, loading: false, shown: { key, measures: response.measures, revision: response.revision } }),
      (error: unknown) => current && setState((previous) => ({ ...previous, loading: false, failure: failureOf(error) })),
    );
    return () => {
      current = false;
    };
    // The query is derived from the key; asking again for an equal query in a new object would refetch for nothing.
  }, [fetchMonev, sopId, key]);
  return state.sopId === sopId ? state : { loading: true };
}

function failureOf(error: unknown): LocalizedText {
  if (error instanceof TransportError) return error.localized;
  const text = error instanceof Error ? error.message : String(error);
  return { id: text, en: text };
}
