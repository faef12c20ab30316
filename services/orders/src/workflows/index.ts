export { checkoutWorkflow } from './checkout.workflow.js';
