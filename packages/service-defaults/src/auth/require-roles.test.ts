import { describe, expect, it } from 'vitest';
import type { Principal } from './principal.js';
import { requireRoles } from './require-roles.js';

const user: Principal = {
  userId: 'u',
  tenantId: 't1',
  roles: ['user', 'seller'],
  admin: false,
  tokenId: 'j',
};
const admin: Principal = { ...user, roles: [], admin: true };
const denied = expect.objectContaining({ code: 'Auth.MissingRole', kind: 'permission_denied' }) as Error;

describe('requireRoles', () => {
  it('passes with one of the roles by default and needs every role with match: all', () => {
    expect(() => requireRoles(user, ['seller', 'support'])).not.toThrow();
    expect(() => requireRoles(user, ['user', 'seller'], { match: 'all' })).not.toThrow();
    expect(() => requireRoles(user, ['user', 'support'], { match: 'all' })).toThrow(denied);
  });

  it('denies a principal without the role', () => {
    expect(() => requireRoles(user, ['support'])).toThrow(denied);
  });

  it('lets admins through only when allowed', () => {
    expect(() => requireRoles(admin, ['support'])).toThrow(denied);
    expect(() => requireRoles(admin, ['support'], { allowAdmin: true })).not.toThrow();
    expect(() => requireRoles(user, ['support'], { allowAdmin: true })).toThrow(denied);
  });

  it('treats an empty role list as "any authenticated principal"', () => {
    expect(() => requireRoles({ ...user, roles: [] }, [])).not.toThrow();
  });

  it('compares roles exactly (no case folding, no prefixes)', () => {
    expect(() => requireRoles(user, ['User'])).toThrow(denied);
    expect(() => requireRoles(user, ['use'])).toThrow(denied);
  });
});
