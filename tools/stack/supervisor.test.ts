import { createServer, type Server } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// Keep this test's files out of the real data folder.
process.env.SHOPSTREAM_DATA = mkdtempSync(join(tmpdir(), 'shopstream-supervisor-test-'));
const { StackError, Supervisor } = await import('./supervisor.js');
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

  it('rejects a dependency on a process that is not started before it', () => {
    expect(() => new Supervisor([{ ...nodeProcess('x', 1), dependsOn: ['y'] }], quiet)).toThrow(StackError);
  });
});
