import type { Logger } from 'pino';
import type { PaymentSignals } from '../app/ports.js';

/**
 * The saga hook until services/orders exists: logs the change (ids and status only). Orders will replace it
 * with a Temporal signal to `checkout:<orderId>`; payment.events carries every change meanwhile.
 */
export function loggedPaymentSignals(logger: Logger): PaymentSignals {
  return {
    paymentChanged: ({ payment, cause }) => {
      logger.debug(
        { paymentId: payment.id, orderId: payment.orderId, status: payment.status, cause },
        'payment changed',
      );
      return Promise.resolve();
    },
  };
}
