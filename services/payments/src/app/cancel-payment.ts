import type { PaymentCommand } from '../domain/payment-input.js';
import { runCommand, type CommandRule } from './payment-command.js';
import type { PaymentsDeps } from './ports.js';

const CANCEL: CommandRule = {
  operation: 'cancel',
  done: 'canceled',
  reached: ['canceled', 'failed'],
  from: ['requires_action', 'authorized'],
  call: (deps, intentId, key) => deps.provider.cancel(intentId, key),
};

/** Releases an authorization that was not captured (the saga's compensation). */
export const cancelPayment = (deps: PaymentsDeps, tenantId: string, input: PaymentCommand) =>
  runCommand(deps, tenantId, input, CANCEL);
