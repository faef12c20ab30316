import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Logger } from '@shopstream/service-defaults';
import type { CheckoutActivities } from '../activities/checkout.activities.js';
import { CHECKOUT_TASK_QUEUE } from '../domain/checkout.js';

/** The workflow bundle's entry (Temporal bundles it with webpack; the replay tests use the same path). */
export const checkoutWorkflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/** Runs the checkout worker until `shutdown()`; resolves once it polls the task queue. */
export async function startCheckoutWorker(options: {
  readonly address: string;
  readonly namespace: string;
  readonly identity: string;
  readonly activities: CheckoutActivities;
  readonly logger: Logger;
}): Promise<{ shutdown(): Promise<void> }> {
  const connection = await NativeConnection.connect({ address: options.address });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: CHECKOUT_TASK_QUEUE,
    workflowsPath: checkoutWorkflowsPath,
    activities: options.activities,
    identity: options.identity,
  });
  const running = worker.run();
  options.logger.info({ taskQueue: CHECKOUT_TASK_QUEUE }, 'checkout worker polling');
  return {
    async shutdown() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
