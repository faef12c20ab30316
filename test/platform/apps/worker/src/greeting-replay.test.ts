import { readFileSync } from 'node:fs';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from './temporal-worker.js';

/**
 * Replay tests: histories recorded from real runs of earlier versions of the workflow code must replay
 * against today's code without a non-determinism error. Record a new one whenever the workflow changes
 * shape (`temporal workflow show --workflow-id <id> --output json > histories/<name>.json`).
 */
const histories = ['greeting-v1.json'];

describe('greetingWorkflow replay', () => {
  it.each(histories)('replays %s deterministically', async (file) => {
    const history: Parameters<typeof Worker.runReplayHistory>[1] = JSON.parse(
      readFileSync(new URL(`./histories/${file}`, import.meta.url), 'utf8'),
    );
    await expect(Worker.runReplayHistory({ workflowsPath }, history)).resolves.toBeUndefined();
  });
});
