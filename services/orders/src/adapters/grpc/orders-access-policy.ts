import type { AccessPolicy } from '@shopstream/service-defaults/auth';
import { OrdersServiceService as S } from '@shopstream/proto/orders/v1/orders_service.js';

/** The role that lets a back-office user read and refund every order of the tenant (besides the admin flag). */
export const ORDERS_ADMIN_ROLE = 'orders.admin';

/**
 * Who may call what (deny by default): every method needs a signed-in user of the token's tenant; which
 * orders they see is decided by the use case (their own; the tenant's for admins). Refunds need the admin
 * role or flag.
 */
export const ORDERS_ACCESS_POLICY: AccessPolicy = {
  [S.createOrder.path]: { roles: [] },
  [S.getOrder.path]: { roles: [] },
  [S.listOrders.path]: { roles: [] },
  [S.cancelOrder.path]: { roles: [] },
  [S.refundOrder.path]: { roles: [ORDERS_ADMIN_ROLE], allowAdmin: true },
};
