import { describe, expect, it } from 'vitest';
import { ORDER_STATE } from '../../lib/order-enums';
import { parseAdminOrdersQuery } from './admin-orders-query';

describe('the back office order filters', () => {
  it('takes a state and an inclusive UTC date range', () => {
    const q = parseAdminOrdersQuery({ state: 'compensated', from: '2026-12-01', to: '2026-12-06' });
    expect(q.errors).toEqual({});
    expect(q.states).toEqual([ORDER_STATE.COMPENSATED]);
    expect(q.createdAfter?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(q.createdBefore?.toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });

  it('names what is wrong and leaves it out of the request', () => {
    const q = parseAdminOrdersQuery({ state: 'lost', from: '2026-02-30', to: '2026-01-01x' });
    expect(Object.keys(q.errors).sort()).toEqual(['from', 'state', 'to']);
    expect(q.states).toEqual([]);
    expect(q.createdAfter).toBeUndefined();
    expect(parseAdminOrdersQuery({ from: '2026-12-06', to: '2026-12-01' }).errors.to).toBe(
      'The end date is before the start date.',
    );
  });
});
