import type { Payment } from '../domain/payment.js';
import type { ListPaymentsInput } from '../domain/payment-input.js';
import { decodePageToken, encodePageToken } from '../domain/page-token.js';
import type { PaymentsDeps } from './ports.js';

export interface PaymentPage {
  readonly payments: readonly Payment[];
  /** Empty on the last page. */
  readonly nextPageToken: string;
}

/** The tenant's payments, newest first, optionally of one order, one cursor page at a time. */
export async function listPayments(
  deps: PaymentsDeps,
  tenantId: string,
  input: ListPaymentsInput,
): Promise<PaymentPage> {
  const after = input.pageToken === undefined ? undefined : decodePageToken(input.pageToken);
  const rows = await deps.store.inTenant(tenantId, (tx) =>
    tx.listPayments({ orderId: input.orderId, limit: input.pageSize + 1, after }),
  );
  const payments = rows.slice(0, input.pageSize);
  const last = payments.at(-1);
  return {
    payments,
    nextPageToken:
      rows.length > input.pageSize && last ? encodePageToken({ createdAt: last.createdAt, id: last.id }) : '',
  };
}
