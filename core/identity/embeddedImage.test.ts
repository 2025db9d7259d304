import { describe, expect, it } from 'vitest';
import { SOP_LIMITS } from '../validation/limits';
import { schemaStringLimits } from '../../schemas/generated/limits';
import { imageDataUrl, readEmbeddedImage, sniffImageType } from './embeddedImage';

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const bytes = (head: number[], size = head.length) => {
  const out = new Uint8Array(size);
  out.set(head);
  return out;
};

describe('readEmbeddedImage', () => {
  it('reads the type from the first bytes, whatever the file is called', () => {
    expect(sniffImageType(bytes(PNG_HEAD, 20))).toBe('image/png');
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0], 20))).toBe('image/jpeg');
    expect(readEmbeddedImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'))).toEqual({ ok: false, problem: 'type' });
    expect(readEmbeddedImage(bytes([0x47, 0x49, 0x46, 0x38], 20))).toEqual({ ok: false, problem: 'type' });
    expect(readEmbeddedImage(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
  });

  it('embeds a PNG as base64 whose length the schema accepts, up to the limit and not a byte more', () => {
    const largest = readEmbeddedImage(bytes(PNG_HEAD, SOP_LIMITS.imageBytes));
    expect(largest.ok).toBe(true);
    if (largest.ok) {
      expect(largest.image.mediaType).toBe('image/png');
      expect(largest.image.base64.length).toBeLessThanOrEqual(schemaStringLimits['Image.base64']);
      expect(imageDataUrl(largest.image).startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
    }
    expect(readEmbeddedImage(bytes(PNG_HEAD, SOP_LIMITS.imageBytes + 1))).toEqual({ ok: false, problem: 'size', bytes: SOP_LIMITS.imageBytes + 1, limit: SOP_LIMITS.imageBytes });
  });
});
