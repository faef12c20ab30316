import { describe, expect, it } from 'vitest';
import { cartActorId } from './cart.contract.js';
import { addItemInput, parseCartActorId, parseCartInput } from './cart.schemas.js';

const valid = {
  caller: { accessToken: 'jwt' },
  idempotencyKey: 'key-0000001',
  productId: '00000000-0000-4000-8000-000000000001',
  skuId: '00000000-0000-4000-8000-0000000000a1',
  region: 'eu',
  quantity: 1,
};

describe('CartActor ids', () => {
  it('round-trips user and anonymous owners', () => {
    const user = { kind: 'user', tenantId: 'shop-a', userId: 'u_1-X' } as const;
    const anon = { kind: 'anonymous', tenantId: 'shop-a', cartId: 'A'.repeat(22) } as const;
    expect(cartActorId(user)).toBe('cart:shop-a:u_1-X');
    expect(parseCartActorId(cartActorId(user))).toEqual(user);
    expect(cartActorId(anon)).toBe(`cart:shop-a:anon:${'A'.repeat(22)}`);
    expect(parseCartActorId(cartActorId(anon))).toEqual(anon);
  });

  it.each([
    'shop-a:u1',
    'cart:shop-a',
    'cart:Shop:u1',
    'cart:shop-a:anon',
    'cart:shop-a:anon:short',
    'cart:shop-a:u:x',
  ])('rejects %j', (id) => {
    expect(() => parseCartActorId(id)).toThrow(expect.objectContaining({ code: 'Cart.InvalidActorId' }));
  });
});

describe('method inputs', () => {
  it.each([
    ['quantity 0', { quantity: 0 }, 'quantity'],
    ['quantity 100', { quantity: 100 }, 'quantity'],
    ['a fractional quantity', { quantity: 1.5 }, 'quantity'],
    ['a product id that is no UUID', { productId: 'p1' }, 'productId'],
    ['a short idempotency key', { idempotencyKey: 'k' }, 'idempotencyKey'],
    ['no region', { region: '' }, 'region'],
  ])('refuses %s naming the field', (_, change, field) => {
    expect(() => parseCartInput(addItemInput, { ...valid, ...change }, 'AddItem')).toThrow(
      expect.objectContaining({
        code: 'Cart.InvalidAddItem',
        fields: [expect.objectContaining({ field })],
      }),
    );
  });

  it('refuses unknown fields (a price from the caller, say)', () => {
    expect(() => parseCartInput(addItemInput, { ...valid, price: 1 }, 'AddItem')).toThrow(
      expect.objectContaining({ code: 'Cart.InvalidAddItem' }),
    );
  });
});
