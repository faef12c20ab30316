import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** A listening TCP socket or a bound, unconnected UDP socket, and the process holding it. */
export interface Listener {
  readonly protocol: 'tcp' | 'tcp6' | 'udp' | 'udp6';
  readonly address: string;
  readonly port: number;
  readonly pid: number;
  readonly command: string;
}

/** `0100007F` → `127.0.0.1`; 32 hex digits → an IPv6 address (each 4-byte word little-endian). */
export function decodeAddress(hex: string): string {
  if (hex.length === 8) return [6, 4, 2, 0].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join('.');
  const bytes: number[] = [];
  for (let word = 0; word < 4; word++) {
    const w = hex.slice(word * 8, word * 8 + 8);
    for (const i of [6, 4, 2, 0]) bytes.push(Number.parseInt(w.slice(i, i + 2), 16));
  }
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i]! << 8) | bytes[2 * i + 1]!).toString(16));
  if (groups.slice(0, 5).every((g) => g === '0') && groups[5] === 'ffff')
    return `::ffff:${bytes.slice(12).join('.')}`;
  if (groups.every((g) => g === '0')) return '::';
  if (groups.slice(0, 7).every((g) => g === '0') && groups[7] === '1') return '::1';
  return groups.join(':');
}

/** Whether an address is the loopback interface (127.0.0.0/8, ::1, ::ffff:127.x.y.z). */
export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
}

interface SocketRow {
  readonly protocol: Listener['protocol'];
  readonly address: string;
  readonly port: number;
  readonly inode: string;
}

/** Rows of /proc/net/{tcp,tcp6,udp,udp6} that listen: TCP state 0A, UDP with no remote peer. */
export function parseProcNet(protocol: Listener['protocol'], text: string): SocketRow[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length > 9)
    .filter(([, , remote, state]) =>
      protocol.startsWith('tcp') ? state === '0A' : /^0+:0000$/.test(remote ?? ''),
    )
    .map(([, local, , , , , , , , inode]) => {
      const [hex, port] = (local ?? ':').split(':');
      return {
        protocol,
        address: decodeAddress(hex ?? ''),
        port: Number.parseInt(port ?? '0', 16),
        inode: inode ?? '',
      };
    });
}

/** Every process whose process group is one of `groups` (the supervisor starts each in its own). */
function membersOf(groups: ReadonlySet<number>): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return groups.has(Number(fields[2])) ? [Number(name)] : [];
      } catch {
        return []; // exited meanwhile
      }
    });
}

function socketInodes(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const match = /^socket:\[(\d+)\]$/.exec(target);
        return match ? [match[1]!] : [];
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

/**
 * The listeners of the processes in `groups` (each process group the supervisor started: servers, apps,
 * sidecars, with their children) and of the single processes `pids` (the supervisor itself).
 */
export function listenersOf(groups: readonly number[], pids: readonly number[] = []): Listener[] {
  const owners = new Map<string, number>();
  for (const pid of [...membersOf(new Set(groups)), ...pids])
    for (const inode of socketInodes(pid)) owners.set(inode, pid);
  const rows = (['tcp', 'tcp6', 'udp', 'udp6'] as const).flatMap((protocol) =>
    parseProcNet(protocol, readFileSync(`/proc/net/${protocol}`, 'utf8')),
  );
  return rows.flatMap((row) => {
    const pid = owners.get(row.inode);
    if (pid === undefined) return [];
    let command = '?';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, 3).join(' ');
    } catch {
      // exited meanwhile
    }
    return [{ protocol: row.protocol, address: row.address, port: row.port, pid, command }];
  });
}
