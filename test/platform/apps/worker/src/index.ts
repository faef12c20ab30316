export {
  GREETING_TASK_QUEUE,
  greetingWorkflowId,
  type GreetingInput,
  type GreetingResult,
} from './greeting.contract.js';
export type { ReceivedEvent } from './received-events.js';
