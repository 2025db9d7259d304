import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import type { LocalizedText } from '../../core/engine';
import { useStoryAccount } from '../../ui/server/testing/storyAccount';
import '../designer.css';
import { ServerAccountView, type ServerAccountViewProps } from './ServerAccount';
import { drafterSession, publisherSession } from './storyServer';

const meta = {
  title: 'Designer/Server/ServerAccount',
  component: ServerAccountView,
  args: {
    session: null,
    onSignIn: fn(async (): Promise<LocalizedText | void> => undefined),
    onSignOut: fn(async () => ({ reachedServer: true })),
  },
} satisfies Meta<typeof ServerAccountView>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Same origin by default: the address may stay empty, and comes last. The form sits in the dialog's own form,
 * so it is a group and Enter in a field signs in (ui/server/ServerSignInForm).
 */
export const SignInIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement, args, userEvent }) => {
    await expect(canvas.getByRole('group', { name: 'Masuk' })).toBeVisible();
    await expect(canvasElement.querySelector('form')).toBeNull();
    await expect(canvas.getAllByRole('textbox').map((box) => box.getAttribute('autocomplete') ?? box.getAttribute('type'))).toEqual(['username', 'url']);
    const signIn = canvas.getByRole('button', { name: 'Masuk' });
    await expect(signIn).toBeDisabled();
    await userEvent.type(canvas.getByLabelText('Nama pengguna'), 'sari');
    await userEvent.type(canvas.getByLabelText('Kata sandi'), 'kata-sandi-uji{Enter}');
    await expect(args.onSignIn).toHaveBeenCalledWith({ serverUrl: '', login: 'sari', password: 'kata-sandi-uji' });
  },
};

export const WrongPasswordEnglish: Story = {
  globals: { locale: 'en' },
  args: { onSignIn: fn(async (): Promise<LocalizedText | void> => ({ id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong login or password.' })) },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Login'), 'sari');
    await userEvent.type(canvas.getByLabelText('Password'), 'salah');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Wrong login or password.');
  },
};

export const SignedInPublisher: Story = {
  globals: { locale: 'id' },
  args: { session: publisherSession },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByText('Sari Wulandari')).toBeVisible();
    await expect(canvas.getByText('Peran: penyusun, penerbit')).toBeVisible();
    await expect(canvas.getByText('Akun ini dapat menerbitkan ke server.')).toBeVisible();
    await expect(canvas.getByText('Tertaut ke alamat aplikasi ini')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Keluar' }));
    await expect(args.onSignOut).toHaveBeenCalled();
    await expect(await canvas.findByRole('status')).toHaveTextContent('Anda telah keluar');
  },
};

export const SignedInWithoutPublisherRoleEnglish: Story = {
  globals: { locale: 'en' },
  args: { session: drafterSession },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Roles: drafter')).toBeVisible();
    await expect(canvas.getByText(/does not have the publisher role: revisions you publish stay on this device/)).toBeVisible();
  },
};

/** The view as the dialog holds it: the account changes with signing in and out. */
function Stateful(props: ServerAccountViewProps) {
  return <ServerAccountView {...props} {...useStoryAccount(props.session, publisherSession, props)} />;
}

/** Signing out says so above the sign-in form; signing in again takes the notice away and shows the account. */
export const SignOutThenInAgainIndonesian: Story = {
  globals: { locale: 'id' },
  args: { session: publisherSession, onSignOut: fn(async () => ({ reachedServer: false })) },
  render: (args) => <Stateful {...args} />,
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Keluar' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Anda telah keluar di perangkat ini; server tidak dapat dihubungi');
    await userEvent.type(canvas.getByLabelText('Nama pengguna'), 'sari');
    await userEvent.type(canvas.getByLabelText('Kata sandi'), 'kata-sandi-uji{Enter}');
    await expect(args.onSignIn).toHaveBeenCalledWith({ serverUrl: '', login: 'sari', password: 'kata-sandi-uji' });
    await expect(await canvas.findByText('Peran: penyusun, penerbit')).toBeVisible();
    await expect(canvas.queryByRole('status')).toBeNull();
  },
};
