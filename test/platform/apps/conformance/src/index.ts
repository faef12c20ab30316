export { DeliveryLedger } from './delivery-ledger.js';
