import { describe, expect, it } from 'vitest';
import { ORDER_STATE } from '../../lib/order-enums';
import { formatOrderTime, isoOf, outcomeText, stateLabel, transitionView } from './order-format';

describe('order states as a shopper reads them', () => {
  it('says a declined card released the items', () => {
    expect(outcomeText(ORDER_STATE.COMPENSATED, 'card_declined')).toBe(
      'Payment declined — your items were released.',
    );
    expect(outcomeText(ORDER_STATE.COMPENSATED, 'something_new')).toContain('your items were released');
    expect(outcomeText(ORDER_STATE.CONFIRMED, '')).toBe('Thank you! Your order is confirmed.');
    expect(outcomeText(ORDER_STATE.PAID, '')).toBe('We are processing your order…');
  });

  it('labels every state and keeps times to the second', () => {
    for (const state of Object.values(ORDER_STATE)) expect(stateLabel(state)).not.toBe('');
    const iso = isoOf({ seconds: '1796596867', nanos: 250_000_000 });
    expect(iso).toBe('2026-12-06T22:41:07.250Z');
    expect(formatOrderTime(iso)).toBe('6 Dec 2026, 22:41:07 UTC');
    expect(
      transitionView({
        fromState: 1,
        toState: 2,
        reason: '',
        at: { seconds: '1796596867', nanos: 0 },
        version: '2',
      }),
    ).toEqual({ fromState: 1, toState: 2, reason: '', at: '2026-12-06T22:41:07.000Z', version: 2 });
  });
});
