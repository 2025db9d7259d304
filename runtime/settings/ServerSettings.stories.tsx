import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import type { LocalizedText } from '../../core/engine';
import { useStoryAccount } from '../../ui/server/testing/storyAccount';
import '../runtime.css';
import { ServerSettingsView, type ServerSettingsViewProps } from './ServerSettings';

const session = {
  baseUrl: 'https://sop.banyuwangikab.go.id',
  user: { id: 'u-rina', login: 'rina', name: 'Rina Operator', nip: '198505122010012003', officeId: 'desa-kemiren', roles: ['clerk' as const], positions: [{ sopId: 'bwi-spm-online', actorId: 'desa-kelurahan' }] },
  office: { id: 'desa-kemiren', name: 'Kantor Desa Kemiren', regionCode: '35.10.01.2001', parentId: 'kec-glagah' },
  csrfToken: 'token',
  signedInAt: Date.parse('2025-06-03T01:00:00.000Z'),
};

const meta = {
  title: 'Runtime/ServerSettings',
  component: ServerSettingsView,
  args: {
    link: null,
    session: null,
    pending: 0,
    laneName: (lane) => (lane.actorId === 'desa-kelurahan' ? 'DESA/KELURAHAN (SPM Online Banyuwangi)' : lane.actorId),
    onSignIn: fn(async (): Promise<LocalizedText | void> => undefined),
    onSignOut: fn(async () => ({ reachedServer: true })),
  },
} satisfies Meta<typeof ServerSettingsView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Signing in links the device to a server: the address comes first (ui/server/ServerSignInForm). */
export const SignInIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('form', { name: 'Masuk' })).toBeVisible();
    await expect(canvas.getAllByRole('textbox')[0]).toHaveAccessibleName('Alamat server');
    await userEvent.type(canvas.getByLabelText('Alamat server'), 'https://sop.banyuwangikab.go.id');
    await userEvent.type(canvas.getByLabelText('Nama pengguna'), 'rina');
    await userEvent.type(canvas.getByLabelText('Kata sandi'), 'rahasia');
    await userEvent.click(canvas.getByRole('button', { name: 'Masuk' }));
    await expect(args.onSignIn).toHaveBeenCalledWith({ serverUrl: 'https://sop.banyuwangikab.go.id', login: 'rina', password: 'rahasia' });
  },
};

/** A device linked earlier and signed out: the address is the linked server's, so only the account is typed. */
export const LinkedSignedOutIndonesian: Story = {
  globals: { locale: 'id' },
  args: { link: { baseUrl: 'https://sop.banyuwangikab.go.id', linkedAt: 0 } },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByLabelText('Alamat server')).toHaveValue('https://sop.banyuwangikab.go.id');
    await userEvent.type(canvas.getByLabelText('Nama pengguna'), 'rina');
    await userEvent.type(canvas.getByLabelText('Kata sandi'), 'rahasia{Enter}');
    await expect(args.onSignIn).toHaveBeenCalledWith({ serverUrl: 'https://sop.banyuwangikab.go.id', login: 'rina', password: 'rahasia' });
  },
};

export const WrongPasswordEnglish: Story = {
  globals: { locale: 'en' },
  args: { onSignIn: fn(async () => ({ id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong login or password.' })) },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Login'), 'rina');
    await userEvent.type(canvas.getByLabelText('Password'), 'salah');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Wrong login or password.');
  },
};

export const SignedInIndonesian: Story = {
  globals: { locale: 'id' },
  args: { session, link: { baseUrl: 'https://sop.banyuwangikab.go.id', linkedAt: 0 }, pending: 2 },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByText('Rina Operator')).toBeVisible();
    await expect(canvas.getByText('Kantor: Kantor Desa Kemiren (kode wilayah 35.10.01.2001)')).toBeVisible();
    await expect(canvas.getByText('DESA/KELURAHAN (SPM Online Banyuwangi)')).toBeVisible();
    await expect(canvas.getByText('Tertaut ke https://sop.banyuwangikab.go.id')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Keluar' }));
    await expect(args.onSignOut).toHaveBeenCalled();
    await expect(await canvas.findByRole('status')).toHaveTextContent('2 perintah belum terkirim');
  },
};

/** A name with a right-to-left override stays isolated: it cannot reorder the label around it. */
export const HostileNameEnglish: Story = {
  globals: { locale: 'en' },
  args: { session: { ...session, user: { ...session.user, name: 'Rina \u202Eromed', positions: [] } } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Rina \u202Eromed').tagName).toBe('BDI');
    await expect(canvas.getByText('This account has no lanes yet; ask the office admin.')).toBeVisible();
  },
};

/** The section as Pengaturan holds it: the account changes with signing in and out. */
function Stateful(props: ServerSettingsViewProps) {
  return <ServerSettingsView {...props} {...useStoryAccount(props.session, session, props)} />;
}

/** Signing out says what stays queued; signing in again takes the notice away and shows the account. */
export const SignOutThenInAgainIndonesian: Story = {
  globals: { locale: 'id' },
  args: { session, link: { baseUrl: 'https://sop.banyuwangikab.go.id', linkedAt: 0 }, pending: 1 },
  render: (args) => <Stateful {...args} />,
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Keluar' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('1 perintah belum terkirim');
    await userEvent.type(canvas.getByLabelText('Nama pengguna'), 'rina');
    await userEvent.type(canvas.getByLabelText('Kata sandi'), 'rahasia{Enter}');
    await expect(args.onSignIn).toHaveBeenCalledWith({ serverUrl: 'https://sop.banyuwangikab.go.id', login: 'rina', password: 'rahasia' });
    await expect(await canvas.findByText('Rina Operator')).toBeVisible();
    await expect(canvas.queryByRole('status')).toBeNull();
  },
};

/** The server ended Rina's session: the form is back with her login filled in, and why is said. */
export const SessionEndedEnglish: Story = {
  globals: { locale: 'en' },
  args: { session, sessionEnded: true, link: { baseUrl: 'https://sop.banyuwangikab.go.id', linkedAt: 0 } },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent("Rina Operator's session on the server has ended. Sign in again so the work on this device is sent.");
    await expect(canvas.getByLabelText('Login')).toHaveValue('rina');
    await expect(canvas.queryByRole('button', { name: 'Sign out' })).toBeNull();
    await userEvent.type(canvas.getByLabelText('Password'), 'rahasia');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(args.onSignIn).toHaveBeenCalledWith({ serverUrl: 'https://sop.banyuwangikab.go.id', login: 'rina', password: 'rahasia' });
  },
};
