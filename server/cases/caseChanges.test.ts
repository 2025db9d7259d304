// How one LISTEN connection's notices reach the streams: case notices and publication notices to the offices
// they name, and after a lost connection a "look again" of both kinds to every stream. No database: the
// channel is driven by hand.
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { CaseChanges } from './caseChanges';

function changesOnHandDrivenChannel() {
  let notify: (payload: string | null) => void = () => undefined;
  const db = { listen: async (_channel: string, onNotify: (payload: string | null) => void) => ((notify = onNotify), async () => undefined) } as unknown as Db;
  return { changes: new CaseChanges(db), notify: (payload: string | null) => notify(payload) };
}

describe('CaseChanges', () => {
  it('passes a publication notice to the catalogue listeners of the offices it names, and to no case listener', async () => {
    const { changes, notify } = changesOnHandDrivenChannel();
    await changes.start();
    const heard: string[] = [];
    changes.subscribe('desa', (cursor) => heard.push(`desa changed ${cursor}`));
    changes.subscribeCatalogue('desa', (notice) => heard.push(`desa catalogue ${JSON.stringify(notice)}`));
    changes.subscribeCatalogue('lumajang', (notice) => heard.push(`lumajang catalogue ${JSON.stringify(notice)}`));
    notify(JSON.stringify({ kind: 'catalogue', officeIds: ['desa', 'dinkes'], sopId: 'bwi-spm-online', revision: 3 }));
    notify(JSON.stringify({ officeIds: ['desa'], cursor: '7:1' }));
    expect(heard).toEqual(['desa catalogue {"sopId":"bwi-spm-online","revision":3}', 'desa changed 7:1']);
  });

  it('tells every stream to pull and to read its catalogue after the connection came back, and ignores what is not its own', async () => {
    const { changes, notify } = changesOnHandDrivenChannel();
    await changes.start();
    const heard: string[] = [];
    changes.subscribe('desa', (cursor) => heard.push(`changed ${cursor}`));
    const stop = changes.subscribeCatalogue('dinkes', (notice) => heard.push(`catalogue ${JSON.stringify(notice)}`));
    for (const junk of ['not json', 'null', '42']) notify(junk);
    expect(heard).toEqual([]);
    notify(null);
    expect(heard).toEqual(['changed null', 'catalogue {}']);
    stop();
    notify(JSON.stringify({ kind: 'catalogue', officeIds: ['dinkes'], sopId: 'x', revision: 1 }));
    expect(heard).toHaveLength(2);
  });
});
