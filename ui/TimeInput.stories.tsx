import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent } from 'storybook/test';
import { TimeInput, parseClockTime, type TimeInputProps } from './TimeInput';

/** Holds the value as a form would, so the stories show what the field hands on. */
function Controlled(props: TimeInputProps) {
  const [value, setValue] = useState(props.value);
  return (
    <form onSubmit={(event) => event.preventDefault()}>
      <TimeInput
        {...props}
        value={value}
        onChange={(next) => {
          setValue(next);
          props.onChange(next);
        }}
      />
      <p>
        <output>{value}</output>
      </p>
    </form>
  );
}

const meta = {
  title: 'UI/TimeInput',
  component: TimeInput,
  args: { value: '07:30', label: 'Masuk', onChange: fn() },
  render: (args) => <Controlled {...args} />,
} satisfies Meta<typeof TimeInput>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 24-hour, never AM/PM: a text field, whatever the browser's own locale. "7.30", as Indonesians write it, is 07:30. */
export const IndonesianDotTime: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    const input = canvas.getByLabelText('Masuk');
    await expect(input).toHaveAttribute('type', 'text');
    await expect(input).toHaveValue('07:30');
    await expect(input).toHaveAccessibleDescription('Jam 24 jam, JJ:MM atau JJ.MM, misalnya 07:30 atau 16.00.');
    await userEvent.clear(input);
    await userEvent.type(input, '7.45');
    await expect(args.onChange).toHaveBeenLastCalledWith('07:45');
    await userEvent.tab();
    await expect(input).toHaveValue('07:45');
    await expect(input).not.toHaveAttribute('aria-invalid');
    await userEvent.clear(input);
    await userEvent.type(input, '16.30');
    await expect(args.onChange).toHaveBeenLastCalledWith('16:30');
    await expect(canvas.getByRole('status')).toHaveTextContent('16:30');
  },
};

/** A time that is not one is said in the interface's language, tied to the field for screen readers. */
export const InvalidEnglish: Story = {
  globals: { locale: 'en' },
  args: { label: 'Start' },
  play: async ({ canvas, args }) => {
    const input = canvas.getByLabelText('Start');
    await userEvent.clear(input);
    await userEvent.type(input, '25:00');
    // Not while typing: only once the clerk leaves the field.
    await expect(input).not.toHaveAttribute('aria-invalid');
    await userEvent.tab();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(/^"25:00" is not a valid time\. Write it in 24-hour form as HH:MM or HH\.MM/);
    await expect(args.onChange).toHaveBeenLastCalledWith('25:00');
    await expect(input).toHaveValue('25:00');
    // Corrected: the message goes.
    await userEvent.clear(input);
    await userEvent.type(input, '23.59');
    await expect(input).not.toHaveAttribute('aria-invalid');
    await expect(canvas.queryByText(/is not a valid time/)).toBeNull();
  },
};

export const RequiredEmptyIndonesian: Story = {
  globals: { locale: 'id' },
  args: { required: true, showErrors: true, value: '' },
  play: async ({ canvas }) => {
    const input = canvas.getByLabelText('Masuk');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAttribute('placeholder', 'JJ:MM');
    await expect(canvas.getByText('Jam wajib diisi (JJ:MM, misalnya 07:30).')).toBeVisible();
  },
};

/** An optional field (a break) may stay empty; a disabled one (a day off) is never marked. */
export const OptionalAndDisabledEnglish: Story = {
  globals: { locale: 'en' },
  args: { value: '', label: 'Break start', showErrors: true },
  render: (args) => (
    <>
      <Controlled {...args} />
      <Controlled {...args} label="Start (Sunday)" value="abc" disabled required />
    </>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Break start')).not.toHaveAttribute('aria-invalid');
    await expect(canvas.getByLabelText('Start (Sunday)')).toBeDisabled();
    await expect(canvas.getByLabelText('Start (Sunday)')).not.toHaveAttribute('aria-invalid');
    await expect(canvas.getByLabelText('Break start')).toHaveAttribute('placeholder', 'HH:MM');
  },
};

/** In a table the column header says what the field is: the label is its accessible name, not shown text. */
export const HiddenLabelIndonesian: Story = {
  globals: { locale: 'id' },
  args: { label: 'Pulang (Jumat)', hideLabel: true, value: '16:30' },
  play: async ({ canvas }) => {
    const input = canvas.getByRole('textbox', { name: 'Pulang (Jumat)' });
    await expect(input).toHaveValue('16:30');
    await expect(input).toHaveAccessibleDescription('Jam 24 jam, JJ:MM atau JJ.MM, misalnya 07:30 atau 16.00.');
    await expect(canvas.queryByText('Pulang (Jumat)')).toBeNull();
    await expect(canvas.getByText(/^Jam 24 jam/)).not.toBeVisible();
  },
};

/** What the field accepts, as a table a reviewer can read. */
export const AcceptedForms: Story = {
  globals: { locale: 'id' },
  play: async () => {
    const cases: [string, string | null][] = [
      ['07:30', '07:30'],
      ['7:30', '07:30'],
      ['07.30', '07:30'],
      ['7.5', null],
      [' 16.00 ', '16:00'],
      ['00.00', '00:00'],
      ['24:00', '24:00'],
      ['24:30', null],
      ['23:60', null],
      ['7 30', null],
      ['0730', null],
      ['7:30 PM', null],
      ['', null],
    ];
    for (const [text, expected] of cases) await expect([text, parseClockTime(text)]).toEqual([text, expected]);
  },
};
