import { missingToken } from './auth-errors.js';
import type { Principal } from './principal.js';
import { requireRoles, type RoleRequirement } from './require-roles.js';

/** What one gRPC method or HTTP route requires. */
export type AccessRule =
  | { readonly public: true }
  | ({ readonly public?: false; readonly roles: readonly string[] } & RoleRequirement);

/** Rules by gRPC method path (`/pkg.Service/Method`) or HTTP route (`GET /v1/users/:id`). */
export type AccessPolicy = Readonly<Record<string, AccessRule>>;

/** Applies one rule: public passes, otherwise a principal with the roles is required. */
export function applyRule(rule: AccessRule, principal: Principal | undefined): Principal | undefined {
  if (rule.public === true) return principal;
  if (principal === undefined) throw missingToken();
  requireRoles(principal, rule.roles, rule);
  return principal;
}

/** Own-property lookup, so `__proto__`, `constructor` and friends never match a rule. */
export function ruleFor(policy: AccessPolicy, key: string): AccessRule | undefined {
  return Object.hasOwn(policy, key) ? policy[key] : undefined;
}
