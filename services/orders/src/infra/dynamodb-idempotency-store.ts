import { randomUUID } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { IdempotencyClaim, IdempotencyStore } from '../app/ports.js';

export interface DynamoIdempotencyOptions {
  readonly client: DynamoDBClient;
  /** The `kvstore` table: partition key `key` (S), TTL attribute `expiresAt` (epoch seconds). */
  readonly table: string;
  /** How long a record lives (its key is absent afterwards). */
  readonly ttlMs: number;
  /** How long a pending claim holds the key before another call may take it over (default 30 s). */
  readonly leaseMs?: number;
  readonly now?: () => number;
}

/** Records are kept apart from the Dapr component's own items (`<appId>||<key>`) by this prefix. */
const PREFIX = 'idempotency|';

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

/**
 * The idempotency store on DynamoDB with conditional writes (not through Dapr: its `first-write` ignores TTL,
 * adr/0046). One item per key: `fingerprint`, `state` (pending | done), `claimId`, `leaseUntil`, `response`,
 * `expiresAtMs` and `expiresAt` (seconds, for DynamoDB's own TTL purge, which may lag by days — so every
 * condition and read checks `expiresAtMs` itself).
 */
export function dynamoIdempotencyStore(options: DynamoIdempotencyOptions): IdempotencyStore {
  const { client, table } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const now = options.now ?? Date.now;
  const keyOf = (key: string) => ({ key: { S: `${PREFIX}${key}` } });
  const n = (value: number): AttributeValue => ({ N: String(value) });

  async function put(key: string, fingerprint: string, claimId: string, at: number): Promise<boolean> {
    const expiresAtMs = at + options.ttlMs;
    try {
      await client.send(
        new PutItemCommand({
          TableName: table,
          Item: {
            ...keyOf(key),
            fingerprint: { S: fingerprint },
            state: { S: 'pending' },
            claimId: { S: claimId },
            leaseUntil: n(at + leaseMs),
            expiresAtMs: n(expiresAtMs),
            expiresAt: n(Math.ceil(expiresAtMs / 1000)),
          },
          // First writer wins; an expired record counts as absent.
          ConditionExpression: 'attribute_not_exists(#k) OR #exp <= :now',
          ExpressionAttributeNames: { '#k': 'key', '#exp': 'expiresAtMs' },
          ExpressionAttributeValues: { ':now': n(at) },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Takes over a pending claim whose lease ran out (only if nobody else did first). */
  async function takeOver(key: string, oldClaimId: string, claimId: string, at: number): Promise<boolean> {
    try {
      await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: keyOf(key),
          UpdateExpression: 'SET claimId = :new, leaseUntil = :lease',
          ConditionExpression: 'claimId = :old AND #state = :pending AND leaseUntil <= :now',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':new': { S: claimId },
            ':old': { S: oldClaimId },
            ':pending': { S: 'pending' },
            ':lease': n(at + leaseMs),
            ':now': n(at),
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  return {
    async claim(key, fingerprint): Promise<IdempotencyClaim> {
      const claimId = randomUUID();
      for (let attempt = 0; attempt < 3; attempt++) {
        const at = now();
        if (await put(key, fingerprint, claimId, at)) return { kind: 'claimed', claimId };
        const { Item: item } = await client.send(
          new GetItemCommand({ TableName: table, Key: keyOf(key), ConsistentRead: true }),
        );
        if (!item || Number(item.expiresAtMs?.N ?? 0) <= at) continue; // gone or expired since: claim again
        if (item.fingerprint?.S !== fingerprint) return { kind: 'mismatch' };
        if (item.state?.S === 'done') {
          return { kind: 'replay', response: JSON.parse(item.response?.S ?? 'null') as unknown };
        }
        if (Number(item.leaseUntil?.N ?? 0) > at) return { kind: 'in-progress' };
        if (await takeOver(key, item.claimId?.S ?? '', claimId, at)) return { kind: 'claimed', claimId };
        return { kind: 'in-progress' };
      }
      return { kind: 'in-progress' };
    },

    async complete(key, claimId, response) {
      await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: keyOf(key),
          UpdateExpression: 'SET #state = :done, #response = :response',
          ConditionExpression: 'claimId = :claim',
          ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
          ExpressionAttributeValues: {
            ':done': { S: 'done' },
            ':response': { S: JSON.stringify(response) },
            ':claim': { S: claimId },
          },
        }),
      );
    },

    async release(key, claimId) {
      try {
        await client.send(
          new DeleteItemCommand({
            TableName: table,
            Key: keyOf(key),
            ConditionExpression: 'claimId = :claim AND #state = :pending',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':claim': { S: claimId }, ':pending': { S: 'pending' } },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error; // someone took it over: theirs now
      }
    },
  };
}
