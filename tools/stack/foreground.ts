import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { logDir, runDir } from './layout.js';
import { sleep } from './probes.js';
import type { ProcessSpec } from './spec.js';
import { StackError, Supervisor } from './supervisor.js';

interface Child {
  spec: ProcessSpec;
  proc: ChildProcess;
  exited: Promise<number>;
}

/** Copies a child's output to our stdout (prefixed when a resource runs several processes) and its log file. */
function pipeOutput(spec: ProcessSpec, proc: ChildProcess, prefix: string): void {
  const log = createWriteStream(join(logDir, `${spec.name}.log`), { flags: 'a' });
  for (const stream of [proc.stdout, proc.stderr]) {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
    stream?.on('end', () => partial && process.stdout.write(`${prefix}${partial}\n`));
  }
  proc.once('exit', () => log.end());
}

async function stopChild({ proc, exited }: Child, graceMs: number): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  proc.kill('SIGTERM');
  if (await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)])) proc.kill('SIGKILL');
  await exited;
}

export interface ForegroundOptions {
  /** Created while every process is ready, removed otherwise (Tilt's readiness probe tests for it). */
  readyFile: string;
  /** How long a process may take to stop on SIGTERM before it is killed. */
  graceMs?: number;
}

/**
 * Runs a few supervisor processes (one Tilt resource) in the foreground, exactly as the supervisor would:
 * same command, environment, user, prepare and after-ready hooks; an app and its sidecar start together.
 * Unlike the supervisor, children stay in our process group and their output goes to our stdout, so Tilt
 * shows it and stops everything with one signal. Any child exiting ends the whole resource.
 */
export async function runForeground(specs: ProcessSpec[], { readyFile, graceMs = 5000 }: ForegroundOptions) {
  mkdirSync(logDir, { recursive: true });
  mkdirSync(runDir, { recursive: true });
  mkdirSync(dirname(readyFile), { recursive: true });
  rmSync(readyFile, { force: true });
  // Binaries present and ports free, with the supervisor's own messages.
  await new Supervisor(
    specs.map((s) => ({ ...s, dependsOn: [] })),
    () => undefined,
  ).preflight();

  const children: Child[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    rmSync(readyFile, { force: true });
    // Tilt signals our whole process group at once anyway: stop the processes together, not in turn.
    await Promise.all(children.map((child) => stopChild(child, graceMs)));
    process.exit(code);
  };
  // When Tilt itself exits it closes our stdout while we are still stopping the children: an EPIPE must not
  // kill us before they are gone (it once left a Postgres in smart shutdown behind). And whatever ends this
  // process, no child may outlive it.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  process.on('exit', () => {
    for (const { proc } of children)
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  });
  process.on('SIGTERM', () => void stopAll(0));
  process.on('SIGINT', () => void stopAll(0));

  // An app and its sidecar start together: daprd waits for the app's port by itself (it polls it every
  // 100 ms, without a limit), and no app waits for its sidecar to become ready. So the sidecar may take as
  // long as the app and then its own time.
  const together = specs.reduce((sum, s) => sum + s.readyTimeoutMs, 0);
  try {
    await Promise.all(specs.map((spec, i) => startOne(spec, i === 0 ? spec.readyTimeoutMs : together)));
  } catch (err) {
    console.error(`✗ ${(err as Error).message}`);
    return stopAll(1);
  }
  if (stopping) return;
  writeFileSync(readyFile, String(process.pid));
  await watchHealth(specs, readyFile, () => stopping);

  async function startOne(spec: ProcessSpec, readyTimeoutMs: number): Promise<void> {
    if (stopping) return;
    const started = Date.now();
    await spec.prepare?.().catch((err: Error) => {
      throw new StackError(`${spec.name}: preparing failed: ${err.message.split('\n')[0]}`);
    });
    const proc = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(spec.user ?? {}),
    });
    const exited = new Promise<number>((resolve) => {
      proc.once('exit', (code) => resolve(code ?? 1));
      proc.once('error', () => resolve(1));
    });
    const child: Child = { spec, proc, exited };
    children.push(child);
    pipeOutput(spec, proc, specs.length > 1 ? `[${spec.name}] ` : '');
    void exited.then((code) => {
      if (stopping) return;
      console.error(`✗ ${spec.name} exited (${proc.signalCode ?? code})`);
      void stopAll(code === 0 ? 1 : code);
    });
    const deadline = started + readyTimeoutMs;
    while (!(await spec.ready().catch(() => false))) {
      if (stopping) return;
      if (Date.now() > deadline)
        throw new StackError(`${spec.name} did not become ready within ${readyTimeoutMs / 1000} s`);
      await sleep(100);
    }
    await spec.afterReady?.().catch((err: Error) => {
      throw new StackError(`${spec.name}: setting up failed: ${err.message.split('\n')[0]}`);
    });
    console.log(`✓ ${spec.name} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** Keeps the ready file true: removed after three failed probes in a row, restored when they pass again. */
async function watchHealth(specs: ProcessSpec[], readyFile: string, stopped: () => boolean) {
  let failures = 0;
  while (!stopped()) {
    await sleep(5000);
    const ok = (await Promise.all(specs.map((s) => s.ready().catch(() => false)))).every(Boolean);
    failures = ok ? 0 : failures + 1;
    if (stopped()) return;
    if (ok) writeFileSync(readyFile, String(process.pid));
    else if (failures >= 3) rmSync(readyFile, { force: true });
  }
}
