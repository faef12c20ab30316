import { create } from '@bufbuild/protobuf';
import type { ServiceDefinition, UntypedServiceImplementation } from '@grpc/grpc-js';
import {
  AppCallbackAlpha,
  JobEventResponseSchema,
  type JobEventRequest,
} from '@dapr/dapr/proto/dapr/proto/runtime/v1/appcallback_pb.js';
import type { Logger } from 'pino';
import type { ServiceContext } from '../service-context.js';
import { unaryHandler } from '../grpc/unary-handler.js';
import { daprCallbackMethod } from './callback-method.js';

/** What runs when a Dapr job of this app fires; throwing makes daprd count the trigger as failed. */
export type JobHandler = () => Promise<void>;

/**
 * Dapr Jobs for a **gRPC** Dapr app: daprd's scheduler triggers a job by calling
 * `dapr.proto.runtime.v1.AppCallbackAlpha/OnJobEventAlpha1` on the app, which this implements on the app's
 * own gRPC server (`addService(definition, implementation)`). Handlers are keyed by job name; a trigger for
 * an unknown job is logged and answered (nothing to retry). Schedule a job with `scheduleDaprJob`.
 */
export function grpcJobCallbacks(
  logger: Logger,
  handlers: Readonly<Record<string, JobHandler>>,
): { readonly definition: ServiceDefinition; readonly implementation: UntypedServiceImplementation } {
  const onJobEvent = daprCallbackMethod(AppCallbackAlpha.typeName, AppCallbackAlpha.method.onJobEventAlpha1);
  const implementation = {
    onJobEventAlpha1: unaryHandler(async (request: JobEventRequest) => {
      const handler = Object.hasOwn(handlers, request.name) ? handlers[request.name] : undefined;
      if (handler === undefined) logger.warn({ job: request.name }, 'trigger of an unknown Dapr job');
      else await handler();
      return create(JobEventResponseSchema, {});
    }),
  };
  return { definition: { onJobEventAlpha1: onJobEvent }, implementation };
}

export interface DaprJob {
  readonly name: string;
  /** A Dapr job schedule, e.g. `@every 15s`. */
  readonly schedule: string;
}

/**
 * Creates (or replaces) a recurring job of this app through its sidecar's Jobs API. The sidecar starts after
 * the app, so this retries until it answers; run it without awaiting it in start-up.
 */
export async function scheduleDaprJob(
  sidecar: { readonly daprHttpPort: number; readonly daprApiToken: string },
  job: DaprJob,
  logger: Logger,
  signal: AbortSignal,
): Promise<void> {
  const url = `http://127.0.0.1:${sidecar.daprHttpPort}/v1.0-alpha1/jobs/${encodeURIComponent(job.name)}`;
  for (let attempt = 1; !signal.aborted; attempt++) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'dapr-api-token': sidecar.daprApiToken },
        body: JSON.stringify({ schedule: job.schedule, overwrite: true }),
        signal: AbortSignal.any([signal, AbortSignal.timeout(5000)]),
      });
      const text = await res.text();
      if (res.ok) {
        logger.info({ job: job.name, schedule: job.schedule }, 'dapr job scheduled');
        return;
      }
      logger.debug(
        { job: job.name, status: res.status, body: text.slice(0, 200), attempt },
        'dapr job not yet scheduled',
      );
    } catch {
      // the sidecar is not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * attempt, 5000)));
  }
}

/**
 * The way an app schedules its recurring job at start-up: in the background (the sidecar starts after the
 * app is healthy, so `scheduleDaprJob` waits for it), and given up at shutdown.
 */
export function scheduleDaprJobAfterStart(
  context: Pick<ServiceContext, 'config' | 'logger' | 'onShutdown'>,
  job: DaprJob,
): void {
  const stop = new AbortController();
  context.onShutdown(`job-scheduling:${job.name}`, () => stop.abort());
  const sidecar = {
    daprHttpPort: context.config.DAPR_HTTP_PORT,
    daprApiToken: context.config.DAPR_API_TOKEN,
  };
  void scheduleDaprJob(sidecar, job, context.logger, stop.signal);
}
