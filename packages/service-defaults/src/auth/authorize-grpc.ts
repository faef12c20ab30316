import { noPolicy } from './auth-errors.js';
import { applyRule, ruleFor, type AccessPolicy } from './access-policy.js';
import type { Principal } from './principal.js';

/**
 * Checks a call to `methodPath` (`/shopstream.identity.v1.IdentityService/GetUser`) against the policy.
 * Returns the principal (undefined only on public methods); throws `Auth.NoPolicy` for a method without a
 * rule (deny by default), `Auth.MissingToken` without a principal, `Auth.MissingRole` without the roles.
 */
export function authorizeGrpc(
  policy: AccessPolicy,
  methodPath: string,
  principal: Principal | undefined,
): Principal | undefined {
  const rule = ruleFor(policy, methodPath);
  if (rule === undefined) throw noPolicy();
  return applyRule(rule, principal);
}
