import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { DEFAULT_WORKING_CALENDAR } from '../../core/sla';
import { CalendarSettingsForm, type CalendarSettingsFormProps } from './CalendarSettings';

const meta = {
  title: 'Runtime/CalendarSettings',
  component: CalendarSettingsForm,
  args: { calendar: DEFAULT_WORKING_CALENDAR, onSave: fn<CalendarSettingsFormProps['onSave']>(async () => undefined) },
} satisfies Meta<typeof CalendarSettingsForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByLabelText('Pulang (Jumat)')).toHaveValue('16:30');
    await expect(canvas.getByLabelText('Istirahat mulai (Jumat)')).toHaveValue('11:30');
    await expect(canvas.getByLabelText('Hari kerja (Sabtu)')).not.toBeChecked();
    await userEvent.type(canvas.getByLabelText(/Hari libur/), '2025-08-17{enter}17-08-2025');
    await userEvent.click(canvas.getByRole('button', { name: 'Simpan kalender kerja' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Tanggal libur "17-08-2025" tidak sah (gunakan TTTT-BB-HH).');
    expect(args.onSave).not.toHaveBeenCalled();
    await userEvent.clear(canvas.getByLabelText(/Hari libur/));
    await userEvent.type(canvas.getByLabelText(/Hari libur/), '2025-08-17');
    await userEvent.click(canvas.getByLabelText('Hari kerja (Sabtu)'));
    await userEvent.click(canvas.getByRole('button', { name: 'Simpan kalender kerja' }));
    await waitFor(() => expect(args.onSave).toHaveBeenCalledWith(expect.objectContaining({ holidays: ['2025-08-17'], timeZone: 'Asia/Jakarta' })));
    const saved = (args.onSave as ReturnType<typeof fn>).mock.calls[0]![0];
    expect(saved.week[6]).toEqual({ start: '07:30', end: '16:00' });
    await expect(canvas.getByRole('status')).toHaveTextContent('Kalender kerja disimpan.');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Working calendar (for due times)' })).toBeVisible();
    await expect(canvas.getByLabelText('End (Monday)')).toHaveValue('16:00');
    await userEvent.selectOptions(canvas.getByLabelText('Time zone'), 'Asia/Makassar');
    await expect(canvas.getByLabelText('Time zone')).toHaveValue('Asia/Makassar');
  },
};

/** Times are typed 24-hour as offices write them (07.15 or 07:15), stored as HH:MM; a wrong one blocks saving. */
export const TwentyFourHourTimesIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    const monday = canvas.getByLabelText('Masuk (Senin)');
    // Never the browser's own time picker, which shows AM/PM in an English Chromium.
    await expect(monday).toHaveAttribute('type', 'text');
    await userEvent.clear(monday);
    await userEvent.type(monday, '7.15');
    const breakStart = canvas.getByLabelText('Istirahat mulai (Senin)');
    await userEvent.clear(breakStart);
    await userEvent.type(breakStart, '12.70');
    await userEvent.click(canvas.getByRole('button', { name: 'Simpan kalender kerja' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Ada jam yang tidak sah; perbaiki isian yang ditandai. Kalender belum disimpan.');
    await expect(breakStart).toHaveAttribute('aria-invalid', 'true');
    await expect(breakStart).toHaveAccessibleDescription(/^"12\.70" bukan jam yang sah\./);
    expect(args.onSave).not.toHaveBeenCalled();

    await userEvent.clear(breakStart);
    await userEvent.type(breakStart, '12.00');
    await userEvent.click(canvas.getByRole('button', { name: 'Simpan kalender kerja' }));
    await waitFor(() => expect(args.onSave).toHaveBeenCalled());
    const saved = (args.onSave as ReturnType<typeof fn>).mock.calls[0]![0];
    expect(saved.week[1]).toEqual({ start: '07:15', end: '16:00', breaks: [{ start: '12:00', end: '13:00' }] });
    await expect(monday).toHaveValue('07:15');
  },
};
