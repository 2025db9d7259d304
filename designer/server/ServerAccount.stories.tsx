import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import type { LocalizedText } from '../../core/engine';
import '../designer.css';
import { ServerAccountView } from './ServerAccount';
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

/** Same origin by default: the address may stay empty. Enter in a field signs in. */
export const SignInIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
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
