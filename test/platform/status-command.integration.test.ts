import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../tools/paths.mjs';

const run = promisify(execFile);

describe('npm run status', () => {
  it('prints every process of the running stack as JSON: name, kind, pid, ports, healthy', async () => {
    const { stdout } = await run('npx', ['tsx', 'tools/stack/cli.ts', 'status', '--json'], { cwd: repoRoot });
    const rows = JSON.parse(stdout) as {
      name: string;
      kind: string;
      pid: number;
      ports: Record<string, number>;
      healthy: boolean;
    }[];
    const names = rows.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'postgres',
        'redis',
        'dapr-placement',
        'dapr-scheduler',
        'temporal',
        'jaeger',
        'moto',
        'versitygw',
        'stripe-emulator',
        'skeleton-caller',
        'skeleton-caller-dapr',
      ]),
    );
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['infra', 'app', 'sidecar']));
    for (const row of rows) {
      expect(row.healthy, `${row.name} healthy`).toBe(true);
      expect(row.pid).toBeGreaterThan(0);
      expect(Object.values(row.ports).every((p) => Number.isInteger(p) && p > 1024)).toBe(true);
    }
  });

  it('prints the same as a table, one row per process', async () => {
    const { stdout } = await run('npx', ['tsx', 'tools/stack/cli.ts', 'status'], { cwd: repoRoot });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+KIND\s+PID\s+HEALTH\s+PORTS/);
    expect(lines.find((l) => l.startsWith('skeleton-callee-dapr'))).toMatch(
      /sidecar\s+\d+\s+healthy\s+http:\d+/,
    );
  });
});
