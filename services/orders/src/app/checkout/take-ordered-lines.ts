import type { CheckoutLine } from '../../domain/checkout.js';
import type { CheckoutStepDeps } from '../ports.js';

/**
 * Saga step after CONFIRMED: takes the ordered units out of the shopper's cart (the cart's checkout ticket
 * for this order authorizes it; what was added during checkout stays).
 */
export async function takeOrderedLines(
  deps: Pick<CheckoutStepDeps, 'carts'>,
  step: {
    readonly tenantId: string;
    readonly userId: string;
    readonly orderId: string;
    readonly idempotencyKey: string;
    readonly lines: readonly CheckoutLine[];
  },
): Promise<void> {
  await deps.carts({ kind: 'user', tenantId: step.tenantId, userId: step.userId }).removeOrdered({
    orderId: step.orderId,
    idempotencyKey: step.idempotencyKey,
    lines: step.lines,
  });
}
