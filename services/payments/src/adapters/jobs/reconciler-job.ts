import type { PaymentsDeps } from '../../app/ports.js';
import { reconcilePayments } from '../../app/reconcile-payments.js';
import type { JobHandler } from '@shopstream/service-defaults';

/** The Dapr job that runs the reconciler (adr/0042). */
export const RECONCILER_JOB = 'payments-reconciler';

/**
 * One reconciler pass per trigger. What it healed is logged by payment id and status (no amounts): the
 * report an operator reads. A pass that could not read some intents fails the trigger, so daprd counts it.
 */
export function reconcileJob(deps: PaymentsDeps): JobHandler {
  return async () => {
    const report = await reconcilePayments(deps);
    if (report.healed.length > 0 || report.failed > 0)
      deps.logger.info(
        {
          checked: report.checked,
          failed: report.failed,
          healed: report.healed.map((h) => ({ paymentId: h.paymentId, from: h.from, to: h.to })),
        },
        'reconciler healed payments',
      );
    if (report.failed > 0) throw new Error(`reconciler: ${report.failed} intents could not be read`);
  };
}
