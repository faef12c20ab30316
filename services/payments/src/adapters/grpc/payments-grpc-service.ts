import type { ServerUnaryCall } from '@grpc/grpc-js';
import { unaryHandler } from '@shopstream/service-defaults';
import {
  authorizeGrpc,
  grpcPrincipal,
  invalidToken,
  type TokenVerifier,
} from '@shopstream/service-defaults/auth';
import {
  PaymentsServiceService as S,
  type PaymentsServiceServer,
} from '@shopstream/proto/payments/v1/payments_service.js';
import { cancelPayment } from '../../app/cancel-payment.js';
import { capturePayment } from '../../app/capture-payment.js';
import { createIntent } from '../../app/create-intent.js';
import { getPayment } from '../../app/get-payment.js';
import { listPayments } from '../../app/list-payments.js';
import type { PaymentsDeps } from '../../app/ports.js';
import { refundPayment } from '../../app/refund-payment.js';
import {
  parseCreateIntent,
  parseListPayments,
  parsePaymentCommand,
  parsePaymentId,
} from '../../domain/payment-input.js';
import { PAYMENTS_ACCESS_POLICY } from './payments-access-policy.js';
import { paymentMessage } from './payment-message.js';

/** The tenant of a call: the verified token's, after the access policy let the call through. */
async function tenantOf(verifier: TokenVerifier, call: ServerUnaryCall<unknown, unknown>, path: string) {
  const principal = authorizeGrpc(PAYMENTS_ACCESS_POLICY, path, await grpcPrincipal(verifier, call.metadata));
  if (principal === undefined) throw invalidToken();
  return principal.tenantId;
}

/** A command's fields under their proto names, so validation errors name what the caller sent. */
const command = (r: { idempotencyKey: string; paymentId: string }) => ({
  idempotency_key: r.idempotencyKey,
  payment_id: r.paymentId,
});

/**
 * `shopstream.payments.v1.PaymentsService`: authorize, parse, call the use case, map back. Errors are
 * DomainErrors that `unaryHandler` turns into a gRPC status with `x-error-code` and `x-field-errors`.
 */
export function paymentsGrpcService(deps: PaymentsDeps, verifier: TokenVerifier): PaymentsServiceServer {
  return {
    createIntent: unaryHandler(async (request, call) => {
      const tenantId = await tenantOf(verifier, call, S.createIntent.path);
      const input = parseCreateIntent({
        idempotency_key: request.idempotencyKey,
        order_id: request.orderId,
        amount: request.amount && {
          currency_code: request.amount.currencyCode,
          amount_minor: request.amount.amountMinor,
        },
        payment_method_id: request.paymentMethodId,
      });
      return { payment: paymentMessage(await createIntent(deps, tenantId, input)) };
    }),
    capture: unaryHandler(async (request, call) => {
      const tenantId = await tenantOf(verifier, call, S.capture.path);
      const payment = await capturePayment(deps, tenantId, parsePaymentCommand(command(request)));
      return { payment: paymentMessage(payment) };
    }),
    cancel: unaryHandler(async (request, call) => {
      const tenantId = await tenantOf(verifier, call, S.cancel.path);
      const payment = await cancelPayment(deps, tenantId, parsePaymentCommand(command(request)));
      return { payment: paymentMessage(payment) };
    }),
    refund: unaryHandler(async (request, call) => {
      const tenantId = await tenantOf(verifier, call, S.refund.path);
      const payment = await refundPayment(deps, tenantId, parsePaymentCommand(command(request)));
      return { payment: paymentMessage(payment) };
    }),
    getPayment: unaryHandler(async (request, call) => {
      const tenantId = await tenantOf(verifier, call, S.getPayment.path);
      const payment = await getPayment(deps, tenantId, parsePaymentId({ payment_id: request.paymentId }));
      return { payment: paymentMessage(payment) };
    }),
    listPayments: unaryHandler(async (request, call) => {
      const tenantId = await tenantOf(verifier, call, S.listPayments.path);
      const input = parseListPayments({
        order_id: request.orderId,
        page_size: request.page?.pageSize ?? 0,
        page_token: request.page?.pageToken ?? '',
      });
      const page = await listPayments(deps, tenantId, input);
      return { payments: page.payments.map(paymentMessage), page: { nextPageToken: page.nextPageToken } };
    }),
  };
}
