import { missingRole } from './auth-errors.js';
import type { Principal } from './principal.js';

export interface RoleRequirement {
  /** `true` lets a principal with `admin: true` pass without the roles. Default `false`. */
  readonly allowAdmin?: boolean;
  /** `any` (default): one of `roles` suffices; `all`: every role is needed. */
  readonly match?: 'any' | 'all';
}

/** Throws `Auth.MissingRole` (permission_denied) unless the principal holds the roles. No roles = any caller. */
export function requireRoles(
  principal: Principal,
  roles: readonly string[],
  requirement: RoleRequirement = {},
): void {
  if (requirement.allowAdmin === true && principal.admin) return;
  if (roles.length === 0) return;
  const held = new Set(principal.roles);
  const ok = requirement.match === 'all' ? roles.every((r) => held.has(r)) : roles.some((r) => held.has(r));
  if (!ok) throw missingRole();
}
