import type { AccessPolicy } from '@shopstream/service-defaults/auth';
import { PaymentsServiceService as S } from '@shopstream/proto/payments/v1/payments_service.js';
import { PAYMENTS_ADMIN_ROLE, PAYMENTS_CHARGE_ROLE } from '../../domain/payment-roles.js';

/**
 * Who may call what (deny by default; every call needs a valid token, whose tenant is the call's). The
 * saga's commands need `payments.charge`; a refund needs `payments.admin` or the tenant admin flag; reads
 * accept either role (the saga reads its payment, the back office lists them).
 */
export const PAYMENTS_ACCESS_POLICY: AccessPolicy = {
  [S.createIntent.path]: { roles: [PAYMENTS_CHARGE_ROLE] },
  [S.capture.path]: { roles: [PAYMENTS_CHARGE_ROLE] },
  [S.cancel.path]: { roles: [PAYMENTS_CHARGE_ROLE] },
  [S.refund.path]: { roles: [PAYMENTS_ADMIN_ROLE], allowAdmin: true },
  [S.getPayment.path]: { roles: [PAYMENTS_ADMIN_ROLE, PAYMENTS_CHARGE_ROLE], allowAdmin: true },
  [S.listPayments.path]: { roles: [PAYMENTS_ADMIN_ROLE, PAYMENTS_CHARGE_ROLE], allowAdmin: true },
};
