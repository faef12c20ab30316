import { createDaprGrpcClient, type BaseConfig } from '@shopstream/service-defaults';
import { PaymentStatus, type Payment } from '@shopstream/proto/payments/v1/payment.js';
import {
  PaymentsServiceClient,
  type CreateIntentRequest,
  type CreateIntentResponse,
  type ListPaymentsRequest,
  type ListPaymentsResponse,
} from '@shopstream/proto/payments/v1/payments_service.js';
import type { PaymentsGateway, PaymentView, ServiceCredentials } from '../app/ports.js';
import { callUnary, withServiceToken } from './grpc-unary.js';

/** PaymentsService's advised deadline (10 s) plus the sidecar hops. */
const DEADLINE_MS = 12_000;

const STATUS: Partial<Record<PaymentStatus, PaymentView['status']>> = {
  [PaymentStatus.PAYMENT_STATUS_REQUIRES_ACTION]: 'requires_action',
  [PaymentStatus.PAYMENT_STATUS_AUTHORIZED]: 'authorized',
  [PaymentStatus.PAYMENT_STATUS_CAPTURED]: 'captured',
  [PaymentStatus.PAYMENT_STATUS_FAILED]: 'failed',
  [PaymentStatus.PAYMENT_STATUS_CANCELED]: 'canceled',
  [PaymentStatus.PAYMENT_STATUS_REFUNDED]: 'refunded',
};

function view(payment: Payment | undefined): PaymentView {
  const status = payment ? STATUS[payment.status] : undefined;
  if (!payment || status === undefined) throw new Error('payments answered without a payment status');
  return { paymentId: payment.paymentId, status, failureCode: payment.failureCode };
}

/** PaymentsService through the local sidecar, with this service's identity (`payments.charge`). */
export function paymentsGateway(
  config: Pick<BaseConfig, 'DAPR_GRPC_PORT' | 'DAPR_API_TOKEN'>,
  credentials: ServiceCredentials,
): { payments: PaymentsGateway; close: () => void } {
  const client = createDaprGrpcClient(PaymentsServiceClient, 'payments', config);
  const call = async <Req, Res>(
    tenantId: string,
    method: Parameters<typeof callUnary<Req, Res>>[1],
    request: Req,
  ): Promise<Res> =>
    withServiceToken(credentials, tenantId, (token) =>
      callUnary<Req, Res>('Payments', method, request, token, DEADLINE_MS),
    );
  type Command = { idempotencyKey: string; paymentId: string };
  type Answer = { payment?: Payment };
  const command =
    (method: 'capture' | 'cancel' | 'refund') => async (tenantId: string, key: string, paymentId: string) =>
      view(
        (
          await call<Command, Answer>(tenantId, client[method].bind(client), {
            idempotencyKey: key,
            paymentId,
          })
        ).payment,
      );
  return {
    payments: {
      async createIntent(tenantId, c) {
        const response = await call<CreateIntentRequest, CreateIntentResponse>(
          tenantId,
          client.createIntent.bind(client),
          {
            idempotencyKey: c.idempotencyKey,
            orderId: c.orderId,
            amount: { currencyCode: c.currency, amountMinor: String(c.amountMinor) },
            paymentMethodId: c.paymentMethodId,
          },
        );
        return view(response.payment);
      },
      capture: command('capture'),
      cancel: command('cancel'),
      refund: command('refund'),
      async findByOrder(tenantId, orderId) {
        const response = await call<ListPaymentsRequest, ListPaymentsResponse>(
          tenantId,
          client.listPayments.bind(client),
          { orderId, page: { pageSize: 1, pageToken: '' } },
        );
        const [payment] = response.payments;
        return payment === undefined ? undefined : view(payment);
      },
    },
    close: () => client.close(),
  };
}
