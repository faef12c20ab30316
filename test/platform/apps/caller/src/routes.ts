import type { DaprServer } from '@dapr/dapr';
import { trace } from '@opentelemetry/api';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { PlatformPinged } from '@shopstream/proto/events/v1/platform_events.js';
import { DomainError, jsonRoute, publishEvent, type ServiceContext } from '@shopstream/service-defaults';
import { GREETING_TASK_QUEUE, greetingWorkflowId, type GreetingResult } from '@shopstream/skeleton-worker';
import type { createCalleeClient } from './ping-callee.js';

const pingBody = z.object({ tenantId: z.string().min(1).max(64), message: z.string().max(1000) });
const greetingBody = z.object({
  requestId: z.string().uuid(),
  tenantId: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw DomainError.fromZod('Platform.InvalidRequest', result.error);
  return result.data;
}

interface Deps {
  context: ServiceContext;
  callee: ReturnType<typeof createCalleeClient>;
  temporal: Client;
}

export function registerRoutes(server: DaprServer, { context, callee, temporal }: Deps): void {
  /** gRPC to the callee through both sidecars, then an event to pub/sub: the path of the tracing test. */
  jsonRoute(server, 'post', '/ping', async ({ body }) => {
    const { tenantId, message } = parse(pingBody, body);
    const reply = await callee.ping(tenantId, message);
    const event = await publishEvent(context.dapr, 'pubsub', 'platform.events', {
      type: 'shopstream.events.v1.PlatformPinged',
      source: context.config.SERVICE_NAME,
      tenantId,
      data: PlatformPinged.toJSON({
        pingId: crypto.randomUUID(),
        tenantId,
        message,
        occurredAt: { seconds: String(Math.floor(Date.now() / 1000)), nanos: 0 },
      }),
    });
    return {
      reply: reply.message,
      servedBy: reply.servedBy,
      eventId: event.id,
      traceId: trace.getActiveSpan()?.spanContext().traceId ?? null,
    };
  });

  /** Starts the greeting workflow (business id = workflow id) and waits for the worker's result. */
  jsonRoute(server, 'post', '/greetings', async ({ body }) => {
    const { requestId, tenantId, name } = parse(greetingBody, body);
    const handle = await temporal.workflow.start('greetingWorkflow', {
      taskQueue: GREETING_TASK_QUEUE,
      workflowId: greetingWorkflowId(requestId),
      args: [{ tenantId, name }],
    });
    const result = (await handle.result()) as GreetingResult;
    return { workflowId: handle.workflowId, runId: handle.firstExecutionRunId, result };
  });
}
