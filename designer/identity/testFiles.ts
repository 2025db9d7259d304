/**
 * Files a drafter might pick for a logo or QR, for stories and browser tests:
 * a real PNG, an SVG with script named ".png", and a PNG over the size limit.
 */
import { SOP_LIMITS } from '../../core/validation/limits';
import { SAMPLE_LOGO, SAMPLE_QR } from '../../print/fixtures/sampleImages';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const logoPngFile = () => new File([bytesOf(SAMPLE_LOGO.base64)], 'logo-kabupaten.png', { type: 'image/png' });
export const qrPngFile = () => new File([bytesOf(SAMPLE_QR.base64)], 'qr-tte.png', { type: 'image/png' });

/** Script in an SVG, named and typed as a PNG: only its bytes tell. */
export const svgNamedPngFile = () =>
  new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'logo.png', { type: 'image/png' });

/** A PNG signature followed by zeros, one byte over the schema's limit. */
export function oversizePngFile(): File {
  const bytes = new Uint8Array(SOP_LIMITS.imageBytes + 1);
  bytes.set(bytesOf(SAMPLE_LOGO.base64).subarray(0, 8));
  return new File([bytes], 'logo-besar.png', { type: 'image/png' });
}

/** Drops `file` on `target` as a drag from the desktop would. */
export function dropFile(target: Element, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  for (const type of ['dragenter', 'dragover', 'drop'] as const) {
    target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }
}

/** A PNG signature with nothing drawable after it: a truncated download. */
export function damagedPngFile(): File {
  const bytes = new Uint8Array(64);
  bytes.set(bytesOf(SAMPLE_LOGO.base64).subarray(0, 8));
  return new File([bytes], 'logo-rusak.png', { type: 'image/png' });
}
