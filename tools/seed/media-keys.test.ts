import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedMediaKey, seedMediaSecret } from './media-keys.js';

describe('seeded image keys', () => {
  const secret = randomBytes(32);

  it('are stable for one secret and carry 128 unguessable bits', () => {
    const key = seedMediaKey(secret, 'demo', 7);
    expect(key).toBe(seedMediaKey(secret, 'demo', 7));
    expect(key).toMatch(/^demo\/products\/seed-7-[A-Za-z0-9_-]{22}\/1\.png$/);
    expect(seedMediaKey(secret, 'demo', 8).split('-').at(-1)).not.toBe(key.split('-').at(-1));
    expect(seedMediaKey(randomBytes(32), 'demo', 7)).not.toBe(key);
  });

  it('keep their secret in an owner-only file, made once', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'seed-secret-')), 'seed', 'media-secret');
    const first = seedMediaSecret(file);
    expect(seedMediaSecret(file).equals(first)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
