export { greetingWorkflow } from './greeting.workflow.js';
