import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Logger } from 'pino';
import { createGreetingActivities } from './activities/greeting.activities.js';
import { GREETING_TASK_QUEUE } from './greeting.contract.js';

export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

/** Runs the greeting worker until `shutdown()`; resolves once it polls the task queue. */
export async function startGreetingWorker(opts: {
  address: string;
  namespace: string;
  identity: string;
  logger: Logger;
}) {
  const connection = await NativeConnection.connect({ address: opts.address });
  const worker = await Worker.create({
    connection,
    namespace: opts.namespace,
    taskQueue: GREETING_TASK_QUEUE,
    workflowsPath,
    activities: createGreetingActivities(opts.identity),
    identity: opts.identity,
  });
  const running = worker.run();
  opts.logger.info({ taskQueue: GREETING_TASK_QUEUE }, 'temporal worker polling');
  return {
    async shutdown() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
