// Draws the two app icons Teams needs, from code (so they can be regenerated and reviewed):
// color.png 192×192 (white cloud with a check on the accent colour) and outline.png 32×32 (the
// same symbol as a white outline on transparent). Run: npx tsx src/manifest/draw-icons.ts
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodePng } from './png';

export const ACCENT_COLOR = '#0F6CBD';
const ACCENT: readonly [number, number, number] = [0x0f, 0x6c, 0xbd];
const SUPERSAMPLE = 4;

// The symbol in its own unit space (x, y in 0..1, y down).
const CLOUD_CIRCLES: readonly (readonly [number, number, number])[] = [
  [0.33, 0.56, 0.17],
  [0.53, 0.44, 0.23],
  [0.71, 0.58, 0.15],
];
const CLOUD_BASE = { x0: 0.33, x1: 0.71, y0: 0.56, y1: 0.73 };
const CHECK: readonly (readonly [number, number])[] = [
  [0.39, 0.58],
  [0.48, 0.66],
  [0.65, 0.47],
];

function circleSdf(x: number, y: number, cx: number, cy: number, r: number): number {
  return Math.hypot(x - cx, y - cy) - r;
}

function boxSdf(x: number, y: number, b: typeof CLOUD_BASE): number {
  const cx = (b.x0 + b.x1) / 2;
  const cy = (b.y0 + b.y1) / 2;
  const dx = Math.abs(x - cx) - (b.x1 - b.x0) / 2;
  const dy = Math.abs(y - cy) - (b.y1 - b.y0) / 2;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0);
}

/** Signed distance to the cloud (negative inside). */
export function cloudSdf(x: number, y: number): number {
  let d = boxSdf(x, y, CLOUD_BASE);
  for (const [cx, cy, r] of CLOUD_CIRCLES) d = Math.min(d, circleSdf(x, y, cx, cy, r));
  // round the base's outer corners into the end circles
  const left = circleSdf(x, y, CLOUD_BASE.x0, CLOUD_BASE.y1 - 0.085, 0.085);
  const right = circleSdf(x, y, CLOUD_BASE.x1, CLOUD_BASE.y1 - 0.085, 0.085);
  return Math.min(d, left, right);
}

function segmentDistance(x: number, y: number, a: readonly [number, number], b: readonly [number, number]): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

export function checkDistance(x: number, y: number): number {
  let d = Infinity;
  for (let i = 0; i + 1 < CHECK.length; i++) d = Math.min(d, segmentDistance(x, y, CHECK[i] as [number, number], CHECK[i + 1] as [number, number]));
  return d;
}

type Shader = (u: number, v: number) => readonly [number, number, number, number];

// centre of the symbol in unit space (its bounding box is about 0.16..0.86 × 0.21..0.73)
const CENTER_U = 0.51;
const CENTER_V = 0.47;

/** Renders `shade` over a size×size grid showing `span` units of symbol space, centred. */
function render(size: number, shade: Shader, span: number): Uint8Array {
  const mapU = (px: number): number => CENTER_U + (px / size - 0.5) * span;
  const mapV = (px: number): number => CENTER_V + (px / size - 0.5) * span;
  const out = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const [cr, cg, cb, ca] = shade(mapU(x + (sx + 0.5) / SUPERSAMPLE), mapV(y + (sy + 0.5) / SUPERSAMPLE));
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (y * size + x) * 4;
      out[i + 3] = Math.round((a / n) * 255);
      out[i] = a > 0 ? Math.round(r / a) : 0;
      out[i + 1] = a > 0 ? Math.round(g / a) : 0;
      out[i + 2] = a > 0 ? Math.round(b / a) : 0;
    }
  }
  return out;
}

/** 192×192: accent background, white cloud, accent check mark. */
export function drawColorIcon(): Buffer {
  const size = 192;
  const white = [255, 255, 255, 1] as const;
  const accent = [...ACCENT, 1] as const;
  // the symbol spans about 60% of the icon, centred
  const rgba = render(
    size,
    (u, v) => {
      if (checkDistance(u, v) < 0.035) return accent;
      if (cloudSdf(u, v) < 0) return white;
      return accent;
    },
    1.2,
  );
  return encodePng(size, size, rgba);
}

/** 32×32: white outline of the cloud and the check, transparent elsewhere. */
export function drawOutlineIcon(): Buffer {
  const size = 32;
  const clear = [255, 255, 255, 0] as const;
  const white = [255, 255, 255, 1] as const;
  const span = 0.84;
  const stroke = (1.05 / size) * span; // half-width: about 2 px lines
  const rgba = render(
    size,
    (u, v) => (Math.abs(cloudSdf(u, v)) < stroke || checkDistance(u, v) < stroke * 0.9 ? white : clear),
    span,
  );
  return encodePng(size, size, rgba);
}

export const MANIFEST_DIR = resolve(__dirname, '..', '..', 'manifest');

if (require.main === module) {
  writeFileSync(join(MANIFEST_DIR, 'color.png'), drawColorIcon());
  writeFileSync(join(MANIFEST_DIR, 'outline.png'), drawOutlineIcon());
  console.log(`wrote ${join(MANIFEST_DIR, 'color.png')} and outline.png`);
}
