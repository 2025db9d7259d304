import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawAppIcon } from './appIcon';
import { APP_ICON_FILES, INSTALLABLE_APPS, webAppManifest } from './appManifests';
import { LAZY_EDITOR_FILES } from './offlineSupport';
import { crc32, encodePng } from './png';

/** Decodes what encodePng writes (RGBA, filter 0 on every row): width, height and the pixels. */
function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length), `CRC of ${type}`).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(rows[y * (1 + width * 4)]).toBe(0);
    rows.copy(pixels, y * width * 4, y * (1 + width * 4) + 1, (y + 1) * (1 + width * 4));
  }
  return { width, height, pixels };
}

const pixelAt = (image: { width: number; pixels: Buffer }, x: number, y: number) => [...image.pixels.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4)];

describe('the app icons', () => {
  it('computes the CRC-32 PNG uses', () => {
    expect(crc32(Buffer.from('IEND', 'latin1'))).toBe(0xae426082);
  });

  it('draws the favicon: a blue tile with a white flowchart, transparent corners when not maskable', () => {
    const image = decodePng(encodePng(192, 192, drawAppIcon(192, 'any')));
    expect([image.width, image.height]).toEqual([192, 192]);
    expect(pixelAt(image, 0, 0)).toEqual([0, 0, 0, 0]);
    expect(pixelAt(image, 96, 114)).toEqual([255, 255, 255, 255]); // the decision diamond's centre (16, 19) of 32
    expect(pixelAt(image, 30, 96)).toEqual([0x0b, 0x5c, 0xad, 255]);
  });

  it('fills the whole square when maskable, and keeps the drawing inside the safe circle', () => {
    const size = 512;
    const image = decodePng(encodePng(size, size, drawAppIcon(size, 'maskable')));
    expect(pixelAt(image, 0, 0)).toEqual([0x0b, 0x5c, 0xad, 255]);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const [r] = pixelAt(image, x, y);
        if (r !== 0x0b) expect(Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2), `${x},${y}`).toBeLessThanOrEqual(0.4 * size);
      }
    }
  });
});

describe('the manifests', () => {
  it('name the runtime and the designer in Indonesian, with URLs relative to the app folder', () => {
    expect(INSTALLABLE_APPS.map((app) => [app.folder, app.name, app.shortName])).toEqual([
      ['runtime', 'Pelaksanaan Kasus · SOP Studio', 'Kasus SOP'],
      ['designer', 'Perancang SOP · SOP Studio', 'Perancang SOP'],
    ]);
    for (const app of INSTALLABLE_APPS) {
      const manifest = JSON.parse(webAppManifest(app)) as Record<string, unknown> & { icons: { src: string }[] };
      expect(manifest).toMatchObject({ lang: 'id', start_url: './', scope: './', display: 'standalone' });
      // The site works from any folder of any server: nothing absolute.
      for (const url of [manifest['start_url'], manifest['scope'], ...manifest.icons.map((i) => i.src)]) expect(url).toMatch(/^\.\.?\//);
      expect(manifest.icons.map((i) => i.src)).toEqual(['../favicon.svg', ...APP_ICON_FILES.map((icon) => `../${icon.path}`)]);
    }
  });
});

describe('the files cached on first use rather than at install', () => {
  it('are Monaco and its workers, stylesheet and lazy JSON language, nothing else (its icon font is precached)', () => {
    for (const file of ['MonacoJsonEditor-CtOj2NEY.js', 'MonacoJsonEditor-D7UALCvj.css', 'jsonMode-BfPlONH0.js', 'editor.worker-CRz__AKW.js', 'json.worker-CV9fqkUp.js']) {
      expect(LAZY_EDITOR_FILES.test(`http://127.0.0.1:4173/sop/assets/${file}`), file).toBe(true);
    }
    for (const file of ['designer-FsO0dw-U.js', 'validation-ishFSXWC.js', 'samples-B3w1cW3d.js', 'runtime-ZzEpiBHs.js', 'codicon-DF1abBS2.ttf']) {
      expect(LAZY_EDITOR_FILES.test(`http://127.0.0.1:4173/assets/${file}`), file).toBe(false);
    }
  });
});
