import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ports } from '@shopstream/testing/stack';
import type { CheckoutActivities, MoveStep } from './activities/checkout.activities.js';
import type { PaymentView } from './app/ports.js';
import {
  CANCEL_UPDATE,
  CHECKOUT_WORKFLOW,
  PAYMENT_CHANGED_SIGNAL,
  type CancelAnswer,
  type CheckoutInput,
  type CheckoutOutcome,
} from './domain/checkout.js';
import { checkoutWorkflowsPath } from './infra/checkout-worker.js';

/**
 * The saga's own logic on the stack's real Temporal server, with its activities replaced by recorders: the
 * paths that are hard to bring about end to end (a decline after the second line, insufficient stock on the
 * second line, 3-D Secure settled by a signal, a cancel while waiting, a cancel after capture). The same
 * workflow with the real activities runs in test/orders/checkout.integration.test.ts.
 */
describe('checkoutWorkflow (real Temporal, recorded activities)', () => {
  let connection: Connection;
  let native: NativeConnection;
  let client: Client;

  beforeAll(async () => {
    connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
    native = await NativeConnection.connect({ address: `127.0.0.1:${ports.temporal}` });
    client = new Client({ connection });
  });
  afterAll(async () => {
    await connection.close();
    await native.close();
  });

  const input = (overrides: Partial<CheckoutInput> = {}): CheckoutInput => ({
    tenantId: 'saga-test',
    orderId: randomUUID(),
    userId: 'u1',
    currency: 'EUR',
    totalMinor: 6000,
    paymentMethodId: 'pm_card_visa',
    lines: [
      { skuId: randomUUID(), region: 'eu', quantity: 2 },
      { skuId: randomUUID(), region: 'eu', quantity: 1 },
    ],
    authorizationTimeoutMs: 60_000,
    ...overrides,
  });

  /** Activities that record what the saga asked for; `behave` overrides some of them. */
  function recorder(behave: Partial<CheckoutActivities> = {}) {
    const calls: string[] = [];
    const payment = (status: PaymentView['status']): PaymentView => ({
      paymentId: 'pay-1',
      status,
      failureCode: '',
    });
    const base: CheckoutActivities = {
      reserveStock: (s) => Promise.resolve(void calls.push(`reserve ${s.idempotencyKey}`)),
      releaseStock: (s) => Promise.resolve(void calls.push(`release ${s.idempotencyKey}`)),
      sellStock: (s) => Promise.resolve(void calls.push(`sell ${s.idempotencyKey}`)),
      authorizePayment: (s) => {
        calls.push(`authorize ${s.idempotencyKey}`);
        return Promise.resolve(payment('authorized'));
      },
      readPayment: () => Promise.resolve(payment('authorized')),
      capturePayment: (s) => {
        calls.push(`capture ${s.idempotencyKey}`);
        return Promise.resolve(payment('captured'));
      },
      releasePayment: () => {
        calls.push('release payment');
        return Promise.resolve(payment('canceled'));
      },
      moveOrder: (s: MoveStep) =>
        Promise.resolve(void calls.push(`${s.to}${s.reason ? ` (${s.reason})` : ''}`)),
      takeOrderedLines: () => Promise.resolve(void calls.push('take lines')),
    };
    const wrapped = Object.fromEntries(
      Object.entries(behave).map(([name, fn]) => [
        name,
        (...args: unknown[]) => {
          calls.push(`${name}*`);
          return (fn as (...a: unknown[]) => Promise<unknown>)(...args);
        },
      ]),
    );
    return { calls, activities: { ...base, ...wrapped } };
  }

  const waitFor = async (done: () => boolean) => {
    for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(done()).toBe(true);
  };

  async function run(
    checkout: CheckoutInput,
    activities: CheckoutActivities,
    during?: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<void>,
  ): Promise<CheckoutOutcome> {
    const taskQueue = `checkout-test-${randomUUID()}`;
    const worker = await Worker.create({
      connection: native,
      taskQueue,
      workflowsPath: checkoutWorkflowsPath,
      activities,
    });
    return worker.runUntil(async () => {
      const handle = await client.workflow.start(CHECKOUT_WORKFLOW, {
        workflowId: `checkout:${checkout.orderId}`,
        taskQueue,
        args: [checkout],
      });
      if (during) await during(handle);
      return (await handle.result()) as CheckoutOutcome;
    });
  }

  it('happy path: reserve each line, authorize, capture, PAID, sell each line, the cart, then CONFIRMED', async () => {
    const checkout = input();
    const { calls, activities } = recorder();
    expect(await run(checkout, activities)).toEqual({ state: 'CONFIRMED', reason: '' });
    const o = checkout.orderId;
    const [a, b] = checkout.lines;
    expect(calls).toEqual([
      `reserve checkout:${o}:stock:${a?.skuId}:eu`,
      `reserve checkout:${o}:stock:${b?.skuId}:eu`,
      'STOCK_RESERVED',
      `authorize checkout:${o}:authorize`,
      'PAYMENT_AUTHORIZED',
      `capture checkout:${o}:capture`,
      'PAID',
      `sell checkout:${o}:stock:${a?.skuId}:eu`,
      `sell checkout:${o}:stock:${b?.skuId}:eu`,
      'take lines',
      'CONFIRMED',
    ]);
  });

  it('a sell refused by the catalog (a business answer) still ends CONFIRMED: the order is paid', async () => {
    const checkout = input();
    const { calls, activities } = recorder({
      sellStock: () =>
        Promise.reject(
          ApplicationFailure.create({
            type: 'Orders.ReservationReleased',
            message: 'released',
            nonRetryable: true,
          }),
        ),
    });
    expect(await run(checkout, activities)).toEqual({ state: 'CONFIRMED', reason: '' });
    expect(calls.slice(-5)).toEqual(['PAID', 'sellStock*', 'sellStock*', 'take lines', 'CONFIRMED']);
  });

  it('a decline runs the compensations newest first and ends COMPENSATED with the decline code', async () => {
    const checkout = input();
    const { calls, activities } = recorder({
      authorizePayment: () =>
        Promise.resolve({ paymentId: 'pay-1', status: 'failed', failureCode: 'card_declined' }),
    });
    expect(await run(checkout, activities)).toEqual({ state: 'COMPENSATED', reason: 'card_declined' });
    const o = checkout.orderId;
    expect(calls.slice(3)).toEqual([
      'authorizePayment*',
      'release payment',
      `release checkout:${o}:stock:${checkout.lines[1]?.skuId}:eu`,
      `release checkout:${o}:stock:${checkout.lines[0]?.skuId}:eu`,
      'COMPENSATED (card_declined)',
    ]);
  });

  it('not enough stock on the first line: FAILED (nothing held), its key still released; on the second: COMPENSATED', async () => {
    const short = () =>
      Promise.reject(
        ApplicationFailure.create({ type: 'Orders.InsufficientStock', nonRetryable: true, message: 'short' }),
      );
    const first = recorder({ reserveStock: short });
    expect(await run(input(), first.activities)).toEqual({ state: 'FAILED', reason: 'insufficient_stock' });
    expect(first.calls.filter((c) => c.startsWith('reserveStock*'))).toHaveLength(1);
    expect(first.calls.at(-1)).toBe('FAILED (insufficient_stock)');

    let n = 0;
    const second = recorder({ reserveStock: () => (++n === 2 ? short() : Promise.resolve()) });
    expect(await run(input(), second.activities)).toEqual({
      state: 'COMPENSATED',
      reason: 'insufficient_stock',
    });
    expect(second.calls.filter((c) => c.startsWith('release checkout:'))).toHaveLength(2);
  });

  it('3-D Secure: waits for the payment signal, then goes on; a cancel while waiting compensates (CANCELLED)', async () => {
    const threeDs = () =>
      Promise.resolve<PaymentView>({ paymentId: 'pay-1', status: 'requires_action', failureCode: '' });
    const settled = recorder({ authorizePayment: threeDs });
    const outcome = await run(input(), settled.activities, async (handle) => {
      await waitFor(() => settled.calls.includes('authorizePayment*'));
      await handle.signal(PAYMENT_CHANGED_SIGNAL, {
        paymentId: 'pay-1',
        status: 'authorized',
        version: 2,
        failureCode: '',
      });
    });
    expect(outcome.state).toBe('CONFIRMED');

    const cancelled = recorder({ authorizePayment: threeDs });
    let answer: CancelAnswer | undefined;
    const result = await run(input(), cancelled.activities, async (handle) => {
      await waitFor(() => cancelled.calls.includes('authorizePayment*'));
      answer = await handle.executeUpdate<CancelAnswer, []>(CANCEL_UPDATE);
    });
    expect(answer).toEqual({ accepted: true, stage: 'before-capture' });
    expect(result).toEqual({ state: 'CANCELLED', reason: 'cancelled_by_shopper' });
    expect(cancelled.calls.slice(-4)).toEqual([
      'release payment',
      expect.stringMatching(/^release checkout:/),
      expect.stringMatching(/^release checkout:/),
      'CANCELLED (cancelled_by_shopper)',
    ]);
  });

  it('no verdict within the bound: payment_timeout, compensated', async () => {
    const { activities } = recorder({
      authorizePayment: () =>
        Promise.resolve({ paymentId: 'pay-1', status: 'requires_action', failureCode: '' }),
    });
    expect(await run(input({ authorizationTimeoutMs: 1_000 }), activities)).toEqual({
      state: 'COMPENSATED',
      reason: 'payment_timeout',
    });
  });
});
