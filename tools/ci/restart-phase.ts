import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';
import { stackControl } from '../stack/control.js';
import { stateFile } from '../stack/layout.js';
import type { Profile } from '../stack/dapr-resources.js';
import { phase, sh } from './phases.js';

/** The stack in a child process (stack-child.ts), so that the phase can stop it or kill it outright. */
interface StackChild {
  child: ChildProcess;
  exited: Promise<number | null>;
}

function startStack(profile: Profile, dataRoot: string, label: string): Promise<StackChild> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'tools', 'ci', 'stack-child.ts')],
    {
      cwd: repoRoot,
      env: { ...process.env, SHOPSTREAM_DATA: dataRoot, SHOPSTREAM_PROFILE: profile },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let ready = false;
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        console.log(`  [${label}] ${line}`);
        if (!ready && /^stack ready in /.test(line)) {
          ready = true;
          resolve({ child, exited });
        }
      }
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    void exited.then((code) => {
      if (!ready) reject(new Error(`the stack did not come up (its supervisor exited ${code})`));
    });
  });
}

/** Stops the stack as `npm run stop` does, and waits for its supervisor to exit. */
async function stopStack(stack: StackChild): Promise<void> {
  await stackControl.shutdown();
  const code = await stack.exited;
  if (code !== 0) throw new Error(`the stack's supervisor exited ${code} on shutdown`);
}

/**
 * A crash: SIGKILL to the supervisor and, at the same instant, to every process group it started (from the
 * state file it keeps for this), so nothing gets to shut down cleanly — Postgres, Redis, etcd, Temporal's
 * SQLite and Kafka all have to recover from what is on disk.
 */
async function crashStack(stack: StackChild): Promise<number> {
  const { pids } = JSON.parse(readFileSync(stateFile, 'utf8')) as { pids: { pid: number }[] };
  const groups = [stack.child.pid as number, ...pids.map((p) => p.pid)];
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await stack.exited;
  return groups.length;
}

/** Load while the crash happens: publishes through a sidecar and catalog reads, until stopped. */
function backgroundWork(): { stop: () => Promise<number> } {
  let running = true;
  let requests = 0;
  const loop = async () => {
    const { sidecar } = await import('@shopstream/testing/stack');
    while (running) {
      await sidecar('conformance', '/v1.0/publish/pubsub/conformance.delivery', {
        method: 'POST',
        body: JSON.stringify({ run: `crash-load-${process.pid}`, seq: requests }),
      }).then(
        (r) => r.arrayBuffer(),
        () => undefined,
      );
      requests++;
    }
  };
  const loops = Array.from({ length: 4 }, loop);
  return {
    stop: async () => {
      running = false;
      await Promise.allSettled(loops);
      return requests;
    },
  };
}

const vitest = (file: string, round: string, dataRoot: string, profile: Profile) =>
  sh('npx', ['vitest', 'run', '--config', 'vitest.restart.config.ts', file], {
    SHOPSTREAM_DATA: dataRoot,
    SHOPSTREAM_PROFILE: profile,
    SHOPSTREAM_RESTART_ROUND: round,
  });

const seedFile = 'test/restart/seed.restart.test.ts';
const verifyFile = 'test/restart/verify.restart.test.ts';

/** Data of every kind on the running stack, recorded for the verify run after the restart (round "restart"). */
export const restartSeed = (profile: Profile, dataRoot: string) =>
  vitest(seedFile, 'restart', dataRoot, profile);

/**
 * Issue 12 as tested properties, on one profile, after restartSeed ran on a stack that was then stopped (the
 * integration stack of `npm test`, so the folder holds everything the whole suite wrote): start on the used
 * folder and verify; seed again, SIGKILL everything in the middle of work, start again and verify. Each start
 * is timed. A failed step still stops whatever stack is up.
 */
export async function restartPhase(profile: Profile, label: string, dataRoot: string): Promise<void> {
  if (!stateFile.startsWith(dataRoot))
    throw new Error(`restartPhase: ${dataRoot} must be the stack layout's data folder (SHOPSTREAM_DATA)`);
  let stack: StackChild | null = null;
  const step = (name: string, fn: () => Promise<void>) => phase(`restart (${label}): ${name}`, fn);
  try {
    const ok = await step('start on the used data folder, verify', async () => {
      stack = await startStack(profile, dataRoot, `${label} after stop`);
      await vitest(verifyFile, 'restart', dataRoot, profile);
    });
    if (!ok) return;
    await step('SIGKILL everything mid-work, start again, verify', async () => {
      await vitest(seedFile, 'crash', dataRoot, profile);
      const work = backgroundWork();
      await new Promise((r) => setTimeout(r, 3000));
      if (!stack) throw new Error('no stack to crash');
      const killed = await crashStack(stack);
      stack = null;
      console.log(
        `  killed ${killed} process groups with SIGKILL after ${await work.stop()} requests of load`,
      );
      stack = await startStack(profile, dataRoot, `${label} after crash`);
      await vitest(verifyFile, 'crash', dataRoot, profile);
    });
  } finally {
    if (stack)
      await stopStack(stack).catch((err: Error) => console.error(`✗ stopping the stack: ${err.message}`));
    if (existsSync(stateFile)) {
      const { killStale } = await import('../stack/supervisor.js');
      await killStale();
    }
  }
}

/** The restart phase on its own (`tools/ci/test.ts restart`): a fresh stack, seeded and stopped, then the same. */
export async function freshRestartPhase(profile: Profile, label: string, dataRoot: string): Promise<void> {
  rmSync(dataRoot, { recursive: true, force: true });
  const seeded = await phase(
    `restart (${label}): start on a fresh data folder, create data of every kind`,
    async () => {
      const stack = await startStack(profile, dataRoot, `${label} 1st`);
      try {
        await restartSeed(profile, dataRoot);
      } finally {
        await stopStack(stack);
      }
    },
  );
  if (seeded) await restartPhase(profile, label, dataRoot);
}
