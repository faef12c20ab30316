import {
  Client,
  Connection,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import type { CheckoutSignals, CheckoutStarter } from '../app/ports.js';
import {
  CANCEL_UPDATE,
  CHECKOUT_TASK_QUEUE,
  CHECKOUT_WORKFLOW,
  PAYMENT_CHANGED_SIGNAL,
  type CancelAnswer,
  type CheckoutOutcome,
} from '../domain/checkout.js';
import { checkoutWorkflowId } from '../domain/order.js';

/**
 * The orders API's Temporal side: starts `checkout:<orderId>` (a second start of the same id — a retry, a
 * replayed request — finds the first one and is not an error), sends the shopper's cancel as an update (the
 * saga answers whether it is still before capture) and payment changes as signals.
 */
export async function temporalCheckout(options: {
  readonly address: string;
  readonly namespace: string;
}): Promise<{ starter: CheckoutStarter; signals: CheckoutSignals; close: () => Promise<void> }> {
  const connection = await Connection.connect({ address: options.address });
  const client = new Client({ connection, namespace: options.namespace });
  const handle = (orderId: string) =>
    client.workflow.getHandle<() => Promise<CheckoutOutcome>>(checkoutWorkflowId(orderId));
  return {
    starter: {
      async start(input) {
        try {
          await client.workflow.start(CHECKOUT_WORKFLOW, {
            workflowId: checkoutWorkflowId(input.orderId),
            taskQueue: CHECKOUT_TASK_QUEUE,
            args: [input],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            searchAttributes: {},
          });
          return true;
        } catch (error) {
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          return false;
        }
      },
      async exists(orderId) {
        try {
          await handle(orderId).describe();
          return true;
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) return false;
          throw error;
        }
      },
      async cancel(_tenantId, orderId) {
        try {
          return await handle(orderId).executeUpdate<CancelAnswer, []>(CANCEL_UPDATE);
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) return { accepted: false, stage: 'finished' };
          throw error;
        }
      },
    },
    signals: {
      async paymentChanged(orderId, change) {
        try {
          await handle(orderId).signal(PAYMENT_CHANGED_SIGNAL, change);
        } catch (error) {
          // The checkout finished (or never ran for this order): nobody is waiting for the change.
          if (!(error instanceof WorkflowNotFoundError)) throw error;
        }
      },
    },
    close: () => connection.close(),
  };
}
