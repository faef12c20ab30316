import { describe, expect, it } from 'vitest';
import type { AccessPolicy } from './access-policy.js';
import { authorizeGrpc } from './authorize-grpc.js';
import type { Principal } from './principal.js';

const SERVICE = '/shopstream.identity.v1.IdentityService';
const policy: AccessPolicy = {
  [`${SERVICE}/GetUser`]: { roles: ['user'], allowAdmin: true },
  [`${SERVICE}/ValidateToken`]: { public: true },
  [`${SERVICE}/DeleteUser`]: { roles: ['support'] },
};
const user: Principal = { userId: 'u', tenantId: 't1', roles: ['user'], admin: false, tokenId: 'j' };
const code = (value: string): Error => expect.objectContaining({ code: value }) as Error;

describe('authorizeGrpc', () => {
  it('returns the principal when the roles match', () => {
    expect(authorizeGrpc(policy, `${SERVICE}/GetUser`, user)).toBe(user);
    expect(authorizeGrpc(policy, `${SERVICE}/GetUser`, { ...user, roles: [], admin: true })).toBeDefined();
  });

  it('allows public methods with or without a principal', () => {
    expect(authorizeGrpc(policy, `${SERVICE}/ValidateToken`, undefined)).toBeUndefined();
    expect(authorizeGrpc(policy, `${SERVICE}/ValidateToken`, user)).toBe(user);
  });

  it('asks for a token on protected methods and a role when it is missing', () => {
    expect(() => authorizeGrpc(policy, `${SERVICE}/GetUser`, undefined)).toThrow(code('Auth.MissingToken'));
    expect(() => authorizeGrpc(policy, `${SERVICE}/DeleteUser`, user)).toThrow(code('Auth.MissingRole'));
  });

  it.each([
    `${SERVICE}/Unknown`,
    `${SERVICE}/getuser`,
    `${SERVICE}/GetUser/`,
    'GetUser',
    '',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
  ])('denies method %j that has no rule', (method) => {
    expect(() => authorizeGrpc(policy, method, { ...user, admin: true })).toThrow(
      expect.objectContaining({ code: 'Auth.NoPolicy', kind: 'permission_denied' }),
    );
  });
});
