import { proxyActivities } from '@temporalio/workflow';
import type { GreetingActivities } from '../activities/greeting.activities.js';
import type { GreetingInput, GreetingResult } from '../greeting.contract.js';

const { composeGreeting } = proxyActivities<GreetingActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3, initialInterval: '1 second', backoffCoefficient: 2 },
});

/** Deterministic: no I/O here, only activities (see the lint rules for workflows/). */
export async function greetingWorkflow(input: GreetingInput): Promise<GreetingResult> {
  return composeGreeting(input);
}
