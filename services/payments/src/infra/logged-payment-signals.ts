import type { Logger } from 'pino';
import type { PaymentSignals } from '../app/ports.js';

/**
 * The hook after each committed change: logs it (ids and status only). The checkout saga hears of changes
 * through payment.events, which the orders app turns into a signal to `checkout:<orderId>` (adr/0049), so
 * payments knows nothing of orders' workflows.
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
