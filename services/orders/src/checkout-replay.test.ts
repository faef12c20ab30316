import { readdirSync, readFileSync } from 'node:fs';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { checkoutWorkflowsPath } from './infra/checkout-worker.js';

/**
 * Replay tests: histories recorded from real checkouts (`temporal workflow show --workflow-id
 * checkout:<orderId> --output json`) must replay against today's workflow code without a non-determinism
 * error. Record a new one whenever the workflow changes shape; a change that old histories cannot replay
 * needs `patched()` (see `cart-before-confirmed` and `stock-sold` in checkout.workflow.ts).
 */
const folder = new URL('./workflows/histories/', import.meta.url);
const histories = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort();
const load = (file: string): unknown => JSON.parse(readFileSync(new URL(file, folder), 'utf8'));

describe('checkoutWorkflow replay', () => {
  it('has recorded histories of a confirmed and a compensated checkout, before and after each patch', () => {
    expect(histories.some((f) => f.includes('confirmed') && f.includes('v1'))).toBe(true);
    expect(histories.some((f) => f.includes('compensated'))).toBe(true);
    expect(histories.some((f) => f.includes('v2'))).toBe(true);
    // v3: `stock-sold` (the confirmed history sells each line's reservation before CONFIRMED).
    expect(histories.some((f) => f.includes('confirmed') && f.includes('v3'))).toBe(true);
  });

  it.each(histories)('replays %s deterministically', async (file) => {
    await expect(
      Worker.runReplayHistory({ workflowsPath: checkoutWorkflowsPath }, load(file)),
    ).resolves.toBeUndefined();
  });

  it('fails a history whose steps the code does not take (what a non-deterministic change looks like)', async () => {
    const file = histories.find((f) => f.includes('confirmed'));
    const history = load(file ?? '') as { events: Record<string, { activityType?: { name: string } }>[] };
    // The recorded run's first step was reserveStock; pretend the code then did something else first.
    const scheduled = history.events.find((e) => e.activityTaskScheduledEventAttributes !== undefined);
    const attributes = scheduled?.activityTaskScheduledEventAttributes;
    if (!attributes?.activityType) throw new Error(`${file}: no scheduled activity`);
    attributes.activityType.name = 'capturePayment';
    await expect(
      Worker.runReplayHistory({ workflowsPath: checkoutWorkflowsPath }, history),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
