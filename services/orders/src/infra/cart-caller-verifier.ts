import type { CartCallerVerifier, CartTokens } from '@shopstream/actor-cart';
import type { TokenVerifier } from '@shopstream/service-defaults/auth';

/**
 * How CartActor checks its caller: an access token is verified like every service does (identity's JWKS
 * through the sidecar) and names a user; a cart token is checked with the shared cart-token secret.
 */
export function cartCallerVerifier(tokens: TokenVerifier, cartTokens: CartTokens): CartCallerVerifier {
  return {
    async verify(caller) {
      if ('accessToken' in caller) {
        const principal = await tokens.verify(caller.accessToken);
        return { kind: 'user', tenantId: principal.tenantId, userId: principal.userId };
      }
      const named = cartTokens.verify(caller.cartToken);
      return { kind: 'anonymous', tenantId: named.tenantId, cartId: named.cartId };
    },
  };
}
