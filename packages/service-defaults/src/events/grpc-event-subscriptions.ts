import { create } from '@bufbuild/protobuf';
import type { ServiceDefinition, UntypedServiceImplementation } from '@grpc/grpc-js';
import {
  AppCallback,
  ListInputBindingsResponseSchema,
  ListTopicSubscriptionsResponseSchema,
  TopicEventResponse_TopicEventResponseStatus as Status,
  TopicEventResponseSchema,
  type TopicEventRequest,
} from '@dapr/dapr/proto/dapr/proto/runtime/v1/appcallback_pb.js';
import type { Logger } from 'pino';
import { daprCallbackMethod } from '../dapr/callback-method.js';
import { unaryHandler } from '../grpc/unary-handler.js';
import { cloudEventSchema, type CloudEvent } from './cloud-event.js';
import type { DeliveryOutcome, EventSubscription } from './subscribe-events.js';

/**
 * daprd 1.18.1 calls these two AppCallback methods WITHOUT the app API token (pkg/runtime/pubsub
 * subscriptions.go `GetSubscriptionsGRPC` and processor/binding `getSubscribedBindingsGRPC` use a bare
 * client, while event delivery adds it): pass them as `tokenExemptMethods` to `createGrpcServer`. They only
 * list what the app subscribes to; `OnTopicEvent` still requires the token.
 */
export const APP_CALLBACK_TOKENLESS_METHODS: readonly string[] = [
  `/${AppCallback.typeName}/${AppCallback.method.listTopicSubscriptions.name}`,
  `/${AppCallback.typeName}/${AppCallback.method.listInputBindings.name}`,
];

/** A gRPC service to add to an app's `createGrpcServer()` with `addService(definition, implementation)`. */
export interface GrpcEventSubscriptions {
  readonly definition: ServiceDefinition;
  readonly implementation: UntypedServiceImplementation;
}

const unaryMethod = <M extends Parameters<typeof daprCallbackMethod>[1]>(method: M) =>
  daprCallbackMethod(AppCallback.typeName, method);

const STATUS: Record<DeliveryOutcome, Status> = {
  SUCCESS: Status.SUCCESS,
  RETRY: Status.RETRY,
  DROP: Status.DROP,
};

/**
 * Pub/sub subscriptions for a **gRPC** Dapr app (`appProtocol: grpc`), the counterpart of `subscribeEvents`
 * for HTTP apps: daprd asks a gRPC app for its subscriptions and delivers events through Dapr's
 * `dapr.proto.runtime.v1.AppCallback` service (`ListTopicSubscriptions`, `OnTopicEvent`), which this
 * implements on the app's own gRPC server (messages from the Dapr SDK's generated protobuf-es code).
 * Handlers get the whole validated CloudEvent (id, tenantid, traceparent …) and answer SUCCESS / RETRY /
 * DROP exactly as with `subscribeEvents`: throwing = RETRY, a malformed event = DROP (→ dead-letter topic).
 * Service invocation (`OnInvoke`) is not offered: callers use gRPC proxying.
 */
export function grpcEventSubscriptions(
  logger: Logger,
  subscriptions: readonly EventSubscription[],
): GrpcEventSubscriptions {
  const byTopic = new Map(subscriptions.map((s) => [`${s.pubsubName}/${s.topic}`, s]));
  const methods = {
    listTopicSubscriptions: unaryMethod(AppCallback.method.listTopicSubscriptions),
    onTopicEvent: unaryMethod(AppCallback.method.onTopicEvent),
    listInputBindings: unaryMethod(AppCallback.method.listInputBindings),
  };
  const implementation = {
    listTopicSubscriptions: unaryHandler(() =>
      create(ListTopicSubscriptionsResponseSchema, {
        subscriptions: subscriptions.map((s) => ({
          pubsubName: s.pubsubName,
          topic: s.topic,
          deadLetterTopic: s.deadLetterTopic ?? '',
        })),
      }),
    ),
    listInputBindings: unaryHandler(() => create(ListInputBindingsResponseSchema, { bindings: [] })),
    onTopicEvent: unaryHandler(async (request: TopicEventRequest) => {
      const outcome = await deliver(request);
      return create(TopicEventResponseSchema, { status: STATUS[outcome] });
    }),
  };

  async function deliver(request: TopicEventRequest): Promise<DeliveryOutcome> {
    const subscription = byTopic.get(`${request.pubsubName}/${request.topic}`);
    const event = subscription === undefined ? undefined : toCloudEvent(request);
    if (subscription === undefined || event === undefined) {
      // Not ours, or not a valid Shopstream event: retrying cannot help, so it goes to the dead-letter topic.
      logger.warn({ topic: request.topic }, 'unexpected or malformed event dropped');
      return 'DROP';
    }
    try {
      return (await subscription.handler(event)) ?? 'SUCCESS';
    } catch (err) {
      logger.warn({ err, topic: request.topic, eventId: event.id }, 'event handler failed; will retry');
      return 'RETRY';
    }
  }

  return { definition: methods, implementation };
}

/** The CloudEvent daprd delivered: core attributes are fields, the others (tenantid, traceparent …) extensions. */
export function toCloudEvent(request: TopicEventRequest): CloudEvent | undefined {
  let data: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(request.data);
    data = text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
  const extensions = request.extensions ?? {};
  const parsed = cloudEventSchema.safeParse({
    ...extensions,
    specversion: request.specVersion,
    id: request.id,
    source: request.source,
    type: request.type,
    datacontenttype: request.dataContentType,
    data,
  });
  return parsed.success ? parsed.data : undefined;
}
