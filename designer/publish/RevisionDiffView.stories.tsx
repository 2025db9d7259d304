import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { diffRevisions } from '../../core/document';
import '../designer.css';
import { sampleDoc } from '../stories/storySupport';
import { RevisionDiffView } from './RevisionDiffView';

const before = sampleDoc('oku-01-sktm');
const after = structuredClone(before);
after.identity.number = '460/01/SKTM/2025';
after.flows[0]!.steps[1]!.text = 'Persyaratan diverifikasi petugas front office';
after.flows[0]!.steps.splice(2, 0, { id: 's9', kind: 'process', text: 'Petugas mencatat di buku register', actors: [{ actor: 'front-office', role: 'performs' }] });

const meta = {
  title: 'Designer/Publish/RevisionDiffView',
  component: RevisionDiffView,
  args: { diff: diffRevisions(before, after) },
} satisfies Meta<typeof RevisionDiffView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/^Langkah ditambahkan: Petugas mencatat di buku register/)).toBeVisible();
    await expect(canvas.getByText(/^Langkah diubah: 2\. Persyaratan diverifikasi/)).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Identitas' })).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/^Step added: /)).toBeVisible();
  },
};

export const NoChange: Story = {
  globals: { locale: 'id' },
  args: { diff: diffRevisions(before, before) },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Tidak ada perubahan isi.')).toBeVisible();
  },
};
