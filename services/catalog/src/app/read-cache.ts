import type { ReadCache } from './ports.js';

/** CATALOG_READ_CACHE=off: every read goes to Postgres. */
export const noReadCache: ReadCache = {
  enabled: false,
  getProduct: () => Promise.resolve(undefined),
  putProduct: () => Promise.resolve(),
  getList: () => Promise.resolve({ page: undefined, generation: '0' }),
  putList: () => Promise.resolve(),
  changed: () => Promise.resolve('applied'),
  applyEvent: () => Promise.resolve('applied'),
};
