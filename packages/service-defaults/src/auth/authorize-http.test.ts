import { describe, expect, it } from 'vitest';
import type { AccessPolicy } from './access-policy.js';
import { authorizeHttp } from './authorize-http.js';
import type { Principal } from './principal.js';

const policy: AccessPolicy = {
  'POST /v1/sessions': { public: true },
  'GET /v1/users/me': { roles: ['user'] },
  'GET /v1/users/:id': { roles: ['support'], allowAdmin: true },
  'DELETE /v1/users/:id/sessions/:sessionId': { roles: ['user'] },
};
const user: Principal = { userId: 'u', tenantId: 't1', roles: ['user'], admin: false, tokenId: 'j' };
const code = (value: string): Error => expect.objectContaining({ code: value }) as Error;

describe('authorizeHttp', () => {
  it('matches literal routes before templates', () => {
    expect(authorizeHttp(policy, 'GET', '/v1/users/me', user)).toBe(user);
    expect(() => authorizeHttp(policy, 'GET', '/v1/users/42', user)).toThrow(code('Auth.MissingRole'));
    expect(authorizeHttp(policy, 'GET', '/v1/users/42', { ...user, admin: true })).toBeDefined();
  });

  it('matches templates segment by segment and folds the method case', () => {
    expect(authorizeHttp(policy, 'delete', '/v1/users/u/sessions/s1', user)).toBe(user);
  });

  it('allows public routes without a principal and asks for one elsewhere', () => {
    expect(authorizeHttp(policy, 'POST', '/v1/sessions', undefined)).toBeUndefined();
    expect(() => authorizeHttp(policy, 'GET', '/v1/users/me', undefined)).toThrow(code('Auth.MissingToken'));
  });

  it.each([
    ['GET', '/v1/sessions'],
    ['POST', '/v1/sessions/'],
    ['GET', '/v1/users/'],
    ['GET', '/v1/users/me/'],
    ['GET', '/V1/users/me'],
    ['GET', '/v1/users/..'],
    ['GET', '/v1/users/a/b'],
    ['DELETE', '/v1/users/u/sessions/'],
    ['GET', '__proto__'],
    ['GET', ''],
    ['', ''],
  ])('denies %s %j that no rule covers', (method, path) => {
    expect(() => authorizeHttp(policy, method, path, { ...user, admin: true })).toThrow(
      code('Auth.NoPolicy'),
    );
  });
});
