import { encodePng } from './png.js';
import { seededRandom } from './random.js';

export const IMAGE_SIZE = 320;

type Rgb = readonly [number, number, number];

function hsl(h: number, s: number, l: number): Rgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/**
 * A simple, recognisable product picture: a diagonal gradient in the category's hue with one shape (disc,
 * rounded square or ring) in a lighter tone, varied by `seed`. Deterministic, ~3–10 KB as PNG.
 */
export function productImage(hue: number, seed: number): Buffer {
  const random = seededRandom(seed);
  const shape = Math.floor(random() * 3);
  const top = hsl(hue, 0.55, 0.32 + random() * 0.1);
  const bottom = hsl((hue + 30) % 360, 0.6, 0.62);
  const accent = hsl((hue + 180 + random() * 60) % 360, 0.7, 0.78);
  const c = IMAGE_SIZE / 2;
  const r = IMAGE_SIZE * (0.22 + random() * 0.1);
  return encodePng(IMAGE_SIZE, IMAGE_SIZE, (x, y) => {
    const dx = x - c;
    const dy = y - c;
    const d = Math.hypot(dx, dy);
    const inside =
      shape === 0
        ? d < r
        : shape === 1
          ? Math.max(Math.abs(dx), Math.abs(dy)) < r &&
            Math.hypot(Math.max(Math.abs(dx) - r * 0.7, 0), Math.max(Math.abs(dy) - r * 0.7, 0)) < r * 0.3
          : d < r && d > r * 0.6;
    if (inside) return accent;
    const t = (x + y) / (2 * IMAGE_SIZE);
    return [
      Math.round(top[0] + (bottom[0] - top[0]) * t),
      Math.round(top[1] + (bottom[1] - top[1]) * t),
      Math.round(top[2] + (bottom[2] - top[2]) * t),
    ];
  });
}
