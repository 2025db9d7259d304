import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { bwiCase } from '../storyFixtures';
import { ReturnPanel, type ReturnPanelProps } from './ReturnPanel';

const atDecision = bwiCase(5);

const meta = {
  title: 'Runtime/ReturnPanel',
  component: ReturnPanel,
  args: { ...atDecision, visit: atDecision.state.visits.at(-1)!, onSubmit: fn<ReturnPanelProps['onSubmit']>(async () => undefined) },
} satisfies Meta<typeof ReturnPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByText('Kembalikan atau batalkan'));
    const to = canvas.getByLabelText('Kembalikan ke');
    // Only steps this case already completed are offered.
    expect(Array.from((to as HTMLSelectElement).options).map((o) => o.value)).toEqual(['applicant', 's1', 's2', 's3', 's4', 's5']);
    await userEvent.selectOptions(to, 's4');
    await userEvent.type(canvas.getByLabelText('Alasan pengembalian'), 'Foto rumah belum ada');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Photo kopi KTP pemilik rumah, jika numpang/sewa' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Kembalikan' }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith({ kind: 'return', stepId: 's6', to: { stepId: 's4' }, reason: 'Foto rumah belum ada', missing: ['s4-r3'] }),
    );
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: { onSubmit: fn<ReturnPanelProps['onSubmit']>(async () => ({ message: { id: 'Tuliskan alasan pembatalan.', en: 'Give a reason for cancelling.' } })) },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByText('Return or cancel'));
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel the case' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Give a reason for cancelling.');
  },
};
