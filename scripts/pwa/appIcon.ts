/**
 * The app icon as pixels: the drawing of public/favicon.svg (a blue tile with a
 * white terminator, arrow and decision diamond: a flowchart in three symbols),
 * rasterised here so that the PNG sizes an installed app needs come from the
 * same drawing, with no image tool and no binary file in the repository.
 *
 * Shapes are tested in the favicon's own 32 × 32 units; each pixel averages
 * 4 × 4 samples, which is enough anti-aliasing for straight and diagonal edges.
 */
export const ICON_BLUE = '#0b5cad';

/** `any`: the rounded tile with transparent corners. `maskable`: a full-bleed tile with the drawing inside the safe circle. */
export type IconPurpose = 'any' | 'maskable';

const SAMPLES_PER_AXIS = 4;
/** The maskable safe zone is the centred circle of radius 40 %; at 80 % the drawing's farthest corner sits at 35 %. */
const MASKABLE_DRAWING_SCALE = 0.8;

type Paint = 'tile' | 'mark' | null;

/** What the favicon paints at (x, y), in its 32-unit space. */
function paintAt(x: number, y: number, purpose: IconPurpose): Paint {
  const inTile = purpose === 'maskable' ? x >= 0 && x <= 32 && y >= 0 && y <= 32 : inRoundedRect(x, y, 0, 0, 32, 32, 6);
  if (!inTile) return null;
  // The drawing, scaled about the centre for the maskable variant.
  const s = purpose === 'maskable' ? MASKABLE_DRAWING_SCALE : 1;
  const u = 16 + (x - 16) / s;
  const v = 16 + (y - 16) / s;
  const terminator = inRoundedRect(u, v, 9, 4, 14, 6, 3);
  const arrowIn = Math.abs(u - 16) <= 1 && v >= 10 && v <= 14;
  const decision = Math.abs(u - 16) / 6 + Math.abs(v - 19) / 5 <= 1;
  const arrowOut = Math.abs(u - 16) <= 1 && v >= 24 && v <= 27;
  return terminator || arrowIn || decision || arrowOut ? 'mark' : 'tile';
}

function inRoundedRect(x: number, y: number, left: number, top: number, width: number, height: number, radius: number): boolean {
  if (x < left || x > left + width || y < top || y > top + height) return false;
  const cx = Math.min(Math.max(x, left + radius), left + width - radius);
  const cy = Math.min(Math.max(y, top + radius), top + height - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The icon at `size` × `size` pixels, as straight (not premultiplied) RGBA bytes. */
export function drawAppIcon(size: number, purpose: IconPurpose): Uint8Array {
  const [tileR, tileG, tileB] = hexToRgb(ICON_BLUE);
  const pixels = new Uint8Array(size * size * 4);
  const samples = SAMPLES_PER_AXIS * SAMPLES_PER_AXIS;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let mark = 0;
      for (let sy = 0; sy < SAMPLES_PER_AXIS; sy++) {
        for (let sx = 0; sx < SAMPLES_PER_AXIS; sx++) {
          const x = ((px + (sx + 0.5) / SAMPLES_PER_AXIS) / size) * 32;
          const y = ((py + (sy + 0.5) / SAMPLES_PER_AXIS) / size) * 32;
          const paint = paintAt(x, y, purpose);
          if (paint === 'tile') tile++;
          else if (paint === 'mark') mark++;
        }
      }
      const covered = tile + mark;
      const i = (py * size + px) * 4;
      if (covered === 0) continue;
      // Colour of the covered part (white mark over blue), alpha by coverage.
      const white = mark / covered;
      pixels[i] = Math.round(tileR + (255 - tileR) * white);
      pixels[i + 1] = Math.round(tileG + (255 - tileG) * white);
      pixels[i + 2] = Math.round(tileB + (255 - tileB) * white);
      pixels[i + 3] = Math.round((255 * covered) / samples);
    }
  }
  return pixels;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}
