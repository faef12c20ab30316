import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowsPath } from './apps/worker/src/temporal-worker.js';
import { invoke, ports } from '@shopstream/testing/stack';

let connection: Connection;
let client: Client;

beforeAll(async () => {
  connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
  client = new Client({ connection });
});
afterAll(() => connection.close());

describe('Temporal workflow across processes', () => {
  it('is started by skeleton-caller and completed by the worker in skeleton-worker', async () => {
    const requestId = randomUUID();
    const res = await invoke<{
      workflowId: string;
      runId: string;
      result: { greeting: string; servedBy: string };
    }>('skeleton-caller', 'skeleton-caller', 'greetings', { requestId, tenantId: 'tenant-c', name: 'Ada' });
    expect(res.status).toBe(200);
    expect(res.body.workflowId).toBe(`greeting:${requestId}`);
    expect(res.body.result).toEqual({ greeting: 'Hello, Ada (tenant-c)', servedBy: 'skeleton-worker' });

    // Its recorded history replays deterministically against the current workflow code.
    const history = await client.workflow.getHandle(res.body.workflowId).fetchHistory();
    await expect(Worker.runReplayHistory({ workflowsPath }, history)).resolves.toBeUndefined();
  });

  it('refuses a malformed request with problem+json naming the field, starting nothing', async () => {
    const res = await invoke<{ status: number; errors: { field: string }[] }>(
      'skeleton-caller',
      'skeleton-caller',
      'greetings',
      {
        requestId: 'not-a-uuid',
        tenantId: 'tenant-c',
        name: 'Ada',
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field)).toEqual(['requestId']);
  });
});
