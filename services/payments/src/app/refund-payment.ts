import type { PaymentCommand } from '../domain/payment-input.js';
import { runCommand, type CommandRule } from './payment-command.js';
import type { PaymentsDeps } from './ports.js';

const REFUND: CommandRule = {
  operation: 'refund',
  done: 'refunded',
  reached: ['refunded'],
  from: ['captured'],
  call: (deps, intentId, key) => deps.provider.refund(intentId, key),
};

/** Refunds a captured payment in full (the back office; the caller's admin role is checked at the edge). */
export const refundPayment = (deps: PaymentsDeps, tenantId: string, input: PaymentCommand) =>
  runCommand(deps, tenantId, input, REFUND);
