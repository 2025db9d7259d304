import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { MonevSourceSwitch } from './MonevSourceSwitch';

const meta = {
  title: 'Runtime/Monev/SourceSwitch',
  component: MonevSourceSwitch,
  args: { source: undefined, onChange: fn() },
} satisfies Meta<typeof MonevSourceSwitch>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('group', { name: 'Sumber data' })).toBeVisible();
    // The device's own cases are the default.
    await expect(canvas.getByRole('radio', { name: 'Kasus di perangkat ini' })).toBeChecked();
    await userEvent.click(canvas.getByRole('radio', { name: 'Semua kasus kantor (server)' }));
    await expect(args.onChange).toHaveBeenLastCalledWith('server');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: { source: 'server' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('radio', { name: "All the office's cases (server)" })).toBeChecked();
    await userEvent.click(canvas.getByRole('radio', { name: 'Cases on this device' }));
    await expect(args.onChange).toHaveBeenLastCalledWith(undefined);
  },
};
