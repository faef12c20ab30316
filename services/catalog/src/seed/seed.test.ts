import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseProductInput } from '../domain/product-input.js';
import { demoProduct } from './demo-catalog.js';
import { IMAGE_SIZE, productImage } from './product-image.js';
import { encodePng } from './png.js';
import { progressBar } from './progress-bar.js';

describe('demo catalog generator', () => {
  it('is deterministic and every product passes the same validation as the API', () => {
    expect(demoProduct(7)).toEqual(demoProduct(7));
    const codes = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const { product } = demoProduct(i);
      const draft = parseProductInput(product, 'demo');
      expect(draft.skus.length).toBeGreaterThan(0);
      for (const sku of draft.skus) {
        expect(codes.has(sku.code)).toBe(false);
        codes.add(sku.code);
        expect(sku.prices.map((p) => p.region)).toEqual(['eu', 'uk', 'us']);
      }
    }
  });
});

describe('PNG encoder', () => {
  it('writes a valid PNG: signature, IHDR, pixels that inflate back', () => {
    const png = encodePng(3, 2, (x, y) => [x * 10, y * 20, 255]);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([3, 2]);
    const idatLength = png.readUInt32BE(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect([...raw]).toEqual([0, 0, 0, 255, 10, 0, 255, 20, 0, 255, 0, 0, 20, 255, 10, 20, 255, 20, 20, 255]);
    expect(png.subarray(png.length - 8, png.length - 4).toString('ascii')).toBe('IEND');
  });

  it('makes small product images', () => {
    const image = productImage(210, 1);
    expect(image.readUInt32BE(16)).toBe(IMAGE_SIZE);
    expect(image.length).toBeLessThan(40_000);
  });
});

describe('progress bar', () => {
  it('prints one line per 10 % when not on a terminal', () => {
    const lines: string[] = [];
    const bar = progressBar('seed', 20, { isTTY: false, write: (t) => lines.push(t) });
    for (let i = 0; i < 20; i++) bar.tick();
    bar.done('20 products');
    expect(lines.length).toBe(12); // 0 %, 10 % … 100 %, summary
    expect(lines.at(-2)).toMatch(/\[█+\] 20\/20 100%/);
    expect(lines.at(-1)).toMatch(/^seed: 20 products in \d+\.\d s\n$/);
  });
});
