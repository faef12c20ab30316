import 'server-only';
import { cookies } from 'next/headers';
import { ACCESS_COOKIE } from '@shopstream/service-defaults/contracts/session-cookies';
import type { Cart, CartServiceService } from '@shopstream/proto/orders/v1/cart_service.js';
import {
  sidecarService,
  type RequestOf,
  type ResponseOf,
  type ServiceProblem,
  type ServiceResult,
} from '../grpc/sidecar-grpc';
import { currentPrincipal } from '../identity/session';
import { requestContext } from '../request-context';
import { CART_COOKIE, CART_COOKIE_ATTRIBUTES, looksLikeCartToken } from './cart-cookie';

/**
 * `orders`' CartService through the web app's sidecar (adr/0016, adr/0055). Whose cart: a signed-in user's
 * (a verified access token, sent as the bearer token) or, without one, the anonymous cart named by the cart
 * cookie in the host's tenant.
 */

type Definitions = typeof CartServiceService;
export type CartMethod = keyof Definitions;
export type CartProblem = ServiceProblem;

export const CART_UNAVAILABLE = 'The cart is unavailable right now. Please try again in a moment.';

const callCartService = sidecarService<Definitions>({
  appId: 'orders',
  load: async () => {
    const generated = await import(
      /* turbopackIgnore: true */ /* webpackIgnore: true */ '@shopstream/proto/orders/v1/cart_service.js'
    );
    return { definitions: generated.CartServiceService, messages: generated };
  },
  unavailable: { code: 'Web.CartUnavailable', detail: CART_UNAVAILABLE },
});

export interface Shopper {
  readonly tenantId: string;
  /** Signed in: the user's access token (their cart). */
  readonly accessToken?: string;
  /** Anonymous: the cart cookie's token, when there is one. */
  readonly cartToken?: string;
}

/** Who this request shops as (a token refused by the verifier counts as signed out). */
export async function currentShopper(): Promise<Shopper> {
  const { tenantId } = await requestContext();
  const jar = await cookies();
  const principal = await currentPrincipal();
  const accessToken = principal ? jar.get(ACCESS_COOKIE)?.value : undefined;
  if (accessToken) return { tenantId, accessToken };
  const cartToken = jar.get(CART_COOKIE)?.value;
  return looksLikeCartToken(cartToken) ? { tenantId, cartToken } : { tenantId };
}

/** One CartService call as `shopper`; an anonymous shopper's cart token goes into `cart_token`. */
export function callCart<M extends CartMethod>(
  method: M,
  request: Partial<RequestOf<Definitions, M>>,
  shopper: Shopper,
  deadlineMs?: number,
): Promise<ServiceResult<ResponseOf<Definitions, M>>> {
  const withToken =
    shopper.accessToken === undefined && shopper.cartToken !== undefined && method !== 'mergeCarts'
      ? { ...request, cartToken: shopper.cartToken }
      : request;
  return callCartService(method, withToken, {
    tenantId: shopper.tenantId,
    ...(shopper.accessToken ? { accessToken: shopper.accessToken } : {}),
    ...(deadlineMs === undefined ? {} : { deadlineMs }),
  });
}

/** orders refused the cookie's token (forged, another shop's, another secret): the cart is gone. */
export const isBadCartToken = (problem: CartProblem): boolean =>
  problem.code === 'Cart.InvalidCartToken' ||
  problem.errors.some((e) => e.field === 'cartToken' || e.field === 'cart_token');

export const EMPTY_CART: Cart = {
  lines: [],
  totals: [],
  itemCount: 0,
  revision: '0',
  updatedAt: undefined,
  expiresAt: undefined,
  pricingStale: false,
};

/**
 * The shopper's cart now. A visitor without a cart cookie has an empty cart (no call); a token orders
 * refuses reads as an empty cart too (the next change makes a new one).
 */
export async function readCart(shopper: Shopper, deadlineMs?: number): Promise<ServiceResult<Cart>> {
  if (shopper.accessToken === undefined && shopper.cartToken === undefined)
    return { ok: true, value: EMPTY_CART };
  const result = await callCart('getCart', {}, shopper, deadlineMs);
  if (!result.ok) return isBadCartToken(result.problem) ? { ok: true, value: EMPTY_CART } : result;
  return { ok: true, value: result.value.cart ?? EMPTY_CART };
}

/** Keeps (or replaces) the anonymous cart's token in its cookie: server actions only. */
export async function keepCartToken(token: string): Promise<void> {
  if (token === '') return;
  const jar = await cookies();
  if (jar.get(CART_COOKIE)?.value !== token) jar.set(CART_COOKIE, token, CART_COOKIE_ATTRIBUTES);
}

export async function forgetCartToken(): Promise<void> {
  (await cookies()).delete({ name: CART_COOKIE, path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
}
