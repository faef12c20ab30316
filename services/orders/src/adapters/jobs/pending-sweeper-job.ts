import type { JobHandler } from '@shopstream/service-defaults';
import type { OrdersDeps } from '../../app/ports.js';
import { sweepPendingOrders, type PendingSweepPolicy } from '../../app/sweep-pending-orders.js';

/** The Dapr job that runs the PENDING-order sweeper (adr/0027). */
export const PENDING_SWEEPER_JOB = 'orders-pending-sweeper';

/**
 * One sweeper pass per trigger. What it did is logged by order id (the report an operator reads); a pass
 * that could not handle some orders fails the trigger, so daprd counts it.
 */
export function pendingSweeperJob(deps: OrdersDeps, policy: PendingSweepPolicy): JobHandler {
  return async () => {
    const report = await sweepPendingOrders(deps, policy);
    if (report.started.length > 0 || report.failed.length > 0 || report.errors > 0)
      deps.logger.info(
        { checked: report.checked, started: report.started, failed: report.failed, errors: report.errors },
        'pending-order sweeper healed orders',
      );
    if (report.errors > 0)
      throw new Error(`pending-order sweeper: ${report.errors} orders could not be handled`);
  };
}
