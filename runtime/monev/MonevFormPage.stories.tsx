import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import '../runtime.css';
import { WithRuntime } from '../storyFixtures';
import { MonevFormPage } from './MonevFormPage';
import { evaluationFormFixture, monitoringFormFixture, MONEV_SOP_ID } from './monevFormFixtures';
import { monevFormsDb } from './monevFormsDb';

const meta = {
  title: 'Runtime/Monev/MonevFormPage',
  component: MonevFormPage,
  args: { sopId: MONEV_SOP_ID, formId: monitoringFormFixture().id },
  loaders: [async () => ({ db: await monevFormsDb({ forms: true }) })],
  render: (args, { loaded }) => (
    <WithRuntime db={loaded['db']}>
      <MonevFormPage {...args} />
    </WithRuntime>
  ),
} satisfies Meta<typeof MonevFormPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const MonitoringIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByRole('heading', { name: 'Formulir Monitoring Pelaksanaan SOP (Draf)' })).toBeVisible();
    for (const name of ['Cetak', 'Unduh CSV', 'Unduh XLSX', 'Buat formulir evaluasi']) await expect(canvas.getByRole('button', { name })).toBeVisible();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Catatan hasil penilaian langkah 3' }), 'Register manual');
    await expect(await canvas.findByText('Tersimpan otomatis di perangkat ini.', {}, { timeout: 3000 })).toBeVisible();
    // The paper layout is there for print only.
    await expect(getComputedStyle(canvasElement.querySelector('.mv-form-page__print')!).display).toBe('none');
  },
};

export const EvaluationEnglish: Story = {
  globals: { locale: 'en' },
  args: { formId: evaluationFormFixture().id },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'SOP Evaluation Form (Draft)' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'The monitoring form it draws on' })).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: 'Paper size' })).toHaveValue('a4');
    await expect(canvas.queryByRole('button', { name: 'Create the evaluation form' })).toBeNull();
  },
};

export const Missing: Story = {
  globals: { locale: 'id' },
  args: { formId: 'tidak-ada' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Formulir "tidak-ada" tidak ada di perangkat ini.');
  },
};
