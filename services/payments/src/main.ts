import {
  createGrpcServer,
  grpcJobCallbacks,
  runService,
  scheduleDaprJobAfterStart,
} from '@shopstream/service-defaults';
import { createSidecarTokenVerifier } from '@shopstream/service-defaults/auth';
import { daprOutboxPublisher, startOutboxRelay } from '@shopstream/service-defaults/postgres';
import { PaymentsServiceService } from '@shopstream/proto/payments/v1/payments_service.js';
import { paymentsGrpcService } from './adapters/grpc/payments-grpc-service.js';
import { startWebhookServer } from './adapters/http/webhook-server.js';
import { reconcileJob, RECONCILER_JOB } from './adapters/jobs/reconciler-job.js';
import { paymentsConfigSchema } from './config.js';
import { migratePaymentsDatabase } from './infra/migrate-payments-database.js';
import { openPaymentsPool, paymentsDeps } from './wiring/payments-wiring.js';

/**
 * payments: the gRPC Dapr app serving `shopstream.payments.v1.PaymentsService`, with its HTTP side for
 * Stripe webhooks. Start: pool → migrations → outbox relay (`payment.events` via pubsub) → webhook listener →
 * gRPC (+ the reconciler's Dapr job callback) → the job scheduled through the sidecar.
 */
await runService({
  configSchema: paymentsConfigSchema,
  start: async (context) => {
    const { config, logger, dapr, onShutdown } = context;
    const pool = openPaymentsPool(context);
    await migratePaymentsDatabase(pool, logger);
    const relay = startOutboxRelay({ pool, publish: daprOutboxPublisher(dapr, 'pubsub'), logger });
    onShutdown('outbox-relay', () => relay.stop());

    const deps = paymentsDeps(pool, context);
    const webhooks = await startWebhookServer(deps, config.APP_HTTP_PORT, logger);
    onShutdown('webhook-server', () => webhooks.close());

    const verifier = createSidecarTokenVerifier({
      daprHttpPort: config.DAPR_HTTP_PORT,
      daprApiToken: config.DAPR_API_TOKEN,
    });
    const server = createGrpcServer({ port: config.APP_PORT, appApiToken: config.APP_API_TOKEN, logger });
    server.addService(PaymentsServiceService, paymentsGrpcService(deps, verifier));
    const jobs = grpcJobCallbacks(logger, { [RECONCILER_JOB]: reconcileJob(deps) });
    server.addService(jobs.definition, jobs.implementation);
    await server.listen();
    onShutdown('grpc-server', () => server.stop());

    scheduleDaprJobAfterStart(context, {
      name: RECONCILER_JOB,
      schedule: config.PAYMENTS_RECONCILE_SCHEDULE,
    });
  },
});
