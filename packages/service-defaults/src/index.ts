export { baseConfigSchema, type BaseConfig } from './config/base-config.js';
export { ConfigError, type ConfigIssue } from './config/config-error.js';
export { loadConfig, parseConfig } from './config/load-config.js';

export { createLogger, type Logger, type LoggerOptions } from './logging/create-logger.js';
export { redactPaths, SENSITIVE_KEYS } from './logging/redact-paths.js';

export { flushTelemetry } from './telemetry/telemetry-state.js';

export {
  createRedMetrics,
  RED_DURATION_BUCKETS_S,
  RED_METRIC_NAMES,
  type RedMetrics,
  type RequestOutcome,
} from './metrics/red-metrics.js';
export { httpRedMiddleware } from './metrics/http-red-middleware.js';

export { ErrorKind } from './errors/error-kind.js';
export { DomainError, fieldErrorsFromZod, isDomainError, type FieldError } from './errors/domain-error.js';
export { parseInput, type CodedIssueParams } from './errors/parse-input.js';
export { idempotencyKeySchema } from './idempotency/idempotency-key.js';
export { normalizeError } from './errors/normalize-error.js';
export {
  ERROR_CODE_METADATA_KEY,
  ERROR_KIND_METADATA_KEY,
  FIELD_ERRORS_METADATA_KEY,
  grpcCodeForKind,
  toGrpcStatus,
  toServiceError,
  type GrpcErrorStatus,
} from './errors/to-grpc-status.js';
export {
  httpStatusForKind,
  PROBLEM_JSON_CONTENT_TYPE,
  toProblemJson,
  type ProblemJson,
} from './errors/to-problem-json.js';
export {
  httpStatusOfGrpcFailure,
  problemFromGrpcFailure,
  type GrpcFailure,
} from './errors/problem-from-grpc.js';

export {
  createReadiness,
  type Readiness,
  type ReadinessCheck,
  type ReadinessReport,
} from './health/readiness.js';
export { createHealthHandler, LIVENESS_PATH, READINESS_PATH } from './health/health-handler.js';
export { startHealthServer, type HealthServer } from './health/health-server.js';

export { createShutdown, type Shutdown, type ShutdownHook } from './lifecycle/shutdown.js';

export { createDaprClient } from './dapr/create-dapr-client.js';
export {
  actorCallError,
  daprActorInvoker,
  type ActorInvoker,
  type DaprActorInvokerOptions,
} from './dapr/actor-invoker.js';
export { createDaprServer, type DaprServerDeps } from './dapr/create-dapr-server.js';
export { requireAppToken } from './dapr/require-app-token.js';
export { daprCallbackMethod } from './dapr/callback-method.js';
export {
  grpcJobCallbacks,
  scheduleDaprJob,
  scheduleDaprJobAfterStart,
  type DaprJob,
  type JobHandler,
} from './dapr/grpc-job-callbacks.js';
export {
  createDaprGrpcClient,
  daprGrpcChannelMetadata,
  type GrpcClientConstructor,
  type UnaryMethod,
} from './dapr/dapr-grpc-client.js';

export { createGrpcServer, type GrpcAppServer, type GrpcServerOptions } from './grpc/create-grpc-server.js';
export { appTokenInterceptor } from './grpc/app-token-interceptor.js';
export { observeInterceptor } from './grpc/observe-interceptor.js';
export { singleMetadataValue } from './grpc/single-metadata-value.js';
export { unaryHandler } from './grpc/unary-handler.js';

export { runService, type RunServiceOptions } from './run-service.js';
export type { ServiceContext } from './service-context.js';

export { buildCloudEvent, cloudEventSchema, type CloudEvent, type NewEvent } from './events/cloud-event.js';
export { publishEvent } from './events/publish-event.js';
export { protoTimestamp } from './events/proto-timestamp.js';
export { subscribeEvents, type DeliveryOutcome, type EventSubscription } from './events/subscribe-events.js';
export {
  APP_CALLBACK_TOKENLESS_METHODS,
  grpcEventSubscriptions,
  toCloudEvent,
  type GrpcEventSubscriptions,
} from './events/grpc-event-subscriptions.js';
export {
  jsonReply,
  jsonRoute,
  type JsonReply,
  type JsonRequest,
  type JsonRouteOptions,
  type ReplyHeaders,
} from './http/json-route.js';
export { tokensEqual } from './security/tokens-equal.js';
export { drainRefusedBody, MAX_DRAIN_BYTES } from './http/drain-request.js';
