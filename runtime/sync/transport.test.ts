import { describe, expect, it } from 'vitest';
import { monevQueryOf } from '../monev/monevFilters';
import { SyncTransport, TransportError } from './transport';

function recording(answer: () => Response) {
  const urls: string[] = [];
  const transport = new SyncTransport('https://sop.example.go.id', 'token', {
    fetch: async (url) => {
      urls.push(url);
      return answer();
    },
  });
  return { transport, urls };
}

describe('the monev route through the sync transport', () => {
  it('asks for the instants the dashboard filters on, as ISO strings the server reads back to the same instants', async () => {
    const { transport, urls } = recording(() => Response.json({ sopId: 'sop/1', revision: 2, timeZone: 'Asia/Jakarta', measures: {} }));
    const query = monevQueryOf({ from: '2026-01-01', to: '2026-01-31', lane: 'desa-kelurahan', revision: 2 }, 'Asia/Jakarta');
    const response = await transport.monev('sop/1', query);
    expect(response.revision).toBe(2);
    const url = new URL(urls[0]!);
    expect(url.pathname).toBe('/api/v1/monev/sop%2F1');
    expect(Date.parse(url.searchParams.get('from')!)).toBe(query.from);
    expect(Date.parse(url.searchParams.get('to')!)).toBe(query.to);
    expect(url.searchParams.get('lane')).toBe('desa-kelurahan');
    expect(url.searchParams.get('revision')).toBe('2');
    expect(url.searchParams.has('office')).toBe(false);
  });

  it("hands on the server's refusal in both languages", async () => {
    const message = { id: 'Kantor Anda tidak memegang lajur dalam SOP ini.', en: 'Your office holds no lane in this SOP.' };
    const { transport } = recording(() => Response.json({ error: { code: 'monev.forbidden', message } }, { status: 403 }));
    const refusal = await transport.monev('sop', {}).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TransportError);
    expect(refusal).toMatchObject({ kind: 'refused', status: 403, code: 'monev.forbidden', localized: message });
  });
});
