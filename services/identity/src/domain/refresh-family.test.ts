import { describe, expect, it } from 'vitest';
import {
  decideRefresh,
  revokeRefreshFamily,
  startRefreshFamily,
  type RefreshFamily,
} from './refresh-family.js';
import {
  hashRefreshToken,
  newFamilyId,
  newRefreshSecret,
  refreshToken,
  type RefreshToken,
} from './refresh-token.js';

const NOW = 1_750_000_000_000;
const DAY = 86_400_000;

function start(): { state: RefreshFamily; token: RefreshToken } {
  return startRefreshFamily({
    userId: 'u-1',
    tenantId: 'tenant-a',
    sessionId: 's-1',
    now: NOW,
    lifetimeMs: 30 * DAY,
  });
}

function rotateOnce(state: RefreshFamily, token: RefreshToken, now: number) {
  const decision = decideRefresh(state, token.value, { now, nextSecret: newRefreshSecret() });
  if (decision.kind !== 'rotate') throw new Error(`expected rotate, got ${decision.kind}`);
  return { state: decision.nextState, token: decision.newToken };
}

describe('decideRefresh', () => {
  it('starts a family storing only the hash of its first token', () => {
    const { state, token } = start();
    expect(state.currentHash).toBe(hashRefreshToken(token.value));
    expect(JSON.stringify(state)).not.toContain(token.secret);
    expect(state).toMatchObject({ generation: 0, revoked: false, usedHashes: [], expiresAt: NOW + 30 * DAY });
  });

  it('rotates the current token into a new one of the same family', () => {
    const first = start();
    const second = rotateOnce(first.state, first.token, NOW + 1000);
    expect(second.token.familyId).toBe(first.token.familyId);
    expect(second.token.value).not.toBe(first.token.value);
    expect(second.state).toMatchObject({
      generation: 1,
      lastUsedAt: NOW + 1000,
      usedHashes: [first.state.currentHash],
    });
    expect(JSON.stringify(second.state)).not.toContain(second.token.secret);
  });

  it('answers a replay of the previous token within the grace window with the same successor', () => {
    const first = start();
    const second = rotateOnce(first.state, first.token, NOW);
    const replay = decideRefresh(second.state, first.token.value, {
      now: NOW + 10_000,
      nextSecret: newRefreshSecret(),
    });
    expect(replay).toEqual({ kind: 'grace', token: second.token });
  });

  it('revokes the family when the previous token comes back after the grace window', () => {
    const first = start();
    const second = rotateOnce(first.state, first.token, NOW);
    const replay = decideRefresh(second.state, first.token.value, {
      now: NOW + 10_001,
      nextSecret: newRefreshSecret(),
    });
    expect(replay.kind).toBe('reuse-detected');
    if (replay.kind !== 'reuse-detected') return;
    expect(replay.nextState).toMatchObject({
      revoked: true,
      revokedAt: NOW + 10_001,
      revokedReason: 'reuse-detected',
    });
    expect(replay.nextState.previous).toBeUndefined();
    // Afterwards even the legitimate current token is refused.
    expect(
      decideRefresh(replay.nextState, second.token.value, {
        now: NOW + 20_000,
        nextSecret: newRefreshSecret(),
      }),
    ).toEqual({
      kind: 'revoked',
    });
  });

  it('is strict with graceMs 0', () => {
    const first = start();
    const second = rotateOnce(first.state, first.token, NOW);
    const replay = decideRefresh(second.state, first.token.value, {
      now: NOW,
      nextSecret: newRefreshSecret(),
      graceMs: 0,
    });
    expect(replay.kind).toBe('grace'); // same millisecond is still inside a 0 ms window
    const later = decideRefresh(second.state, first.token.value, {
      now: NOW + 1,
      nextSecret: newRefreshSecret(),
      graceMs: 0,
    });
    expect(later.kind).toBe('reuse-detected');
  });

  it('grants no grace to a token two generations old, even within the window', () => {
    const first = start();
    const second = rotateOnce(first.state, first.token, NOW);
    const third = rotateOnce(second.state, second.token, NOW + 1);
    expect(
      decideRefresh(third.state, first.token.value, { now: NOW + 2, nextSecret: newRefreshSecret() }).kind,
    ).toBe('reuse-detected');
  });

  it('handles two tabs racing: the loser re-reads and receives the winner’s token', () => {
    const first = start();
    const tabA = decideRefresh(first.state, first.token.value, { now: NOW, nextSecret: newRefreshSecret() });
    const tabB = decideRefresh(first.state, first.token.value, { now: NOW, nextSecret: newRefreshSecret() });
    expect(tabA.kind).toBe('rotate');
    expect(tabB.kind).toBe('rotate');
    if (tabA.kind !== 'rotate') return;
    // The store's compare-and-set on generation accepts A only; B re-reads and decides again.
    const retryB = decideRefresh(tabA.nextState, first.token.value, {
      now: NOW + 50,
      nextSecret: newRefreshSecret(),
    });
    expect(retryB).toEqual({ kind: 'grace', token: tabA.newToken });
  });

  it('expires the family at its absolute end', () => {
    const { state, token } = start();
    expect(
      decideRefresh(state, token.value, { now: NOW + 30 * DAY, nextSecret: newRefreshSecret() }),
    ).toEqual({
      kind: 'expired',
    });
  });

  it('reports revoked families and leaves them unchanged', () => {
    const { state, token } = start();
    const revoked = revokeRefreshFamily(state, NOW, 'sign-out');
    expect(revokeRefreshFamily(revoked, NOW + 5, 'password-changed')).toBe(revoked);
    expect(decideRefresh(revoked, token.value, { now: NOW, nextSecret: newRefreshSecret() })).toEqual({
      kind: 'revoked',
    });
  });

  it('does not let a forged secret with a known family id revoke the family', () => {
    const { state, token } = start();
    const forged = refreshToken(token.familyId, newRefreshSecret());
    expect(decideRefresh(state, forged.value, { now: NOW, nextSecret: newRefreshSecret() })).toEqual({
      kind: 'unknown',
    });
  });

  it('answers unknown for malformed input, another family or no family', () => {
    const { state, token } = start();
    const other = refreshToken(newFamilyId(), token.secret);
    for (const presented of ['', 'x'.repeat(1_000_000), `${token.value}x`, 42, null, other.value]) {
      expect(decideRefresh(state, presented, { now: NOW, nextSecret: newRefreshSecret() })).toEqual({
        kind: 'unknown',
      });
    }
    expect(decideRefresh(undefined, token.value, { now: NOW, nextSecret: newRefreshSecret() })).toEqual({
      kind: 'unknown',
    });
  });

  it('forgets used hashes beyond maxUsedHashes (they then answer unknown, never a token)', () => {
    let { state, token } = start();
    const first = token;
    for (let i = 0; i < 5; i += 1) ({ state, token } = rotateOnce(state, token, NOW + i * 60_000));
    const options = { now: NOW + 600_000, nextSecret: newRefreshSecret(), maxUsedHashes: 3 };
    const next = decideRefresh(state, token.value, options);
    expect(next.kind === 'rotate' && next.nextState.usedHashes).toHaveLength(3);
    if (next.kind !== 'rotate') return;
    expect(decideRefresh(next.nextState, first.value, options)).toEqual({ kind: 'unknown' });
  });

  it('does not hand out the successor when the sealed value was tampered with', () => {
    const first = start();
    const second = rotateOnce(first.state, first.token, NOW);
    const previous = second.state.previous;
    if (previous === undefined) throw new Error('previous missing');
    const tampered: RefreshFamily = {
      ...second.state,
      previous: { ...previous, sealedSuccessor: newRefreshSecret() },
    };
    expect(
      decideRefresh(tampered, first.token.value, { now: NOW + 1, nextSecret: newRefreshSecret() }).kind,
    ).toBe('reuse-detected');
  });
});
