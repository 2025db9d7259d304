/** Accounts and a stand-in sender for stories of the designer's server parts. */
import type { Decorator } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { ServerPublicationStatus } from '../../core/sync';
import { DeviceDb, type StoredSession } from '../../device';
import type { ServerPublisher } from '../publish/serverPublisher';
import { StaticDesignerServer } from './DesignerServerContext';

const base = {
  baseUrl: '',
  office: { id: 'dinsos-lmj', name: 'Dinas Sosial Kabupaten Lumajang', regionCode: '35.08', parentId: null },
  csrfToken: 'token',
  signedInAt: Date.parse('2026-12-02T01:00:00.000Z'),
};

export const publisherSession: StoredSession = {
  ...base,
  user: { id: 'u-sari', login: 'sari', name: 'Sari Wulandari', nip: '198703152010012004', officeId: 'dinsos-lmj', roles: ['drafter', 'publisher'], positions: [] },
};

export const drafterSession: StoredSession = {
  ...base,
  user: { id: 'u-dodi', login: 'dodi', name: 'Dodi Penyusun', officeId: 'dinsos-lmj', roles: ['drafter'], positions: [] },
};

export const sentStatus: ServerPublicationStatus = {
  state: 'sent',
  queuedAt: '2026-12-02T01:00:00.000Z',
  attempts: 0,
  nextAttemptAt: 0,
  accepted: { sopId: 'bwi-spm-online', revision: 2, contentHash: 'abc', title: 'SPM Online', publishedAt: '2026-12-02T01:00:05.000Z' },
};

export const conflictStatus: ServerPublicationStatus = {
  state: 'refused',
  queuedAt: '2026-12-02T01:00:00.000Z',
  attempts: 0,
  nextAttemptAt: 0,
  refusal: {
    status: 409,
    code: 'revision.conflict',
    message: {
      id: 'Revisi 2 dari bwi-spm-online sudah diterbitkan dengan isi lain. Terbitkan sebagai revisi baru.',
      en: 'Revision 2 of bwi-spm-online was already published with other content. Publish it as a new revision.',
    },
  },
};

export const offlineStatus: ServerPublicationStatus = {
  state: 'pending',
  queuedAt: '2026-12-02T01:00:00.000Z',
  attempts: 2,
  nextAttemptAt: Date.parse('2026-12-02T01:00:04.000Z'),
  lastProblem: {
    id: 'Server tidak dapat dihubungi. Pekerjaan tetap tersimpan di perangkat ini dan dikirim begitu tersambung.',
    en: 'The server cannot be reached. Work stays saved on this device and is sent once connected.',
  },
};

/** Wraps a story in a designer server whose sender answers `answer` for every revision. */
export function withDesignerServer(session: StoredSession | null, answer?: ServerPublicationStatus): Decorator {
  const Decorated: Decorator = (Story) => {
    const publisher = { sendNow: fn(async () => answer), standing: fn() } as unknown as ServerPublisher;
    return (
      <StaticDesignerServer value={{ device: new DeviceDb('story-designer-server-unused'), session, publisher, transport: {} }}>
        <Story />
      </StaticDesignerServer>
    );
  };
  return Decorated;
}
