export { cloudEventMessage } from './cloud-event-message.js';
export { daprKeyPartitioner, daprPartitionFor } from './dapr-key-partitioner.js';
