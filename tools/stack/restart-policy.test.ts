import { describe, expect, it } from 'vitest';
import { decideRestart, describeExit, type RestartPolicy } from './restart-policy.js';

const policy: RestartPolicy = { initialDelayMs: 1000, maxDelayMs: 8000, maxRestarts: 4, windowMs: 60_000 };

describe('restart policy', () => {
  it('doubles the delay with each exit in the window, up to the cap', () => {
    const now = 1_000_000;
    const delays = [0, 1, 2, 3].map((n) => {
      const earlier = Array.from({ length: n }, (_, i) => now - 1000 * (i + 1));
      const d = decideRestart(policy, earlier, now);
      return d.restart ? d.delayMs : null;
    });
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
  });

  it('stops restarting after maxRestarts exits within the window', () => {
    const now = 1_000_000;
    const earlier = [now - 50_000, now - 40_000, now - 30_000, now - 20_000];
    expect(decideRestart(policy, earlier, now)).toEqual({
      restart: false,
      reason: 'exited 5 times within 60 s',
    });
  });

  it('forgets exits older than the window', () => {
    const now = 1_000_000;
    const old = [now - 200_000, now - 190_000, now - 180_000, now - 170_000];
    expect(decideRestart(policy, old, now)).toEqual({ restart: true, delayMs: 1000, attempt: 1 });
  });

  it('describes exits by code or signal', () => {
    expect(describeExit(3, null)).toBe('exit 3');
    expect(describeExit(null, 'SIGKILL')).toBe('signal SIGKILL');
  });
});
