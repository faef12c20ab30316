import type { CheckoutLine } from '../../domain/checkout.js';
import type { CheckoutStepDeps } from '../ports.js';

export interface StockStep {
  readonly tenantId: string;
  readonly orderId: string;
  readonly line: CheckoutLine;
  /** Made by the saga (`checkoutKeys(orderId).stock(line)`); names the reservation in the catalog. */
  readonly idempotencyKey: string;
}

/** Saga step: holds one line's units in the catalog (a repeat with the key returns the first outcome). */
export async function reserveStock(deps: Pick<CheckoutStepDeps, 'stock'>, step: StockStep): Promise<void> {
  await deps.stock.reserve(step.tenantId, step.idempotencyKey, step.line);
}

/** Compensation: gives the line's units back (a reservation that never happened is recorded as released). */
export async function releaseStock(deps: Pick<CheckoutStepDeps, 'stock'>, step: StockStep): Promise<void> {
  await deps.stock.release(step.tenantId, step.idempotencyKey, step.line);
}
