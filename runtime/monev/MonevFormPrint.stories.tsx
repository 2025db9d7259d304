import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { evaluationFormFixture, monitoringFormFixture } from './monevFormFixtures';
import { MonevFormPrint } from './MonevFormPrint';
import '../runtime.css';

const meta = {
  title: 'Runtime/Monev/MonevFormPrint',
  component: MonevFormPrint,
  args: { form: monitoringFormFixture('id'), paper: 'a4', timeZone: 'Asia/Jakarta' },
} satisfies Meta<typeof MonevFormPrint>;

export default meta;
type Story = StoryObj<typeof meta>;

export const MonitoringIndonesianA4: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('heading', { name: 'Formulir Monitoring Pelaksanaan SOP' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Berjalan dengan baik' })).toBeVisible();
    await expect(canvas.getByRole('cell', { name: 'Berkas lengkap?' })).toBeVisible();
    await expect(canvas.getByText('Tanggal: 25 Mar 2026')).toBeVisible();
    await expect(canvas.getByText('NIP 19850512 201001 2 003')).toBeVisible();
    await expect(getComputedStyle(canvasElement.querySelector('.mv-print')!).getPropertyValue('page')).toBe('mv-a4-landscape');
  },
};

export const EvaluationEnglishF4: Story = {
  globals: { locale: 'en' },
  args: { form: evaluationFormFixture('en'), paper: 'f4' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('heading', { name: 'SOP Evaluation Form' })).toBeVisible();
    await expect(canvas.getByRole('cell', { name: 'Easy to understand' })).toBeVisible();
    await expect(canvas.getByText('Revise the SOP')).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Step notes for the drafter of the revision' })).toBeVisible();
    await expect(getComputedStyle(canvasElement.querySelector('.mv-print')!).getPropertyValue('page')).toBe('mv-f4-portrait');
  },
};
