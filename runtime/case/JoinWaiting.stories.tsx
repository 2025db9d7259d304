import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { JoinWaiting } from './JoinWaiting';
import { fanOutCase } from './v2CaseFixtures';

const meta = {
  title: 'Runtime/JoinWaiting',
  component: JoinWaiting,
  args: { ...fanOutCase('waiting') },
} satisfies Meta<typeof JoinWaiting>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    const join = canvas.getByRole('region', { name: 'Langkah 7 menunggu cabang paralel' });
    await expect(join).toHaveTextContent('Menunggu: langkah 3 (Dinas Kesehatan); langkah 5 (Dispendukcapil)');
    await expect(join).toHaveTextContent('Sudah masuk: langkah 2 (Kecamatan); langkah 6 (Puskesmas)');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'Step 7 waits for parallel branches' })).toHaveTextContent('Arrived: step 2 (Kecamatan); step 6 (Puskesmas)');
  },
};

/** Nothing waits once every branch has joined. */
export const NothingWaiting: Story = {
  globals: { locale: 'id' },
  args: { ...fanOutCase('joined') },
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelector('.rt-join')).toBeNull();
  },
};
