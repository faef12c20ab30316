import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRefresh, startRefreshFamily, type RefreshFamily } from './refresh-family.js';
import { newRefreshSecret, refreshToken, type RefreshToken } from './refresh-token.js';

const NOW = 1_750_000_000_000;
const GRACE_MS = 10_000;
const MAX_USED = 20;

/** One client action: refresh with the current token, replay a token `age` generations old, or guess. */
type Step =
  | { readonly kind: 'refresh'; readonly waitMs: number }
  | { readonly kind: 'replay'; readonly age: number; readonly waitMs: number }
  | { readonly kind: 'forge'; readonly waitMs: number };

const wait = fc.oneof(fc.integer({ min: 0, max: GRACE_MS }), fc.integer({ min: GRACE_MS + 1, max: 600_000 }));
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: wait.map((waitMs) => ({ kind: 'refresh' as const, waitMs })) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('replay' as const),
      age: fc.oneof(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 30 })),
      waitMs: wait,
    }),
  },
  { weight: 1, arbitrary: wait.map((waitMs) => ({ kind: 'forge' as const, waitMs })) },
);

describe('refresh family state machine (generated chains)', () => {
  it('never issues a token for a replay; every replay outside the grace rule revokes the family', () => {
    let replays = 0;
    let revocations = 0;
    let graces = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }), (steps) => {
        const started = startRefreshFamily({
          userId: 'u',
          tenantId: 't-1',
          sessionId: 's',
          now: NOW,
          lifetimeMs: 1e12,
        });
        let state: RefreshFamily = started.state;
        const issued: RefreshToken[] = [started.token]; // issued[i] = token of generation i
        const seen = new Set([started.token.value]);
        let now = NOW;
        let lastRotationAt = NOW;

        for (const action of steps) {
          now += action.waitMs;
          const current = issued.at(-1);
          if (current === undefined) throw new Error('no current token');
          const options = { now, nextSecret: newRefreshSecret(), graceMs: GRACE_MS, maxUsedHashes: MAX_USED };

          if (action.kind === 'forge') {
            expect(
              decideRefresh(state, refreshToken(current.familyId, newRefreshSecret()).value, options),
            ).toEqual({
              kind: 'unknown',
            });
            continue;
          }

          if (action.kind === 'refresh') {
            const decision = decideRefresh(state, current.value, options);
            if (state.revoked) {
              expect(decision).toEqual({ kind: 'revoked' });
              continue;
            }
            expect(decision.kind).toBe('rotate');
            if (decision.kind !== 'rotate') return;
            expect(seen.has(decision.newToken.value)).toBe(false);
            expect(decision.nextState.generation).toBe(state.generation + 1);
            seen.add(decision.newToken.value);
            issued.push(decision.newToken);
            state = decision.nextState;
            lastRotationAt = now;
            continue;
          }

          // Replay of a token `age` generations before the current one.
          const index = issued.length - 1 - action.age;
          const old = issued[index];
          if (old === undefined) continue;
          replays += 1;
          const decision = decideRefresh(state, old.value, options);
          expect(decision.kind).not.toBe('rotate'); // a used token never yields a NEW token
          if (action.age > MAX_USED) {
            expect(decision).toEqual({ kind: 'unknown' }); // forgotten hash: rejected, state unchanged
            continue;
          }
          if (state.revoked) {
            expect(decision).toEqual({ kind: 'revoked' });
            continue;
          }
          if (action.age === 1 && now - lastRotationAt <= GRACE_MS) {
            expect(decision).toEqual({ kind: 'grace', token: current }); // the already-issued successor
            graces += 1;
            continue;
          }
          expect(decision.kind).toBe('reuse-detected');
          if (decision.kind !== 'reuse-detected') return;
          expect(decision.nextState.revoked).toBe(true);
          expect(decision.nextState.revokedReason).toBe('reuse-detected');
          revocations += 1;
          state = decision.nextState;
        }
      }),
      { numRuns: 500 },
    );
    // The generators really exercised each branch.
    expect(replays).toBeGreaterThan(1000);
    expect(revocations).toBeGreaterThan(300);
    expect(graces).toBeGreaterThan(50);
  });
});
