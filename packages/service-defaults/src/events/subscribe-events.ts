import type { DaprServer } from '@dapr/dapr';
import type { Logger } from 'pino';
import { cloudEventSchema, type CloudEvent } from './cloud-event.js';

/** What a handler tells Dapr: done, try again later (redelivery), or give up (dead-letter topic). */
export type DeliveryOutcome = 'SUCCESS' | 'RETRY' | 'DROP';

export interface EventSubscription {
  pubsubName: string;
  topic: string;
  /** Poison messages (handler answered DROP, or retries ran out) go here. */
  deadLetterTopic?: string;
  /** Handlers must be idempotent: delivery is at least once. Throwing means RETRY. */
  handler: (event: CloudEvent) => Promise<DeliveryOutcome | void>;
}

interface ExpressLike {
  get(path: string, handler: (req: unknown, res: { json(body: unknown): void }) => void): void;
  post(
    path: string,
    handler: (req: { body: unknown }, res: { status(code: number): { json(body: unknown): void } }) => void,
  ): void;
}

/**
 * Programmatic subscriptions whose handlers receive the whole CloudEvent (id, tenantid, traceparent …); the
 * SDK's own pub/sub API hands over only `data`. Call before `server.start()`: our `/dapr/subscribe` route is
 * registered ahead of the SDK's and lists these subscriptions, including their dead-letter topics.
 */
export function subscribeEvents(
  server: DaprServer,
  logger: Logger,
  subscriptions: EventSubscription[],
): void {
  const app = server.daprServer.getServer() as ExpressLike;
  const list = subscriptions.map((s) => ({
    pubsubname: s.pubsubName,
    topic: s.topic,
    route: `/events/${s.pubsubName}/${s.topic}`,
    ...(s.deadLetterTopic === undefined ? {} : { deadLetterTopic: s.deadLetterTopic }),
  }));
  app.get('/dapr/subscribe', (_req, res) => res.json(list));
  subscriptions.forEach((subscription, i) => {
    app.post(list[i]!.route, (req, res) => {
      const parsed = cloudEventSchema.safeParse(req.body);
      if (!parsed.success) {
        // Not a valid Shopstream event: retrying cannot help, so it goes to the dead-letter topic.
        logger.warn(
          { topic: subscription.topic, issues: parsed.error.issues.length },
          'malformed event dropped',
        );
        res.status(200).json({ status: 'DROP' });
        return;
      }
      subscription.handler(parsed.data).then(
        (outcome) => res.status(200).json({ status: outcome ?? 'SUCCESS' }),
        (err: unknown) => {
          logger.warn(
            { err, topic: subscription.topic, eventId: parsed.data.id },
            'event handler failed; will retry',
          );
          res.status(200).json({ status: 'RETRY' });
        },
      );
    });
  });
}
