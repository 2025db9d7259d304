/**
 * Two offices around one fake server, for browser tests and stories: the
 * Kemiren village office (which starts Banyuwangi SPM cases) and the Glagah
 * district office (which also acts as the village lane, and decides at s6).
 */
import Dexie from 'dexie';
import type { DeviceDb } from '../../../device';
import { RuntimeDb } from '../../storage/db';
import { deviceDbFor } from '../../storage/deviceDbFor';
import { storeSopRevision } from '../../storage/repository';
import { sampleDoc, scratchDb } from '../../storage/testing';
import { signIn } from '../session';
import { SyncClient, type SyncClientOptions } from '../syncClient';
import { SyncTransport, type TransportOptions } from '../transport';
import { serverLink } from '../../storage/outbox';
import { storeServerCatalogue } from '../../storage/serverCatalogue';
import { FakeServer, type CookieJar } from '../../../ui/server/testing/fakeServer';

export const SOP_ID = 'bwi-spm-online';
export const SERVER_URL = 'https://sop.banyuwangikab.go.id';
export const PASSWORD = 'kata-sandi-uji';

export function twoOfficeServer(): FakeServer {
  const lane = (actorId: string) => ({ sopId: SOP_ID, actorId });
  return new FakeServer()
    .addOffice({ id: 'desa-kemiren', name: 'Kantor Desa Kemiren', regionCode: '35.10.01.2001', parentId: 'kec-glagah', lanes: [lane('masyarakat-pemohon'), lane('desa-kelurahan')] })
    .addOffice({ id: 'kec-glagah', name: 'Kecamatan Glagah', regionCode: '35.10.01', parentId: null, lanes: [lane('desa-kelurahan'), lane('kecamatan')] })
    .addUser({ id: 'u-rina', login: 'rina', name: 'Rina Operator', nip: '198505122010012003', officeId: 'desa-kemiren', positions: [lane('masyarakat-pemohon'), lane('desa-kelurahan')] }, PASSWORD)
    .addUser({ id: 'u-budi', login: 'budi', name: 'Budi Santoso', officeId: 'kec-glagah', positions: [lane('desa-kelurahan'), lane('kecamatan')] }, PASSWORD)
    .publish(sampleDoc(SOP_ID));
}

export interface OfficeDevice {
  db: RuntimeDb;
  device: DeviceDb;
  jar: CookieJar;
  transport: TransportOptions;
  sopKey: string;
  client(options?: Partial<SyncClientOptions>): SyncClient;
  close(): Promise<void>;
}

/**
 * A device of one office, signed in to the server; with `withSop`, it holds the SOP already and has read the
 * server's catalogue (it starts cases, which a linked device does only on what the server offers).
 */
export async function officeDevice(server: FakeServer, login: string, options: { withSop?: boolean } = {}): Promise<OfficeDevice> {
  const db = scratchDb(`sync-${login}`);
  const device = deviceDbFor(db);
  const sopKey = options.withSop ? (await storeSopRevision(db, sampleDoc(SOP_ID))).key : `${SOP_ID}@1`;
  const jar: CookieJar = {};
  const transport: TransportOptions = { fetch: server.fetchFor(jar), openStream: server.openStreamFor(jar) };
  const signedIn = await signIn(db, device, { serverUrl: SERVER_URL, login, password: PASSWORD }, transport);
  if (!signedIn.ok) throw new Error(signedIn.message.en);
  if (options.withSop) {
    const { entries } = await new SyncTransport(SERVER_URL, signedIn.session.csrfToken, transport).catalogue();
    await storeServerCatalogue(db, { baseUrl: (await serverLink(db))!.baseUrl, officeId: signedIn.session.office.id, fetchedAt: Date.now(), entries });
  }
  const clients: SyncClient[] = [];
  return {
    db,
    device,
    jar,
    transport,
    sopKey,
    client: (extra = {}) => {
      const client = new SyncClient({ db, device, ...transport, isOnline: () => true, ...extra });
      clients.push(client);
      return client;
    },
    close: async () => {
      for (const client of clients) await client.stop();
      db.close();
      device.close();
      await Dexie.delete(db.name);
      await Dexie.delete(device.name);
    },
  };
}
