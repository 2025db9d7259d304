import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../designer.css';
import { EvaluationLink, safeEvaluationHref } from './EvaluationLink';

const meta = {
  title: 'Designer/Publish/EvaluationLink',
  component: EvaluationLink,
  args: { evaluation: { id: 'eval-2026-1', title: 'Evaluasi SOP Penerbitan SPM, Januari–Juni 2026', url: 'https://sop.example.go.id/runtime/#/monev/evaluasi/eval-2026-1' } },
} satisfies Meta<typeof EvaluationLink>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The evaluation's title links back to it in the runtime. */
export const Linked: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Menindaklanjuti evaluasi:', { exact: false })).toBeVisible();
    const link = canvas.getByRole('link', { name: 'Evaluasi SOP Penerbitan SPM, Januari–Juni 2026' });
    await expect(link).toHaveAttribute('href', 'https://sop.example.go.id/runtime/#/monev/evaluasi/eval-2026-1');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  },
};

/** An address that is not http(s) is never made clickable: the title is shown as text. */
export const UnsafeAddressInEnglish: Story = {
  globals: { locale: 'en' },
  args: { evaluation: { id: 'e', title: 'Evaluation with a bad address', url: 'javascript:alert(1)' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Follows up the evaluation:', { exact: false })).toBeVisible();
    await expect(canvas.getByText('Evaluation with a bad address')).toBeVisible();
    await expect(canvas.queryByRole('link')).toBeNull();
    await expect(safeEvaluationHref('../runtime/#/monev', 'https://h/designer/')).toBe('https://h/runtime/#/monev');
    await expect(safeEvaluationHref('data:text/html,x', 'https://h/designer/')).toBeUndefined();
  },
};
