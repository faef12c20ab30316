import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError, ErrorKind } from '@shopstream/service-defaults';
import { TENANT_ID_PATTERN } from '@shopstream/service-defaults/auth';
import { ANONYMOUS_CART_ID_PATTERN } from './cart.schemas.js';

/** A secret shorter than this is refused at start-up. */
export const MIN_CART_TOKEN_SECRET_LENGTH = 32;

const PREFIX = 'c1';

export interface CartTokens {
  /** A new anonymous cart of `tenantId`: its id and the token naming it (kept by the web in a cookie). */
  mint(tenantId: string): { readonly cartId: string; readonly token: string };
  /** The tenant and cart a token names; `Cart.InvalidCartToken` (unauthenticated) if it is not ours. */
  verify(token: string): { readonly tenantId: string; readonly cartId: string };
}

const invalidCartToken = () =>
  new DomainError(ErrorKind.Unauthenticated, 'Cart.InvalidCartToken', 'The cart token is not valid.', {
    fields: [{ field: 'cartToken', detail: 'is not a valid cart token' }],
  });

/**
 * Anonymous cart tokens: `c1.<tenant>.<cartId>.<HMAC-SHA256(secret, "c1.<tenant>.<cartId>")>` (base64url).
 * The cart id is 128 random bits, so tokens cannot be guessed; the MAC binds the id to its tenant, so a
 * token of one shop names no cart in another. Tokens carry no expiry: the cart they name expires.
 */
export function createCartTokens(secret: string): CartTokens {
  if (secret.length < MIN_CART_TOKEN_SECRET_LENGTH) {
    throw new Error(`the cart token secret must be at least ${MIN_CART_TOKEN_SECRET_LENGTH} characters`);
  }
  const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest();
  return {
    mint(tenantId) {
      if (!TENANT_ID_PATTERN.test(tenantId)) throw new Error('not a tenant id');
      const cartId = randomBytes(16).toString('base64url');
      const payload = `${PREFIX}.${tenantId}.${cartId}`;
      return { cartId, token: `${payload}.${mac(payload).toString('base64url')}` };
    },
    verify(token) {
      const parts = token.split('.');
      if (parts.length !== 4) throw invalidCartToken();
      const [prefix, tenantId, cartId, signature] = parts as [string, string, string, string];
      if (prefix !== PREFIX || !TENANT_ID_PATTERN.test(tenantId) || !ANONYMOUS_CART_ID_PATTERN.test(cartId)) {
        throw invalidCartToken();
      }
      const expected = mac(`${prefix}.${tenantId}.${cartId}`);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCartToken();
      return { tenantId, cartId };
    },
  };
}
