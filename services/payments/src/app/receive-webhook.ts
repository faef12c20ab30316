import { isTenantId } from '@shopstream/service-defaults/postgres';
import { followIntent } from '../domain/provider-intent.js';
import { announce, recordChange } from './record-change.js';
import type { PaymentChange, PaymentsDeps } from './ports.js';

export type WebhookOutcome =
  /** The event moved the payment (one new version, one payment event). */
  | 'applied'
  /** Recorded; the payment was already there or further along (an out-of-order event). */
  | 'unchanged'
  /** This event id was received before: nothing happens again. */
  | 'duplicate'
  /** Not about a PaymentIntent of ours (another object, or no tenant in its metadata). */
  | 'ignored';

export interface WebhookReceipt {
  readonly outcome: WebhookOutcome;
  readonly eventId: string;
}

/**
 * A Stripe webhook: verified first (a forged or stale one throws before anything is read or written), then,
 * in the payment's tenant transaction with the payment locked, recorded in the inbox by event id — a
 * redelivery stops there — and applied forward-only to the payment with its `payment.events` entry.
 */
export async function receiveWebhook(
  deps: PaymentsDeps,
  rawBody: Buffer,
  signatureHeader: string | undefined,
): Promise<WebhookReceipt> {
  const event = deps.webhooks.verify(rawBody, signatureHeader);
  const receipt = (outcome: WebhookOutcome): WebhookReceipt => ({ outcome, eventId: event.id });
  const intent = event.intent;
  const tenantId = intent?.metadata.tenant_id;
  if (intent === undefined || tenantId === undefined || !isTenantId(tenantId)) return receipt('ignored');
  const changes: PaymentChange[] = [];
  const outcome = await deps.store.inTenant(tenantId, async (tx) => {
    const payment = await tx.lockByIntent(intent.id);
    if (payment === undefined) return 'ignored' as const;
    const after = followIntent(payment, intent, deps.clock());
    const first = await tx.recordWebhook({
      eventId: event.id,
      eventType: event.type,
      paymentId: payment.id,
      outcome: after ? 'applied' : 'unchanged',
    });
    if (!first) return 'duplicate' as const;
    if (after === undefined) return 'unchanged' as const;
    changes.push(await recordChange(deps, tx, after, 'webhook'));
    return 'applied' as const;
  });
  await announce(deps, changes);
  return receipt(outcome);
}
