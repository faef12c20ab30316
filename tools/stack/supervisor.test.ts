import { createServer, type Server } from 'node:net';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// Keep this test's files out of the real data folder.
process.env.SHOPSTREAM_DATA = mkdtempSync(join(tmpdir(), 'shopstream-supervisor-test-'));
const { StackError, Supervisor, killStale } = await import('./supervisor.js');
const { stateFile } = await import('./layout.js');
const { tcpOpen } = await import('./probes.js');
import type { ProcessSpec } from './spec.js';

const quiet = () => undefined;
const listeners: Server[] = [];
afterEach(() => listeners.splice(0).forEach((s) => s.close()));

function listen(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      listeners.push(server);
      resolve((server.address() as { port: number }).port);
    });
  });
}

/** A real child process: a Node one-liner that listens on `port` (or never does). */
function nodeProcess(
  name: string,
  port: number,
  { listens = true, readyTimeoutMs = 5000 } = {},
): ProcessSpec {
  const script = listens
    ? `require('net').createServer().listen(${port}, '127.0.0.1'); setInterval(() => {}, 1000);`
    : 'setInterval(() => {}, 1000);';
  return {
    name,
    kind: 'infra',
    command: process.execPath,
    args: ['-e', script],
    ports: { main: port },
    ready: () => tcpOpen(port),
    readyTimeoutMs,
    dependsOn: [],
  };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function freePort(): Promise<number> {
  const port = await listen();
  listeners.pop()?.close();
  await new Promise((r) => setTimeout(r, 50));
  return port;
}

describe('Supervisor', () => {
  it('starts processes in order, reports them healthy, and stops them all', async () => {
    const [a, b] = [await freePort(), await freePort()];
    const sup = new Supervisor([nodeProcess('a', a), { ...nodeProcess('b', b), dependsOn: ['a'] }], quiet);
    await sup.up();
    const status = await sup.status();
    expect(status.map((s) => [s.name, s.healthy])).toEqual([
      ['a', true],
      ['b', true],
    ]);
    expect(status.every((s) => typeof s.pid === 'number')).toBe(true);
    await sup.down();
    expect(await tcpOpen(a)).toBe(false);
    expect(await tcpOpen(b)).toBe(false);
    expect((await sup.status()).every((s) => s.pid === null && !s.healthy)).toBe(true);
  });

  it('refuses to start when a port is already in use, naming the port and the process', async () => {
    const busy = await listen();
    const sup = new Supervisor([nodeProcess('redis-like', busy)], quiet);
    await expect(sup.up()).rejects.toThrow(
      new RegExp(`port ${busy} \\(redis-like main\\) is already in use`),
    );
  });

  it('names a missing binary and tells how to get it', async () => {
    const spec = { ...nodeProcess('ghost', await freePort()), command: '/nonexistent/bin/ghost' };
    await expect(new Supervisor([spec], quiet).up()).rejects.toThrow(
      /ghost: binary \/nonexistent\/bin\/ghost is missing/,
    );
  });

  it('gives up on a server that never becomes ready, and leaves nothing running', async () => {
    const [ok, never] = [await freePort(), await freePort()];
    const sup = new Supervisor(
      [nodeProcess('fine', ok), nodeProcess('stuck', never, { listens: false, readyTimeoutMs: 1500 })],
      quiet,
    );
    const err = await sup.up().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StackError);
    expect((err as Error).message).toMatch(/stuck did not become ready within 1.5 s/);
    expect(await tcpOpen(ok)).toBe(false);
    expect((await sup.status()).every((s) => s.pid === null)).toBe(true);
  });

  it('reports a process that exits during start-up with the end of its log', async () => {
    const port = await freePort();
    const spec = {
      ...nodeProcess('crashy', port),
      args: ['-e', 'console.error("bad config: nope"); process.exit(3)'],
    };
    await expect(new Supervisor([spec], quiet).up()).rejects.toThrow(
      /crashy exited during start-up \(exit 3\): bad config: nope/,
    );
  });

  it('stops starting when aborted (Ctrl-C during start-up) and leaves nothing running', async () => {
    const [a, b] = [await freePort(), await freePort()];
    const holder: { sup?: InstanceType<typeof Supervisor> } = {};
    const first = { ...nodeProcess('first', a), afterReady: () => Promise.resolve(holder.sup?.abort()) };
    const sup = (holder.sup = new Supervisor([first, nodeProcess('second', b)], quiet));
    await expect(sup.up()).rejects.toThrow(/start-up interrupted/);
    expect(await tcpOpen(a)).toBe(false);
    expect(await tcpOpen(b)).toBe(false);
  });

  it('names the process whose preparation failed', async () => {
    const spec = {
      ...nodeProcess('pg', await freePort()),
      prepare: () => Promise.reject(new Error('initdb: bad locale')),
    };
    await expect(new Supervisor([spec], quiet).up()).rejects.toThrow(
      /^pg: preparing failed: initdb: bad locale$/,
    );
  });

  it('fails the start-up at once when an earlier process dies while a later one starts, naming the dead one', async () => {
    const [a, b] = [await freePort(), await freePort()];
    // `dies` is ready at once, then exits after 1.2 s; `slow` would take 20 s to be ready.
    const dies = {
      ...nodeProcess('dies', a),
      args: [
        '-e',
        `require('net').createServer().listen(${a}, '127.0.0.1'); setTimeout(() => { console.error('panic: nil pointer'); process.exit(2); }, 1200);`,
      ],
    };
    const slow = nodeProcess('slow', b, { listens: false, readyTimeoutMs: 20_000 });
    const started = Date.now();
    const err = await new Supervisor([dies, slow], quiet, { settleMs: 0 }).up().catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/dies exited \(exit 2\) after [\d.]+ s: panic: nil pointer/);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('counts an infra server ready only if it still runs a moment after its first answer', async () => {
    const port = await freePort();
    const flaky = {
      ...nodeProcess('flaky', port),
      args: [
        '-e',
        `require('net').createServer().listen(${port}, '127.0.0.1'); setTimeout(() => process.exit(1), 300);`,
      ],
    };
    await expect(new Supervisor([flaky], quiet, { settleMs: 800 }).up()).rejects.toThrow(
      /flaky exited during start-up \(exit 1\)/,
    );
  });

  it('restarts a process that exits while the stack runs, says so, and shows it in status', async () => {
    const port = await freePort();
    const lines: string[] = [];
    const sup = new Supervisor([nodeProcess('worker', port)], (l) => lines.push(l), {
      settleMs: 0,
      restartPolicy: { initialDelayMs: 100, maxDelayMs: 200, maxRestarts: 3, windowMs: 60_000 },
    });
    await sup.up();
    const [before] = await sup.status();
    process.kill(before?.pid as number, 'SIGKILL');
    await waitUntil(
      async () => (await sup.status())[0]?.restarts === 1 && (await sup.status())[0]?.state === 'running',
    );
    const [after] = await sup.status();
    expect(after).toMatchObject({ state: 'running', restarts: 1, healthy: true });
    expect(after?.pid).not.toBe(before?.pid);
    expect(after?.lastExit).toMatch(/^signal SIGKILL at /);
    expect(lines.join('\n')).toMatch(
      /✗ worker exited \(signal SIGKILL\)[^]*↻ restarting worker in 0 s \(attempt 1 of 3\)[^]*✓ worker is back/,
    );
    await sup.down();
  });

  it('gives up on a process that keeps exiting and reports it dead', async () => {
    const port = await freePort();
    let runs = 0;
    const spec = {
      ...nodeProcess('crashloop', port),
      // ready at once, then exits: every restart fails the same way
      args: [
        '-e',
        `require('net').createServer().listen(${port}, '127.0.0.1'); setTimeout(() => process.exit(7), 150);`,
      ],
      ready: () => tcpOpen(port).then((open) => (open ? (runs++, true) : false)),
    };
    const sup = new Supervisor([spec], quiet, {
      settleMs: 0,
      restartPolicy: { initialDelayMs: 50, maxDelayMs: 100, maxRestarts: 2, windowMs: 60_000 },
    });
    await sup.up();
    await waitUntil(async () => (await sup.status())[0]?.state === 'dead');
    const [row] = await sup.status();
    expect(row).toMatchObject({ state: 'dead', restarts: 2, healthy: false, pid: null });
    expect(row?.lastExit).toMatch(/^exit 7 at /);
    expect(runs).toBeGreaterThanOrEqual(3);
    await sup.down();
  });

  it('does not restart a process stopped on purpose', async () => {
    const port = await freePort();
    const sup = new Supervisor([nodeProcess('calm', port)], quiet, {
      settleMs: 0,
      restartPolicy: { initialDelayMs: 50, maxDelayMs: 50, maxRestarts: 3, windowMs: 60_000 },
    });
    await sup.up();
    await sup.stop('calm');
    await new Promise((r) => setTimeout(r, 400));
    expect((await sup.status())[0]).toMatchObject({ state: 'stopped', restarts: 0, pid: null });
    await sup.start('calm');
    expect((await sup.status())[0]).toMatchObject({ state: 'running', healthy: true });
    await sup.down();
  });

  it('after a crash, kills what the dead supervisor left running and waits until it is gone', async () => {
    // A process group like the supervisor's children: a shell whose child ignores SIGTERM.
    const orphan = spawn('sh', ['-c', 'trap "" TERM; sleep 60 & wait'], { detached: true, stdio: 'ignore' });
    const pid = orphan.pid as number;
    mkdirSync(dirname(stateFile), { recursive: true });
    writeFileSync(stateFile, JSON.stringify({ supervisor: 999_999, pids: [{ name: 'orphan', pid }] }));
    expect(await killStale()).toBe(1);
    expect(() => process.kill(-pid, 0)).toThrow(); // the whole group is gone when killStale returns
    expect(await killStale()).toBe(0);
  });

  it('rejects a dependency on a process that is not started before it', () => {
    expect(() => new Supervisor([{ ...nodeProcess('x', 1), dependsOn: ['y'] }], quiet)).toThrow(StackError);
  });
});
