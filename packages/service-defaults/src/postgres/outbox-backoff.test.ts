import { describe, expect, it } from 'vitest';
import { failureReason, retryDelayMs } from './outbox-backoff.js';

describe('retryDelayMs', () => {
  it('doubles per attempt between half and all of the ceiling', () => {
    expect(retryDelayMs(1, { baseMs: 1000 }, () => 0)).toBe(500);
    expect(retryDelayMs(1, { baseMs: 1000 }, () => 1)).toBe(1000);
    expect(retryDelayMs(3, { baseMs: 1000 }, () => 1)).toBe(4000);
  });

  it('is capped', () => {
    expect(retryDelayMs(40, { baseMs: 1000, maxMs: 60_000 }, () => 1)).toBe(60_000);
    expect(retryDelayMs(1_000, {}, () => 1)).toBe(300_000);
  });

  it('treats attempts below 1 as the first', () => {
    expect(retryDelayMs(0, { baseMs: 100 }, () => 1)).toBe(100);
  });
});

describe('failureReason', () => {
  it('keeps the message only, bounded', () => {
    expect(failureReason(new Error('broker down'))).toBe('broker down');
    expect(failureReason('x'.repeat(1000))).toHaveLength(500);
  });
});
