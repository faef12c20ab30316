import { spawn, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { logDir, runDir, stateFile } from './layout.js';
import { sleep, tcpOpen } from './probes.js';
import { decideRestart, defaultRestartPolicy, describeExit, type RestartPolicy } from './restart-policy.js';
import type { ProcessKind, ProcessSpec } from './spec.js';
import { startAll, startParallel } from './start-order.js';

/** A failure the user can act on: one line naming the culprit (`npm start` prints only this). */
export class StackError extends Error {}

/**
 * What a process is doing: `starting` (not ready yet), `running`, `restarting` (exited on its own, the
 * supervisor starts it again after a delay), `dead` (exited and not restarted), `stopped` (on purpose).
 */
export type ProcessState = 'starting' | 'running' | 'restarting' | 'dead' | 'stopped';

export interface ProcessStatus {
  name: string;
  kind: ProcessKind;
  pid: number | null;
  ports: Record<string, number>;
  healthy: boolean;
  state: ProcessState;
  /** Restarts after the process exited on its own, since the stack started. */
  restarts: number;
  /** How it last exited on its own ("exit 2", "signal SIGKILL") and when, if it did. */
  lastExit: string | null;
}

interface Entry {
  spec: ProcessSpec;
  child: ChildProcess | null;
  state: ProcessState;
  /** Set by stop(): the exit that follows is expected. */
  stopping: boolean;
  restarts: number;
  exitTimes: number[];
  lastExit: string | null;
  restartTimer: NodeJS.Timeout | null;
}

export interface SupervisorOptions {
  restartPolicy?: RestartPolicy;
  /** How long an infra server must stay up after its first ready answer (servers that die right after start). */
  settleMs?: number;
  /** How many processes may start at once (default: SHOPSTREAM_START_PARALLEL, else 3; start-order.ts). */
  parallel?: number;
}

const logFile = (name: string) => join(logDir, `${name}.log`);

export function lastLines(file: string, n = 3): string {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    return lines.slice(-n).join(' | ').slice(0, 600);
  } catch {
    return '';
  }
}

const alive = (e: Entry | undefined): e is Entry & { child: ChildProcess } =>
  e?.child !== null && e?.child !== undefined && e.child.exitCode === null && e.child.signalCode === null;

/**
 * Starts processes as their dependencies become ready (start-order.ts: infrastructure first, then a few apps
 * and sidecars at a time), waits for each to be ready, and stops them in reverse order. Each child runs in
 * its own process group so that stopping it also stops whatever it spawned (tsx → node, temporal → server).
 * Every exit is noticed when it happens: during start-up it fails the start-up at once, naming the process
 * that died (not the next one that times out); once the stack is up, the process is restarted with a
 * bounded backoff (restart-policy.ts) and every step is logged, to the console and `<data>/logs/supervisor.log`.
 */
export class Supervisor {
  private readonly entries = new Map<string, Entry>();
  private aborted = false;
  private phase: 'idle' | 'starting' | 'up' | 'stopping' = 'idle';
  /** The first process that died while the stack was starting; start-up stops with its error. */
  private startupFailure: StackError | null = null;
  private readonly policy: RestartPolicy;
  private readonly settleMs: number;
  private readonly parallel: number;

  constructor(
    specs: ProcessSpec[],
    private readonly log: (line: string) => void = console.log,
    options: SupervisorOptions = {},
  ) {
    this.policy = options.restartPolicy ?? defaultRestartPolicy;
    this.settleMs = options.settleMs ?? 500;
    this.parallel = options.parallel ?? startParallel();
    for (const spec of specs) {
      if (this.entries.has(spec.name)) throw new StackError(`two processes are named "${spec.name}"`);
      for (const dep of [...spec.dependsOn, ...(spec.alongside === undefined ? [] : [spec.alongside])]) {
        if (!this.entries.has(dep))
          throw new StackError(`${spec.name} depends on "${dep}", which is not started before it`);
      }
      this.entries.set(spec.name, {
        spec,
        child: null,
        state: 'stopped',
        stopping: false,
        restarts: 0,
        exitTimes: [],
        lastExit: null,
        restartTimer: null,
      });
    }
  }

