import { randomUUID } from 'node:crypto';
import type { Clock } from '../app/ports.js';

/** The real clock and id source (tests pass their own). */
export const systemClock: Clock = { now: () => Date.now() };

export const randomId = (): string => randomUUID();
