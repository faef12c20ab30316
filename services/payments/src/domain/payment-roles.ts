/** Creates, captures and cancels payments: the orders service's own identity (the checkout saga). */
export const PAYMENTS_CHARGE_ROLE = 'payments.charge';
/** Refunds and reads every payment of the tenant: the back office. The tenant admin flag passes too. */
export const PAYMENTS_ADMIN_ROLE = 'payments.admin';