  /** Checks everything that can be checked before starting anything: binaries present, ports free. */
  async preflight(): Promise<void> {
    const owners = new Map<number, string>();
    for (const { spec } of this.entries.values()) {
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
    this.phase = 'starting';
    this.startupFailure = null;
    try {
      const steps = [...this.entries.values()].map(({ spec }) => ({
        name: spec.name,
        dependsOn: spec.dependsOn,
        infra: spec.kind === 'infra',
        ...(spec.alongside === undefined ? {} : { alongside: spec.alongside }),
      }));
      await startAll(
        steps,
        (name) => this.start(name),
        this.parallel,
        (error) =>
          (this.startupFailure ??= error instanceof StackError ? error : new StackError(String(error))),
      );
      // Aborted while the last processes were starting: nothing was left to refuse, the start-up still fails.
      if (this.aborted) throw new StackError('start-up interrupted');
      this.throwIfStartupFailed();
      this.phase = 'up';
    } catch (err) {
      await this.down();
      throw err;
    }
  }

  /** Makes a start-up in progress give up before its next process (Ctrl-C while starting). */
  abort(): void {
    this.aborted = true;
  }

  async start(name: string): Promise<void> {
    const entry = this.entry(name);
    if (alive(entry) && !entry.stopping) return;
    if (this.aborted) throw new StackError('start-up interrupted');
    this.throwIfStartupFailed();
    if (entry.restartTimer) clearTimeout(entry.restartTimer);
    entry.restartTimer = null;
    const { spec } = entry;
    const started = Date.now();
    entry.state = 'starting';
    entry.stopping = false;
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
    entry.child = child;
    child.once('exit', (code, signal) => this.onExit(entry, child, started, code, signal));
    child.once('error', (err) => this.note(`✗ ${name} could not be started: ${err.message}`));
    this.saveState();
    const deadline = started + spec.readyTimeoutMs;
    const exitedError = () =>
      new StackError(
        `${name} exited during start-up (${describeExit(child.exitCode, child.signalCode)}): ${lastLines(logFile(name))} — log: ${logFile(name)}`,
      );
    while (!(await spec.ready().catch(() => false))) {
      if (!alive(entry) || entry.child !== child) throw exitedError();
      this.throwIfStartupFailed();
      if (Date.now() > deadline) {
        throw new StackError(
          `${name} did not become ready within ${spec.readyTimeoutMs / 1000} s — log: ${logFile(name)}`,
        );
      }
      await sleep(150);
    }
    // Some servers answer once and then die on their own data (the scheduler's etcd did, issue 12): an infra
    // server counts as ready only when it still runs and answers a moment later.
    if (spec.kind === 'infra' && this.settleMs > 0) {
      await sleep(this.settleMs);
      if (!alive(entry) || entry.child !== child) throw exitedError();
      if (!(await spec.ready().catch(() => false)))
        throw new StackError(
          `${name} answered its ready check once, then stopped answering — log: ${logFile(name)}`,
        );
    }
    await hook(name, 'setting up', spec.afterReady);
    if (!alive(entry) || entry.child !== child) throw exitedError();
    entry.state = 'running';
    this.log(
      `  ✓ ${name.padEnd(24)} ready in ${((Date.now() - started) / 1000).toFixed(1)} s  ${Object.values(spec.ports).join(', ')}`,
    );
  }

  async stop(name: string, graceMs = 10_000): Promise<void> {
    const entry = this.entry(name);
    if (entry.restartTimer) clearTimeout(entry.restartTimer);
    entry.restartTimer = null;
    if (!alive(entry) || entry.child.pid === undefined) {
      entry.state = 'stopped';
      return;
    }
    entry.stopping = true;
    const { child } = entry;
    const pid = child.pid as number;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(pid, entry.spec.stopSignal ?? 'SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
    if (timedOut) {
      signalGroup(pid, 'SIGKILL');
      await exited;
    }
    // The group leader may exit before its children (tsx → node): make sure none are left.
    signalGroup(pid, 'SIGKILL');
    entry.state = 'stopped';
  }

  async restart(names: string[]): Promise<void> {
    for (const name of [...names].reverse()) await this.stop(name);
    for (const name of names) await this.start(name);
  }

  /** Stops every process, in reverse start order. */
  async down(): Promise<void> {
    this.phase = 'stopping';
    for (const name of [...this.entries.keys()].reverse()) await this.stop(name);
    this.saveState();
    this.phase = 'idle';
  }

  async status(): Promise<ProcessStatus[]> {
    return Promise.all(
      [...this.entries.values()].map(async (entry) => {
        const running = alive(entry);
        return {
          name: entry.spec.name,
          kind: entry.spec.kind,
          pid: running ? (entry.child.pid ?? null) : null,
          ports: entry.spec.ports,
          healthy: running && !entry.stopping && (await entry.spec.ready().catch(() => false)),
          state: entry.state,
          restarts: entry.restarts,
          lastExit: entry.lastExit,
        };
      }),
    );
  }

  /** Every exit passes here. Expected ones (stop()) end quietly; any other is reported at once. */
  private onExit(
    entry: Entry,
    child: ChildProcess,
    started: number,
    code: number | null,
    signal: NodeJS.Signals | null,
  ): void {
    this.saveState();
    if (entry.child !== child || entry.stopping || this.phase === 'stopping') return;
    const name = entry.spec.name;
    const how = describeExit(code, signal);
    const uptime = ((Date.now() - started) / 1000).toFixed(1);
    entry.lastExit = `${how} at ${new Date().toISOString()}`;
    const message = `${name} exited (${how}) after ${uptime} s: ${lastLines(logFile(name), 5)} — log: ${logFile(name)}`;
    if (this.phase === 'starting') {
      // The start loop of whichever process is starting now sees this and stops the start-up with it.
      entry.state = 'dead';
      this.startupFailure ??= new StackError(message);
      return;
    }
    if (this.phase !== 'up') {
      entry.state = 'dead';
      return;
    }
    this.note(`✗ ${message}`);
    this.scheduleRestart(entry);
  }

  private scheduleRestart(entry: Entry): void {
    const name = entry.spec.name;
    const now = Date.now();
    const decision = decideRestart(this.policy, entry.exitTimes, now);
    entry.exitTimes = [...entry.exitTimes, now].slice(-this.policy.maxRestarts - 1);
    if (!decision.restart) {
      entry.state = 'dead';
      this.note(`✗ ${name} ${decision.reason}: not restarting it again (npm run status shows it dead)`);
      return;
    }
    entry.state = 'restarting';
    this.note(
      `↻ restarting ${name} in ${(decision.delayMs / 1000).toFixed(0)} s (attempt ${decision.attempt} of ${this.policy.maxRestarts})`,
    );
    entry.restartTimer = setTimeout(() => {
      entry.restartTimer = null;
      if (this.phase !== 'up' || entry.state !== 'restarting') return;
      entry.restarts++;
      this.start(name).then(
        () => this.note(`✓ ${name} is back after its restart`),
        (err: Error) => {
          this.note(`✗ ${name} restart failed: ${err.message}`);
          if (this.phase === 'up' && !alive(entry)) this.scheduleRestart(entry);
        },
      );
    }, decision.delayMs);
    entry.restartTimer.unref();
  }

  private throwIfStartupFailed(): void {
    if (this.startupFailure) throw this.startupFailure;
  }

  /** A line for the console and for <data>/logs/supervisor.log (the stack's own log). */
  private note(line: string): void {
    this.log(line);
    try {
      appendFileSync(join(logDir, 'supervisor.log'), `${new Date().toISOString()} ${line}\n`);
    } catch {
      // the log folder is gone (reset while running): the console line is enough
    }
  }

  private entry(name: string): Entry {
    const entry = this.entries.get(name);
    if (!entry) throw new StackError(`no process named "${name}"`);
    return entry;
  }

  /** Pids on disk, so that a later `npm run stop` or start can clean up after a supervisor that was killed. */
  private saveState(): void {
    const pids = [...this.entries.values()]
      .filter(alive)
      .filter((e) => e.child.pid !== undefined)
      .map((e) => ({ name: e.spec.name, pid: e.child.pid }));
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

/** True while any process of the group `pgid` exists (a zombie counts: Postgres' lock check sees it too). */
function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Kills processes left behind by a supervisor that did not shut down (recorded in the state file), and waits
 * until they are gone: right after a crash they may still be exiting, and a server started over them finds
 * its data folder locked (Postgres: `lock file "postmaster.pid" already exists`).
 */
export async function killStale(timeoutMs = 15_000): Promise<number> {
  if (!existsSync(stateFile)) return 0;
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as {
    supervisor: number;
    pids: { name?: string; pid: number }[];
  };
  const stale = state.pids.filter(({ pid }) => groupExists(pid));
  for (const { pid } of stale) signalGroup(pid, 'SIGKILL');
  const deadline = Date.now() + timeoutMs;
  let left = stale;
  while ((left = left.filter(({ pid }) => groupExists(pid))).length > 0) {
    if (Date.now() > deadline)
      throw new StackError(
        `processes left over from an earlier run did not exit after SIGKILL: ${left.map((p) => `${p.name ?? '?'} (${p.pid})`).join(', ')}`,
      );
    await sleep(100);
  }
  writeFileSync(stateFile, JSON.stringify({ supervisor: null, pids: [] }));
  return stale.length;
}
