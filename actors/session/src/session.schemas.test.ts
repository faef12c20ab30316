import { describe, expect, it } from 'vitest';
import { sessionActorId } from './session.contract.js';
import {
  openSessionInput,
  parseInput,
  parseSessionActorId,
  revokeAllSessionsInput,
  revokeSessionInput,
  sessionIdInput,
} from './session.schemas.js';

const validOpen = { sessionId: 'abc_DEF-123', device: 'Firefox on Linux', idleTimeoutMs: 3000 };

describe('SessionActor id', () => {
  it('accepts <tenant>:<userId> and splits it', () => {
    expect(parseSessionActorId(sessionActorId('tenant-a', 'u_123-X'))).toEqual({
      tenantId: 'tenant-a',
      userId: 'u_123-X',
    });
  });

  it.each([
    'tenant-a',
    'tenant-a:',
    ':user',
    'Tenant:user',
    'tenant-a:user:extra',
    'a:user',
    'tenant-a:us er',
    '',
  ])('rejects %j', (id) => {
    expect(() => parseSessionActorId(id)).toThrow(
      expect.objectContaining({ code: 'Session.InvalidActorId' }),
    );
  });
});

describe('method inputs', () => {
  it('accepts a valid open, trimming the device', () => {
    expect(parseInput(openSessionInput, { ...validOpen, device: '  Phone ' }, 'Open')).toEqual({
      ...validOpen,
      device: 'Phone',
    });
  });

  it.each([
    ['missing sessionId', { device: 'd', idleTimeoutMs: 3000 }],
    ['negative timeout', { ...validOpen, idleTimeoutMs: -1 }],
    ['too short timeout', { ...validOpen, idleTimeoutMs: 999 }],
    ['too long timeout', { ...validOpen, idleTimeoutMs: 31 * 24 * 3600 * 1000 }],
    ['fractional timeout', { ...validOpen, idleTimeoutMs: 1500.5 }],
    ['timeout as string', { ...validOpen, idleTimeoutMs: '3000' }],
    ['empty device', { ...validOpen, device: '   ' }],
    ['control characters in device', { ...validOpen, device: 'a\u0000b' }],
    ['oversized device', { ...validOpen, device: 'x'.repeat(101) }],
    ['raw IPv4 as ipHash', { ...validOpen, ipHash: '203.0.113.7' }],
    ['raw IPv6 as ipHash', { ...validOpen, ipHash: '2001:db8::1' }],
    ['session id with a slash', { ...validOpen, sessionId: 'a/b' }],
    ['oversized session id', { ...validOpen, sessionId: 'a'.repeat(129) }],
    ['unknown field', { ...validOpen, admin: true }],
    ['no input', undefined],
    ['empty body', ''],
  ])('rejects open with %s', (_, input) => {
    expect(() => parseInput(openSessionInput, input, 'Open')).toThrow(
      expect.objectContaining({ code: 'Session.InvalidOpen', kind: 'validation' }),
    );
  });

  it('validates touch / isActive / revoke / revokeAll', () => {
    expect(() => parseInput(sessionIdInput, {}, 'Touch')).toThrow(/invalid/i);
    expect(() => parseInput(revokeSessionInput, { sessionId: 's1', reason: 'because' }, 'Revoke')).toThrow();
    expect(parseInput(revokeSessionInput, { sessionId: 's1', reason: 'sign-out' }, 'Revoke')).toEqual({
      sessionId: 's1',
      reason: 'sign-out',
    });
    expect(parseInput(revokeAllSessionsInput, { reason: 'sign-out-everywhere' }, 'RevokeAll')).toEqual({
      reason: 'sign-out-everywhere',
    });
    expect(() =>
      parseInput(revokeAllSessionsInput, { reason: 'admin', exceptSessionId: '' }, 'RevokeAll'),
    ).toThrow();
  });
});
