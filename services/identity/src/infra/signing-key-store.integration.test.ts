import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityTestKit, type IdentityTestKit } from '@shopstream/testing/identity-kit';
import { openSigningKeyStore } from './signing-key-store.js';

const HOUR = 3_600_000;

describe('signing key store: scheduled rotation across instances (real Postgres)', () => {
  let kit: IdentityTestKit;
  beforeAll(async () => {
    kit = await createIdentityTestKit();
  });
  afterAll(async () => kit?.close());

  it('rotates once when two instances run the schedule together, and keeps the old key published', async () => {
    const a = kit.keyStore;
    const b = await openSigningKeyStore(kit.pool);
    const before = a.keyRing().current;
    const later = before.createdAt + 8 * 24 * HOUR;

    const [ringA, ringB] = await Promise.all([
      a.rotateIfOlderThan(7 * 24 * HOUR, { now: later, retainMs: HOUR }),
      b.rotateIfOlderThan(7 * 24 * HOUR, { now: later, retainMs: HOUR }),
    ]);
    expect(ringA.current.kid).toBe(ringB.current.kid);
    expect(ringA.current.kid).not.toBe(before.kid);
    const published = (at: number) => (a.keyRing().jwks(at).keys as { kid: string }[]).map((k) => k.kid);
    expect(published(later)).toEqual([ringA.current.kid, before.kid]);
    expect(published(later + HOUR + 1)).toEqual([ringA.current.kid]);

    // A young key is left alone.
    expect(
      (await a.rotateIfOlderThan(7 * 24 * HOUR, { now: later + HOUR, retainMs: HOUR })).current.kid,
    ).toBe(ringA.current.kid);
    expect((await b.reload()).current.kid).toBe(ringA.current.kid);
  });
});
