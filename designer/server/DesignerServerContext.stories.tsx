import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { DeviceDb, forgetSession, saveSession } from '../../device';
import { useI18n } from '../../ui/i18n';
import '../designer.css';
import { standingOf, type ServerPublisher } from '../publish/serverPublisher';
import { DesignerServerProvider, StaticDesignerServer, useDesignerServer } from './DesignerServerContext';
import { ServerAccountButton } from './ServerAccount';
import { drafterSession, publisherSession } from './storyServer';

const publisher = () => ({ sendNow: fn(async () => undefined), standing: fn() }) as unknown as ServerPublisher;

/** What the designer's screens read from the context: the header's Server button, and what publishing will do (as the publish dialog says it). */
function Consumers() {
  const { t } = useI18n();
  const server = useDesignerServer();
  const standing = server ? standingOf(server.session) : null;
  return (
    <div style={{ padding: '1rem' }}>
      <ServerAccountButton />
      <p data-testid="publishing">
        {!standing
          ? t('designer.publish.reachesRuntime')
          : standing.kind === 'publisher'
            ? t('sync.publish.willSend', { name: standing.session.user.name })
            : standing.kind === 'notPublisher'
              ? t('sync.publish.notPublisher', { name: standing.session.user.name })
              : t('sync.publish.notSignedIn')}
      </p>
    </div>
  );
}

/** A device database of its own for each story run (the account lives in it, as in the apps). */
async function freshDevice(stored?: unknown) {
  const device = new DeviceDb(`story-designer-server-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  if (stored !== undefined) await device.meta.put({ key: 'server.session', value: stored });
  return { device };
}

const meta = {
  title: 'Designer/Server/DesignerServerContext',
  component: Consumers,
  loaders: [async () => freshDevice()],
  // DesignerServerProvider as the designer's App wires it: the device database and a (stand-in) sender.
  render: (_args, { loaded }) => (
    <DesignerServerProvider device={loaded['device'] as DeviceDb} publisher={publisher()} transport={{}}>
      <Consumers />
    </DesignerServerProvider>
  ),
} satisfies Meta<typeof Consumers>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The account is read live from the device database: a sign-in in the runtime (or another designer tab)
 * shows at once, and so does a sign-out.
 */
export const FollowsTheDeviceAccountIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, loaded }) => {
    const device = loaded['device'] as DeviceDb;
    await expect(await canvas.findByRole('button', { name: 'Server: belum masuk' })).toBeVisible();
    await expect(canvas.getByTestId('publishing')).toHaveTextContent(/^Revisi hanya diterbitkan di perangkat ini: Anda belum masuk ke server\./);

    await saveSession(device, publisherSession);
    await expect(await canvas.findByRole('button', { name: 'Server: Sari Wulandari' })).toBeVisible();
    await expect(canvas.getByTestId('publishing')).toHaveTextContent('Setelah terbit, revisi juga dikirim ke server atas nama Sari Wulandari.');

    await saveSession(device, drafterSession);
    await expect(await canvas.findByRole('button', { name: 'Server: Dodi Penyusun' })).toBeVisible();
    await expect(canvas.getByTestId('publishing')).toHaveTextContent('akun Dodi Penyusun tidak berperan penerbit di server');

    await forgetSession(device);
    await expect(await canvas.findByRole('button', { name: 'Server: belum masuk' })).toBeVisible();
  },
};

/** An account damaged in storage (an older version, or by hand) counts as nobody signed in, and nothing breaks. */
export const DamagedStoredAccountEnglish: Story = {
  globals: { locale: 'en' },
  loaders: [async () => freshDevice({ baseUrl: '', user: { name: 'Sari' }, csrfToken: 42 })],
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Server: not signed in' })).toBeVisible();
    await expect(canvas.getByTestId('publishing')).toHaveTextContent(/^The revision is published on this device only: you are not signed in to the server\./);
  },
};

/** No server wired in (isolated stories and tests): no Server button, and publishing stays on the device. */
export const NoServerIndonesian: Story = {
  globals: { locale: 'id' },
  render: () => <Consumers />,
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole('button', { name: /^Server:/ })).toBeNull();
    await expect(canvas.getByTestId('publishing')).toHaveTextContent(/^Setelah terbit, revisi ini langsung muncul di katalog Pelaksana di perangkat ini/);
  },
};

/** The fixed account other stories use (StaticDesignerServer): the Server dialog shows it with its roles. */
export const StaticAccountEnglish: Story = {
  globals: { locale: 'en' },
  render: () => (
    <StaticDesignerServer value={{ device: new DeviceDb('story-designer-server-unused'), session: drafterSession, publisher: publisher(), transport: {} }}>
      <Consumers />
    </StaticDesignerServer>
  ),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Server: Dodi Penyusun' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Server account' });
    await expect(dialog).toHaveTextContent('Roles: drafter');
    await expect(dialog).toHaveTextContent('does not have the publisher role');
  },
};
