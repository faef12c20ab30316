import argon2 from 'argon2';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPasswordHasher, OWASP_ARGON2ID } from './password-hasher.js';

// Every argon2 call here costs ~50–100 ms (19 MiB, t=2), so hashes are made once and shared.
const hasher = createPasswordHasher();
const PASSWORD = 'correct horse battery staple';
let encoded: string;

beforeAll(async () => {
  encoded = await hasher.hash(PASSWORD);
});

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

describe('createPasswordHasher', () => {
  it('produces an argon2id PHC string with the OWASP parameters and a salt', () => {
    expect(encoded).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(encoded).not.toContain(PASSWORD);
  });

  it('verifies the right password and rejects a wrong one', async () => {
    expect(await hasher.verify(encoded, PASSWORD)).toBe(true);
    expect(await hasher.verify(encoded, `${PASSWORD}!`)).toBe(false);
  });

  it('verifies an NFKC-equivalent spelling of the password', async () => {
    const stored = await hasher.hash('caf\u00e9 au lait');
    expect(await hasher.verify(stored, 'cafe\u0301 au lait')).toBe(true);
  });

  it('flags hashes made with other parameters or another variant for rehash', async () => {
    expect(hasher.needsRehash(encoded)).toBe(false);
    expect(createPasswordHasher({ ...OWASP_ARGON2ID, timeCost: 3 }).needsRehash(encoded)).toBe(true);
    expect(
      createPasswordHasher({ ...OWASP_ARGON2ID, memoryCost: 47_104, timeCost: 1 }).needsRehash(encoded),
    ).toBe(true);
    const argon2i = await argon2.hash(PASSWORD, { type: argon2.argon2i, ...OWASP_ARGON2ID });
    expect(hasher.needsRehash(argon2i)).toBe(true);
  });

  it('refuses to hash a password over the byte limit and answers false when verifying one', async () => {
    await expect(hasher.hash('a'.repeat(1_000_000))).rejects.toMatchObject({
      code: 'Identity.InvalidPassword',
    });
    expect(await hasher.verify(encoded, 'a'.repeat(1_000_000))).toBe(false);
  });

  it('answers false for an unknown account after about the same time as a real verification', async () => {
    expect(await hasher.verifyAgainstDummy(PASSWORD)).toBe(false); // warms the lazy dummy hash
    const real: number[] = [];
    const dummy: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      real.push(await timed(() => hasher.verify(encoded, 'wrong password')));
      dummy.push(await timed(() => hasher.verifyAgainstDummy('wrong password')));
    }
    const ratio = dummy.reduce((a, b) => a + b) / real.reduce((a, b) => a + b);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
