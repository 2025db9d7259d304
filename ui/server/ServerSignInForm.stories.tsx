import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import type { LocalizedText } from '../../core/engine';
import { ServerSignInForm } from './ServerSignInForm';
import type { SignInInput } from './session';

const WRONG_PASSWORD: LocalizedText = { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong login or password.' };

const meta = {
  title: 'UI/Server/ServerSignInForm',
  component: ServerSignInForm,
  args: {
    classes: { form: 'sign-in', field: 'sign-in__field', hint: 'sign-in__hint', error: 'sign-in__error', button: 'sign-in__button' },
    onSignIn: fn(async (): Promise<LocalizedText | void> => undefined),
  },
  render: (args) => (
    <div style={{ padding: '1rem', maxWidth: '28rem' }}>
      <ServerSignInForm {...args} />
    </div>
  ),
} satisfies Meta<typeof ServerSignInForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Its own form: Enter signs in; the address may stay empty (this origin); the password is cleared once in. */
export const SignInIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('form', { name: 'Masuk' })).toBeVisible();
    await expect(canvas.getByText('Kosongkan bila server melayani aplikasi ini dari alamat yang sama.')).toBeVisible();
    await userEvent.type(canvas.getByLabelText('Nama pengguna'), 'sari');
    await userEvent.type(canvas.getByLabelText('Kata sandi'), 'kata-sandi-uji{Enter}');
    await expect(args.onSignIn).toHaveBeenCalledWith({ serverUrl: '', login: 'sari', password: 'kata-sandi-uji' });
    await expect(canvas.getByLabelText('Kata sandi')).toHaveValue('');
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** Nothing is sent without a login and a password; a login of spaces is no login. */
export const WaitsForLoginAndPasswordIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    const signIn = canvas.getByRole('button', { name: 'Masuk' });
    await expect(signIn).toBeDisabled();
    await userEvent.type(canvas.getByLabelText('Nama pengguna'), '   ');
    await userEvent.type(canvas.getByLabelText('Kata sandi'), 'rahasia{Enter}');
    await expect(signIn).toBeDisabled();
    await expect(args.onSignIn).not.toHaveBeenCalled();
    await userEvent.type(canvas.getByLabelText('Nama pengguna'), 'rina');
    await expect(signIn).toBeEnabled();
  },
};

/** The server's refusal in the interface language; the password stays for another try, which clears the message. */
export const RefusedThenSignedInEnglish: Story = {
  globals: { locale: 'en' },
  args: { onSignIn: fn(async ({ password }: SignInInput): Promise<LocalizedText | void> => (password === 'kata-sandi-uji' ? undefined : WRONG_PASSWORD)) },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Login'), 'sari');
    await userEvent.type(canvas.getByLabelText('Password'), 'salah');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Wrong login or password.');
    await expect(canvas.getByLabelText('Password')).toHaveValue('salah');
    await userEvent.clear(canvas.getByLabelText('Password'));
    await userEvent.type(canvas.getByLabelText('Password'), 'kata-sandi-uji');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(args.onSignIn).toHaveBeenCalledTimes(2);
    await expect(canvas.getByLabelText('Password')).toHaveValue('');
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

let answer: (value: LocalizedText | void) => void = () => undefined;

/** While the server is asked, the button says so and cannot be pressed twice. */
export const SigningInIndonesian: Story = {
  globals: { locale: 'id' },
  args: { onSignIn: fn(() => new Promise<LocalizedText | void>((resolve) => (answer = resolve))) },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Nama pengguna'), 'rina');
    await userEvent.type(canvas.getByLabelText('Kata sandi'), 'rahasia');
    await userEvent.click(canvas.getByRole('button', { name: 'Masuk' }));
    const busy = canvas.getByRole('button', { name: 'Sedang masuk…' });
    await expect(busy).toBeDisabled();
    await userEvent.type(canvas.getByLabelText('Kata sandi'), '{Enter}');
    await expect(args.onSignIn).toHaveBeenCalledTimes(1);
    answer(WRONG_PASSWORD);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Nama pengguna atau kata sandi salah.');
    await expect(canvas.getByRole('button', { name: 'Masuk' })).toBeEnabled();
  },
};

/** The runtime's order: the address first, filled with the server the device is linked to. */
export const AddressFirstIndonesian: Story = {
  globals: { locale: 'id' },
  args: { addressFirst: true, initialServerUrl: 'https://sop.banyuwangikab.go.id' },
  play: async ({ canvas, args, userEvent }) => {
    const boxes = canvas.getAllByRole('textbox');
    await expect(boxes[0]).toHaveAccessibleName('Alamat server');
    await expect(boxes[0]).toHaveValue('https://sop.banyuwangikab.go.id');
    await userEvent.type(canvas.getByLabelText('Nama pengguna'), 'rina');
    await userEvent.type(canvas.getByLabelText('Kata sandi'), 'rahasia');
    await userEvent.click(canvas.getByRole('button', { name: 'Masuk' }));
    await expect(args.onSignIn).toHaveBeenCalledWith({ serverUrl: 'https://sop.banyuwangikab.go.id', login: 'rina', password: 'rahasia' });
  },
};

const outerSubmit = fn();

/** Inside another form (the designer's dialog): a group, and Enter signs in without submitting the outer form. */
export const NestedInAFormEnglish: Story = {
  globals: { locale: 'en' },
  args: { nested: true },
  render: (args) => (
    <form
      style={{ padding: '1rem', maxWidth: '28rem' }}
      onSubmit={(event) => {
        event.preventDefault();
        outerSubmit();
      }}
    >
      <ServerSignInForm {...args} />
    </form>
  ),
  play: async ({ canvas, canvasElement, args, userEvent }) => {
    outerSubmit.mockClear();
    await expect(canvas.getByRole('group', { name: 'Sign in' })).toBeVisible();
    await expect(canvasElement.querySelectorAll('form')).toHaveLength(1);
    await userEvent.type(canvas.getByLabelText('Login'), 'sari');
    await userEvent.type(canvas.getByLabelText('Password'), 'kata-sandi-uji{Enter}');
    await expect(args.onSignIn).toHaveBeenCalledWith({ serverUrl: '', login: 'sari', password: 'kata-sandi-uji' });
    await expect(outerSubmit).not.toHaveBeenCalled();
  },
};
