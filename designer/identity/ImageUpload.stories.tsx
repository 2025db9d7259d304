import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { SAMPLE_LOGO } from '../../print/fixtures/sampleImages';
import type { Image } from '../../schemas/generated/sop.types';
import '../designer.css';
import './identity.css';
import { ImageUpload } from './ImageUpload';
import { logoPngFile, oversizePngFile } from './testFiles';

/** The upload box on its own, holding its image in local state. */
function ImageUploadDemo({ initial, onImage }: { initial?: Image; onImage: (image: Image) => void }) {
  const [image, setImage] = useState<Image | undefined>(initial);
  return (
    <div style={{ padding: 16, maxWidth: 360 }}>
      <ImageUpload
        image={image}
        chooseLabel="Pilih logo"
        previewAlt="Logo kop surat saat ini"
        emptyText="Belum ada logo."
        onImage={(next) => {
          setImage(next);
          onImage(next);
        }}
        remove={{ label: 'Hapus logo', onRemove: () => setImage(undefined) }}
      />
    </div>
  );
}

const meta = {
  title: 'Designer/Identity/ImageUpload',
  component: ImageUploadDemo,
  args: { onImage: fn() },
} satisfies Meta<typeof ImageUploadDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByText('Belum ada logo.')).toBeVisible();
    await expect(canvas.getByText(/PNG atau JPEG, paling besar 256,3 KB/)).toBeVisible();
    await userEvent.upload(canvas.getByLabelText('Pilih logo'), logoPngFile());
    await waitFor(() => expect(args.onImage).toHaveBeenCalledWith({ mediaType: 'image/png', base64: SAMPLE_LOGO.base64 }));
    await expect(canvas.getByRole('img', { name: 'Logo kop surat saat ini' })).toBeVisible();
  },
};

/** A file over the limit: the message gives its size and the limit; nothing changes. */
export const TooLarge: Story = {
  globals: { locale: 'en' },
  args: { initial: SAMPLE_LOGO },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.upload(canvas.getByLabelText('Pilih logo'), oversizePngFile());
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('The file "logo-besar.png" is 256.4 KB; the most allowed is 256.3 KB. The previous image is kept.'));
    await expect(args.onImage).not.toHaveBeenCalled();
    await expect(canvas.getByRole('img', { name: SAMPLE_LOGO.alt! })).toBeVisible();
  },
};
