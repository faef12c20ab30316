import { noPolicy } from './auth-errors.js';
import { applyRule, ruleFor, type AccessPolicy, type AccessRule } from './access-policy.js';
import type { Principal } from './principal.js';

/**
 * Checks an HTTP request against a policy keyed `METHOD /path` where a segment `:name` matches any one
 * non-empty segment (`GET /v1/users/:id`). Literal keys win over templates; a request matching no key
 * is denied (`Auth.NoPolicy`), which also denies path variants the policy does not spell out (trailing
 * slash, other case, `..`). Pass the path without query string.
 */
export function authorizeHttp(
  policy: AccessPolicy,
  method: string,
  path: string,
  principal: Principal | undefined,
): Principal | undefined {
  const rule = matchHttpRule(policy, method.toUpperCase(), path);
  if (rule === undefined) throw noPolicy();
  return applyRule(rule, principal);
}

function matchHttpRule(policy: AccessPolicy, method: string, path: string): AccessRule | undefined {
  const exact = ruleFor(policy, `${method} ${path}`);
  if (exact !== undefined) return exact;
  const segments = path.split('/');
  for (const key of Object.keys(policy)) {
    const space = key.indexOf(' ');
    if (space < 0 || key.slice(0, space) !== method) continue;
    const template = key.slice(space + 1).split('/');
    if (template.length !== segments.length) continue;
    const matches = template.every((part, i) => {
      const segment = segments[i] ?? '';
      return part.startsWith(':') ? segment !== '' && segment !== '.' && segment !== '..' : part === segment;
    });
    if (matches) return ruleFor(policy, key);
  }
  return undefined;
}
