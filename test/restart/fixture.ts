import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataRoot } from '../../tools/stack/layout.js';

/**
 * What the seeding run of the restart phase created, written into the stack's data folder, so that the run
 * after the restart (a separate vitest process, against a separate supervisor) knows what to look for.
 * `round` tells the stop/start round from the crash round.
 */
export interface RestartFixture {
  round: string;
  seededAt: number;
  tenantId: string;
  user: { email: string; password: string; userId: string; refreshToken: string };
  product: { id: string; version: string; title: string };
  /** SessionActor of the user: one session that expires (its idle-sweep reminder fires after the restart). */
  sessionActor: { actorId: string; expiringSessionId: string; keptSessionId: string; expiresAt: number };
  /** CounterActor whose reminder was registered twice (an overwritten scheduler job) and is due later. */
  counter: { actorId: string; dueAt: number };
  workflow: { workflowId: string; startsAt: number; name: string };
  s3: { key: string; sha256: string };
  kv: { key: string };
  events: { run: string; count: number };
}

const file = (round: string) => join(dataRoot, `restart-fixture-${round}.json`);

export const restartRound = (): string => {
  const round = process.env.SHOPSTREAM_RESTART_ROUND;
  if (!round)
    throw new Error('SHOPSTREAM_RESTART_ROUND is not set: run this file through tools/ci/test.ts restart');
  return round;
};

export const writeFixture = (fixture: RestartFixture): void =>
  writeFileSync(file(fixture.round), JSON.stringify(fixture, null, 2));

export const readFixture = (round: string): RestartFixture =>
  JSON.parse(readFileSync(file(round), 'utf8')) as RestartFixture;
