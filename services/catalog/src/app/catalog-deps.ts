import { randomUUID } from 'node:crypto';
import type { Logger } from '@shopstream/service-defaults';
import type { CatalogStore } from '../infra/catalog-store.js';
import type { ReadCache } from './read-cache.js';

export interface Clock {
  /** Epoch milliseconds. */
  readonly now: () => number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Everything a use case may need; each takes only the part it uses (`Pick<CatalogDeps, …>`). */
export interface CatalogDeps {
  readonly store: CatalogStore;
  readonly cache: ReadCache;
  readonly clock: Clock;
  /** New product and SKU ids. */
  readonly newId: () => string;
  /** `source` of the CloudEvents the catalog publishes (SERVICE_NAME). */
  readonly eventSource: string;
  readonly logger: Pick<Logger, 'warn'>;
}

export const randomId = (): string => randomUUID();
