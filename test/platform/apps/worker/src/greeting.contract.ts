/** Contract of the walking skeleton's workflow, shared by the app that starts it and the worker. */
export const GREETING_TASK_QUEUE = 'skeleton-greetings';

/** Business id as workflow id: starting the same request twice finds the running workflow. */
export const greetingWorkflowId = (requestId: string) => `greeting:${requestId}`;

export interface GreetingInput {
  tenantId: string;
  name: string;
}

export interface GreetingResult {
  greeting: string;
  /** The worker process that ran the activity (proves it ran in another process). */
  servedBy: string;
}
