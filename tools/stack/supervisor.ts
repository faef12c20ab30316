import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logDir, runDir, stateFile } from './layout.js';
import { sleep, tcpOpen } from './probes.js';
import type { ProcessKind, ProcessSpec } from './spec.js';

/** A failure the user can act on: one line naming the culprit (`npm start` prints only this). */
export class StackError extends Error {}

export interface ProcessStatus {
  name: string;
  kind: ProcessKind;
  pid: number | null;
  ports: Record<string, number>;
  healthy: boolean;
}

interface Running {
  spec: ProcessSpec;
  child: ChildProcess;
  exited: boolean;
}

const logFile = (name: string) => join(logDir, `${name}.log`);

function lastLines(file: string, n = 3): string {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    return lines.slice(-n).join(' | ').slice(0, 400);
  } catch {
    return '';
  }
}

/**
 * Starts processes in order, waits for each to be ready, and stops them in reverse order. Each child runs in
 * its own process group so that stopping it also stops whatever it spawned (tsx → node, temporal → server).
 */
export class Supervisor {
  private readonly running = new Map<string, Running>();
  private readonly specs = new Map<string, ProcessSpec>();
  private aborted = false;

  constructor(
    specs: ProcessSpec[],
    private readonly log: (line: string) => void = console.log,
  ) {
    for (const spec of specs) {
      if (this.specs.has(spec.name)) throw new StackError(`two processes are named "${spec.name}"`);
      for (const dep of spec.dependsOn) {
        if (!this.specs.has(dep))
          throw new StackError(`${spec.name} depends on "${dep}", which is not started before it`);
      }
      this.specs.set(spec.name, spec);
    }
  }

  /** Checks everything that can be checked before starting anything: binaries present, ports free. */
  async preflight(): Promise<void> {
    const owners = new Map<number, string>();
    for (const spec of this.specs.values()) {
      if (spec.command.startsWith('/') && !existsSync(spec.command)) {
        throw new StackError(`${spec.name}: binary ${spec.command} is missing — run \`npm run bootstrap\``);
      }
      for (const [role, port] of Object.entries(spec.ports)) {
        const other = owners.get(port);
        if (other)
          throw new StackError(
            `port ${port} is configured twice (${other} and ${spec.name} ${role}): see tools/stack/ports.ts`,
          );
        owners.set(port, `${spec.name} ${role}`);
        if (await tcpOpen(port, 300)) {
          throw new StackError(
            `port ${port} (${spec.name} ${role}) is already in use: stop what listens there (\`npm run stop\` if it is an earlier stack) or override it, see tools/stack/ports.ts`,
          );
        }
      }
    }
  }

  async up(): Promise<void> {
    mkdirSync(logDir, { recursive: true });
    mkdirSync(runDir, { recursive: true });
    await this.preflight();
    try {
      for (const spec of this.specs.values()) await this.start(spec.name);
    } catch (err) {
      await this.down();
      throw err;
    }
  }

  /** Makes a start-up in progress give up before the next process (Ctrl-C while starting). */
  abort(): void {
    this.aborted = true;
  }

  async start(name: string): Promise<void> {
    const spec = this.spec(name);
    if (this.running.get(name)?.exited === false) return;
    if (this.aborted) throw new StackError('start-up interrupted');
    const started = Date.now();
    await hook(name, 'preparing', spec.prepare);
    const out = openSync(logFile(name), 'a');
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', out, out],
      detached: true,
      ...(spec.user ?? {}),
    });
    closeSync(out);
    const entry: Running = { spec, child, exited: false };
    this.running.set(name, entry);
    child.once('exit', () => {
      entry.exited = true;
      this.saveState();
    });
    child.once('error', () => (entry.exited = true));
    this.saveState();
    const deadline = started + spec.readyTimeoutMs;
    while (!(await spec.ready().catch(() => false))) {
      if (entry.exited) {
        throw new StackError(
          `${name} exited during start-up (exit ${child.exitCode ?? child.signalCode}): ${lastLines(logFile(name))} — log: ${logFile(name)}`,
        );
      }
      if (Date.now() > deadline) {
        throw new StackError(
          `${name} did not become ready within ${spec.readyTimeoutMs / 1000} s — log: ${logFile(name)}`,
        );
      }
      await sleep(150);
    }
    await hook(name, 'setting up', spec.afterReady);
    this.log(
      `  ✓ ${name.padEnd(24)} ready in ${((Date.now() - started) / 1000).toFixed(1)} s  ${Object.values(spec.ports).join(', ')}`,
    );
  }

  async stop(name: string, graceMs = 10_000): Promise<void> {
    const entry = this.running.get(name);
    if (!entry || entry.exited || entry.child.pid === undefined) return;
    const pid = entry.child.pid;
    const exited = new Promise<void>((resolve) => entry.child.once('exit', () => resolve()));
    signalGroup(pid, 'SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
    if (timedOut) {
      signalGroup(pid, 'SIGKILL');
      await exited;
    }
    // The group leader may exit before its children (tsx → node): make sure none are left.
    signalGroup(pid, 'SIGKILL');
  }

  async restart(names: string[]): Promise<void> {
    for (const name of [...names].reverse()) await this.stop(name);
    for (const name of names) await this.start(name);
  }

  /** Stops every process, in reverse start order. */
  async down(): Promise<void> {
    for (const name of [...this.running.keys()].reverse()) await this.stop(name);
    this.saveState();
  }

  async status(): Promise<ProcessStatus[]> {
    return Promise.all(
      [...this.specs.values()].map(async (spec) => {
        const entry = this.running.get(spec.name);
        const alive = entry !== undefined && !entry.exited;
        return {
          name: spec.name,
          kind: spec.kind,
          pid: alive ? (entry.child.pid ?? null) : null,
          ports: spec.ports,
          healthy: alive && (await spec.ready().catch(() => false)),
        };
      }),
    );
  }

  private spec(name: string): ProcessSpec {
    const spec = this.specs.get(name);
    if (!spec) throw new StackError(`no process named "${name}"`);
    return spec;
  }

  /** Pids on disk, so that a later `npm run stop` or start can clean up after a supervisor that was killed. */
  private saveState(): void {
    const pids = [...this.running.values()]
      .filter((r) => !r.exited && r.child.pid !== undefined)
      .map((r) => ({ name: r.spec.name, pid: r.child.pid }));
    writeFileSync(stateFile, JSON.stringify({ supervisor: process.pid, pids }, null, 2));
  }
}

/** Runs a prepare/after-ready hook, turning its failure into a one-line error naming the process. */
async function hook(name: string, what: string, fn: (() => Promise<void>) | undefined): Promise<void> {
  try {
    await fn?.();
  } catch (err) {
    throw new StackError(`${name}: ${what} failed: ${(err as Error).message.split('\n')[0]}`);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Kills processes left behind by a supervisor that did not shut down (recorded in the state file). */
export function killStale(): number {
  if (!existsSync(stateFile)) return 0;
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as {
    supervisor: number;
    pids: { pid: number }[];
  };
  let killed = 0;
  for (const { pid } of state.pids) {
    try {
      process.kill(-pid, 'SIGKILL');
      killed++;
    } catch {
      // not running
    }
  }
  writeFileSync(stateFile, JSON.stringify({ supervisor: null, pids: [] }));
  return killed;
}
