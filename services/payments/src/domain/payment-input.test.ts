import { describe, expect, it } from 'vitest';
import { isDomainError, type FieldError } from '@shopstream/service-defaults';
import { parseCreateIntent, parseListPayments, parsePaymentCommand } from './payment-input.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { paymentIdFor } from './payment-id.js';

const ORDER = '0190f0a4-9a7e-7c3a-8d55-5b0f4a1c2d3e';
const valid = {
  idempotency_key: 'checkout:o1:pay',
  order_id: ORDER,
  amount: { currency_code: 'EUR', amount_minor: '1999' },
  payment_method_id: 'pm_card_visa',
};

function fieldsOf(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    if (isDomainError(error)) return error.fields.map((f: FieldError) => f.field);
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('payment input', () => {
  it('parses a CreateIntent request', () => {
    expect(parseCreateIntent(valid)).toEqual({
      idempotencyKey: 'checkout:o1:pay',
      orderId: ORDER,
      currency: 'EUR',
      amountMinor: 1999,
      paymentMethodId: 'pm_card_visa',
    });
  });

  it('names every bad field by its proto name', () => {
    expect(
      fieldsOf(() =>
        parseCreateIntent({
          idempotency_key: '',
          order_id: 'nope',
          amount: { currency_code: 'eur', amount_minor: '0' },
          payment_method_id: '4242424242424242',
        }),
      ).sort(),
    ).toEqual([
      'amount.amount_minor',
      'amount.currency_code',
      'idempotency_key',
      'order_id',
      'payment_method_id',
    ]);
    expect(fieldsOf(() => parseCreateIntent({ ...valid, amount: undefined }))).toEqual(['amount']);
    expect(
      fieldsOf(() => parseCreateIntent({ ...valid, amount: { ...valid.amount, amount_minor: '100000000' } })),
    ).toEqual(['amount.amount_minor']);
    expect(fieldsOf(() => parsePaymentCommand({ idempotency_key: 'k', payment_id: '' }))).toEqual([
      'payment_id',
    ]);
  });

  it('caps the page size and round-trips page tokens', () => {
    expect(parseListPayments({ order_id: '', page_size: 500, page_token: '' }).pageSize).toBe(100);
    expect(parseListPayments({ order_id: '', page_size: 0, page_token: '' }).pageSize).toBe(20);
    const cursor = { createdAt: 1_700_000_000_123, id: ORDER };
    expect(decodePageToken(encodePageToken(cursor))).toEqual(cursor);
    expect(() => decodePageToken('garbage')).toThrow(/page token/);
  });

  it('derives one stable payment id per tenant and order', () => {
    const id = paymentIdFor('acme', ORDER);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(paymentIdFor('acme', ORDER)).toBe(id);
    expect(paymentIdFor('other', ORDER)).not.toBe(id);
  });
});
