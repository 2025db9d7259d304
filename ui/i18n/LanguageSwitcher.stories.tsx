import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { LanguageSwitcher } from './LanguageSwitcher';

const meta = {
  title: 'Shared/LanguageSwitcher',
  component: LanguageSwitcher,
  parameters: { layout: 'centered' },
} satisfies Meta<typeof LanguageSwitcher>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    const select = canvas.getByLabelText('Bahasa');
    await expect(select).toBeVisible();
    await expect(select).toHaveValue('id');
    await expect(canvas.getByRole('option', { name: 'English' })).toBeInTheDocument();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    const select = canvas.getByLabelText('Language');
    await expect(select).toBeVisible();
    await expect(select).toHaveValue('en');
    await expect(canvas.getByRole('option', { name: 'Bahasa Indonesia' })).toBeInTheDocument();
  },
};

export const SwitchingToEnglish: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.selectOptions(canvas.getByLabelText('Bahasa'), 'en');
    await expect(canvas.getByLabelText('Language')).toHaveValue('en');
    await expect(document.documentElement.lang).toBe('en');
  },
};
