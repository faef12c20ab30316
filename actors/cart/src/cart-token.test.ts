import { describe, expect, it } from 'vitest';
import { createCartTokens } from './cart-token.js';

const tokens = createCartTokens('a'.repeat(32));

describe('cart tokens', () => {
  it('names the cart and tenant it was minted for', () => {
    const { cartId, token } = tokens.mint('shop-a');
    expect(tokens.verify(token)).toEqual({ tenantId: 'shop-a', cartId });
    expect(tokens.mint('shop-a').cartId).not.toBe(cartId);
  });

  it.each([
    ['another tenant in the payload', (t: string) => t.replace('.shop-a.', '.shop-b.')],
    [
      'a changed cart id',
      (t: string) => {
        const [prefix, tenant, cartId = '', sig] = t.split('.');
        return [prefix, tenant, (cartId[0] === 'A' ? 'B' : 'A') + cartId.slice(1), sig].join('.');
      },
    ],
    ['a cut signature', (t: string) => t.slice(0, -2)],
    ['an extra part', (t: string) => `${t}.x`],
    ['another prefix', (t: string) => t.replace(/^c1/, 'c2')],
    ['garbage', () => 'not-a-token'],
  ])('refuses %s', (_, mutate) => {
    const { token } = tokens.mint('shop-a');
    expect(() => tokens.verify(mutate(token))).toThrow(
      expect.objectContaining({ code: 'Cart.InvalidCartToken', kind: 'unauthenticated' }),
    );
  });

  it('refuses a token made with another secret', () => {
    const { token } = createCartTokens('b'.repeat(32)).mint('shop-a');
    expect(() => tokens.verify(token)).toThrow(expect.objectContaining({ code: 'Cart.InvalidCartToken' }));
  });

  it('refuses a short secret', () => {
    expect(() => createCartTokens('short')).toThrow(/at least 32/);
  });
});
