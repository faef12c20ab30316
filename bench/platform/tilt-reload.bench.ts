import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { repoRoot, toolBin } from '../../tools/paths.mjs';
import { httpOk, sleep, tcpOpen, waitFor } from '../../tools/stack/probes.js';
import { dataRoot, logDir } from '../../tools/stack/layout.js';
import { ports } from '../../tools/stack/ports.js';
import { tiltEnv, tiltSpec } from '../../tools/stack/tilt-spec.js';
import { portsOf } from '@shopstream/testing/stack';
import { summarize, writeResult } from '../stats.js';

const run = promisify(execFile);

const uiResource = z.object({
  status: z.object({
    localResourceInfo: z.object({ pid: z.number().optional() }).optional(),
    conditions: z.array(z.object({ type: z.string(), status: z.string() })).optional(),
  }),
});

/** Tilt's own view of a resource: the pid of its serve_cmd and whether its readiness probe passed. */
async function tiltView(name: string): Promise<{ pid: number | undefined; ready: boolean }> {
  const { stdout } = await run(toolBin('tilt'), ['get', 'uiresource', name, '-o', 'json'], {
    env: { ...process.env, ...tiltEnv() },
    timeout: 10_000,
  });
  const { status } = uiResource.parse(JSON.parse(stdout));
  const ready = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  return { pid: status.localResourceInfo?.pid, ready };
}

interface Sample {
  /** Until Tilt reports a new process of the resource ready (app and sidecar passed their probes). */
  tilt: number;
  /** Until the app's own health endpoint answered again (after having gone down). */
  app: number;
}

/** Starts `cause` and times the restart of app `name` it provokes, as Tilt and as the app's health port see it. */
async function timeRestart(name: string, cause: () => Promise<void>): Promise<Sample> {
  const before = await tiltView(name);
  const health = `http://127.0.0.1:${portsOf(name).appHealth}/healthz`;
  const t0 = performance.now();
  await cause();
  let wentDown = false;
  let app = NaN;
  const appWatch = (async () => {
    while (Number.isNaN(app) && performance.now() - t0 < 60_000) {
      const ok = await httpOk(health, { timeoutMs: 300 });
      if (!ok) wentDown = true;
      else if (wentDown) app = (performance.now() - t0) / 1000;
      await sleep(50);
    }
  })();
  const done = await waitFor(
    async () => {
      const now = await tiltView(name).catch(() => undefined);
      return now !== undefined && now.pid !== before.pid && now.ready;
    },
    60_000,
    100,
  );
  const tilt = (performance.now() - t0) / 1000;
  await appWatch;
  if (!done) throw new Error(`${name} did not come back within 60 s under Tilt`);
  return { tilt, app };
}

/**
 * Inner-loop speed under `tilt up` (issue 6 goal: under 3 s): an edit of a source file of one app (rewritten
 * with identical content, so the tree stays clean) until Tilt reports the restarted app and its sidecar ready.
 * Baseline in the same run: `tilt trigger` of the same resource (the restart alone, no file watching).
 */
export async function benchTiltReload({
  app = 'skeleton-callee',
  file = 'test/platform/apps/callee/src/main.ts',
  edits = 5,
} = {}): Promise<void> {
  // The data folder of the bench's own stack (stopped by now): warm, as a developer's would be.
  mkdirSync(logDir, { recursive: true });
  // The examples profile: the edited app is the walking skeleton's (test/platform/apps.yaml).
  const env = { ...process.env, SHOPSTREAM_DATA: dataRoot, SHOPSTREAM_EXAMPLES: '1' };
  const log = join(logDir, 'tilt.log');
  const tilt = spawn(
    join(repoRoot, 'node_modules', '.bin', 'tsx'),
    ['tools/stack/tilt-cli.ts', 'up', '--stream'],
    {
      cwd: repoRoot,
      env,
      stdio: ['ignore', openSync(log, 'a'), openSync(log, 'a')],
      detached: true,
    },
  );
  const exited = new Promise((resolve) => tilt.once('exit', resolve));
  const source = join(repoRoot, file);
  const original = readFileSync(source);
  try {
    const started = performance.now();
    const readyFiles = tiltSpec('local').resources.map((r) => r.readyFile);
    if (!(await waitFor(() => Promise.resolve(readyFiles.every((f) => existsSync(f))), 300_000, 500)))
      throw new Error(`the stack did not come up under Tilt within 300 s (log: ${log})`);
    console.log(
      `  tilt up: all ${readyFiles.length} resources ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await waitFor(async () => (await tiltView(app)).ready, 30_000, 250);
    await sleep(5000);
    const others = tiltSpec('local')
      .resources.map((r) => r.name)
      .filter((name) => name !== app);
    const pidsBefore = await Promise.all(others.map(async (name) => (await tiltView(name)).pid));
    const edit: Sample[] = [];
    const trigger: Sample[] = [];
    for (let i = 0; i < edits; i++) {
      edit.push(await timeRestart(app, () => Promise.resolve(writeFileSync(source, original))));
      await sleep(3000);
      trigger.push(
        await timeRestart(app, async () => {
          await run(toolBin('tilt'), ['trigger', app], { env: { ...env, ...tiltEnv() } });
        }),
      );
      await sleep(3000);
    }
    const pidsAfter = await Promise.all(others.map(async (name) => (await tiltView(name)).pid));
    const restarted = others.filter((_, i) => pidsAfter[i] !== pidsBefore[i]);
    const appOnly = summarize(edit.map((s) => s.app));
    writeResult({
      name: 'tilt-edit-to-healthy',
      unit: 's',
      target: 3,
      ...summarize(edit.map((s) => s.tilt)),
      baseline: { name: 'tilt-trigger-to-healthy', ...summarize(trigger.map((s) => s.tilt)) },
      notes: `edit of ${file} → Tilt reports ${app} + sidecar ready (probe period 1 s). The app's own health port answered again after p50 ${appOnly.p50} s, p95 ${appOnly.p95} s. Other resources restarted meanwhile: ${restarted.join(', ') || 'none'}.`,
    });
  } finally {
    writeFileSync(source, original);
    try {
      process.kill(-(tilt.pid ?? 0), 'SIGTERM');
    } catch {
      // already gone
    }
    await Promise.race([exited, sleep(60_000)]);
    await waitFor(async () => !(await tcpOpen(ports.tilt)), 30_000);
  }
}
