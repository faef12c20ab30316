import type { ProcessStatus } from './supervisor.js';

/** One word a person can act on; restarts and the last unexpected exit are appended when there were any. */
function health(r: ProcessStatus): string {
  const word =
    r.state === 'dead'
      ? 'DEAD'
      : r.state === 'restarting'
        ? 'RESTARTING'
        : r.state === 'stopped'
          ? 'stopped'
          : r.healthy
            ? 'healthy'
            : r.state === 'starting'
              ? 'starting'
              : 'UNHEALTHY';
  const restarts = r.restarts > 0 ? ` (${r.restarts} restart${r.restarts === 1 ? '' : 's'})` : '';
  const exit = r.lastExit && !r.healthy ? ` last: ${r.lastExit}` : '';
  return `${word}${restarts}${exit}`;
}

/** `npm run status` as a table: one row per process. */
export function printStatusTable(rows: ProcessStatus[]): void {
  const table = rows.map((r) => ({
    name: r.name,
    kind: r.kind,
    pid: r.pid === null ? '-' : String(r.pid),
    ports: Object.entries(r.ports)
      .map(([role, port]) => `${role}:${port}`)
      .join(' '),
    health: health(r),
  }));
  const cols = ['name', 'kind', 'pid', 'health', 'ports'] as const;
  const width = (c: (typeof cols)[number]) => Math.max(c.length, ...table.map((row) => row[c].length));
  const line = (row: Record<(typeof cols)[number], string>) =>
    cols.map((c) => row[c].padEnd(width(c))).join('  ');
  console.log(line({ name: 'NAME', kind: 'KIND', pid: 'PID', health: 'HEALTH', ports: 'PORTS' }));
  for (const row of table) console.log(line(row));
}
