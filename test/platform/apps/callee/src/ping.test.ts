import { describe, expect, it } from 'vitest';
import { DomainError } from '@shopstream/service-defaults';
import { ping } from './ping.js';

describe('ping', () => {
  it('echoes the message and names the serving app', () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    expect(ping({ message: 'hi', tenantId: 't1' }, 'skeleton-callee', at)).toEqual({
      message: 'pong: hi',
      servedBy: 'skeleton-callee',
      receivedAt: { seconds: String(Math.floor(at.getTime() / 1000)), nanos: 678_000_000 },
    });
  });

  it('refuses a ping without tenant with a validation error naming the field', () => {
    const call = () => ping({ message: 'hi', tenantId: '  ' }, 'skeleton-callee');
    expect(call).toThrow(DomainError);
    expect(call).toThrow(/tenant_id/);
  });
});
