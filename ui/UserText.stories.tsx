import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { UserText } from './UserText';

const meta = {
  title: 'UI/UserText',
  component: UserText,
  args: { children: 'surat-\u202Efdp.exe' },
  render: (args) => (
    <p style={{ width: '20rem' }}>
      Berkas: <UserText {...args} />, foto-kk.jpg
    </p>
  ),
} satisfies Meta<typeof UserText>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A right-to-left override inside the name reorders only the name: ", foto-kk.jpg" reads left to right. */
export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvasElement }) => {
    const bdi = canvasElement.querySelector('bdi')!;
    await expect(getComputedStyle(bdi).unicodeBidi).toBe('isolate');
    await expect(canvasElement.textContent).toContain(', foto-kk.jpg');
  },
};

/** A 300-character name without spaces wraps inside its 20rem paragraph. */
export const English: Story = {
  globals: { locale: 'en' },
  args: { children: 'x'.repeat(300) },
  play: async ({ canvasElement }) => {
    const paragraph = canvasElement.querySelector('p')!;
    await expect(getComputedStyle(canvasElement.querySelector('bdi')!).overflowWrap).toBe('anywhere');
    await expect(paragraph.scrollWidth).toBeLessThanOrEqual(paragraph.clientWidth);
  },
};
