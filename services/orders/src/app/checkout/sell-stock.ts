import type { CheckoutStepDeps } from '../ports.js';
import type { StockStep } from './reserve-stock.js';

/**
 * Saga step at finalize: the line's reserved units become sold in the catalog (available + reserved + sold
 * is unchanged). The key is the reservation's own (`checkoutKeys(orderId).stock(line)`), so a retried or
 * replayed step is applied once.
 */
export async function sellStock(deps: Pick<CheckoutStepDeps, 'stock'>, step: StockStep): Promise<void> {
  await deps.stock.sell(step.tenantId, step.idempotencyKey, step.line);
}
