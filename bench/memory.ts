import { execFileSync } from 'node:child_process';

/** Resident memory (MiB) of each process group: the supervised process and everything it spawned. */
export function rssByGroup(pids: { name: string; pid: number }[]): { name: string; mib: number }[] {
  const table = execFileSync('ps', ['-e', '-o', 'pgid=,rss=']).toString().trim().split('\n');
  const byGroup = new Map<number, number>();
  for (const line of table) {
    const [pgid, rss] = line.trim().split(/\s+/).map(Number) as [number, number];
    byGroup.set(pgid, (byGroup.get(pgid) ?? 0) + rss);
  }
  return pids.map(({ name, pid }) => ({ name, mib: Math.round((byGroup.get(pid) ?? 0) / 1024) }));
}
