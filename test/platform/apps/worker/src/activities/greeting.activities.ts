import type { GreetingInput, GreetingResult } from '../greeting.contract.js';

export interface GreetingActivities {
  composeGreeting(input: GreetingInput): Promise<GreetingResult>;
}

/** Activities may do I/O; this one only needs to know which process it runs in. */
export function createGreetingActivities(servedBy: string): GreetingActivities {
  return {
    composeGreeting: ({ name, tenantId }) =>
      Promise.resolve({ greeting: `Hello, ${name} (${tenantId})`, servedBy }),
  };
}
