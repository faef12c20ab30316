import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createShutdown } from './shutdown.js';

const logger = pino({ level: 'silent' });

describe('createShutdown', () => {
  it('runs hooks in reverse registration order, then flushes telemetry, then exits 0', async () => {
    const calls: string[] = [];
    const exit = vi.fn((code: number) => calls.push(`exit ${code}`));
    const shutdown = createShutdown({ logger, exit, finalFlush: () => void calls.push('flush') });
    shutdown.onShutdown('db', () => void calls.push('db'));
    shutdown.onShutdown('server', async () => {
      await Promise.resolve();
      calls.push('server');
    });
    await shutdown.shutdown('SIGTERM');
    expect(calls).toEqual(['server', 'db', 'flush', 'exit 0']);
  });

  it('abandons a hook that exceeds its timeout and a hook that throws, and keeps going', async () => {
    const calls: string[] = [];
    const shutdown = createShutdown({
      logger,
      hookTimeoutMs: 20,
      exit: (code) => void calls.push(`exit ${code}`),
    });
    shutdown.onShutdown('first', () => void calls.push('first'));
    shutdown.onShutdown('throws', () => {
      throw new Error('boom');
    });
    shutdown.onShutdown('hangs', () => new Promise<void>(() => {}));
    const started = Date.now();
    await shutdown.shutdown('SIGINT');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(calls).toEqual(['first', 'exit 0']);
  });

  it('forces exit 1 on a second request while hooks are still running', async () => {
    const exit = vi.fn();
    const shutdown = createShutdown({ logger, hookTimeoutMs: 50, exit });
    shutdown.onShutdown('slow', () => new Promise<void>((resolve) => setTimeout(resolve, 30)));
    const first = shutdown.shutdown('SIGTERM');
    void shutdown.shutdown('SIGTERM');
    expect(exit).toHaveBeenCalledWith(1);
    await first;
    expect(exit).toHaveBeenLastCalledWith(0);
  });

  it('turns a signal into a shutdown', async () => {
    const exit = vi.fn();
    const shutdown = createShutdown({ logger, exit });
    const ran = new Promise<void>((resolve) => shutdown.onShutdown('hook', resolve));
    const remove = shutdown.installSignalHandlers(['SIGUSR2']);
    process.emit('SIGUSR2', 'SIGUSR2');
    await ran;
    remove();
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
  });
});
