import type { PaymentCommand } from '../domain/payment-input.js';
import { runCommand, type CommandRule } from './payment-command.js';
import type { PaymentsDeps } from './ports.js';

const CAPTURE: CommandRule = {
  operation: 'capture',
  done: 'captured',
  reached: ['captured'],
  from: ['authorized'],
  call: (deps, intentId, key) => deps.provider.capture(intentId, key),
};

/** Captures an authorized payment in full (the saga's step after authorization). */
export const capturePayment = (deps: PaymentsDeps, tenantId: string, input: PaymentCommand) =>
  runCommand(deps, tenantId, input, CAPTURE);
