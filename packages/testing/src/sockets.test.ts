import { describe, expect, it } from 'vitest';
import { decodeAddress, isLoopback, parseProcNet } from './sockets.js';

// Lines as the kernel writes them (header + rows; columns after the inode trimmed).
const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:4852 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 41001 1
   1: 00000000:4853 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 41002 1
   2: 0100007F:4852 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000  1000        0 41003 1`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:4854 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 42001 1
   1: 00000000000000000000000000000000:4855 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 42002 1
   2: 0000000000000000FFFF00000100007F:4856 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 42003 1`;
const UDP = `   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
  10: 00000000:1A0B 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 43001 2 0 0
  11: 0100007F:C350 0100007F:0035 01 00000000:00000000 00:00000000 00000000  1000        0 43002 2 0 0`;

describe('/proc/net parsing', () => {
  it('keeps listening TCP sockets with their addresses and ports', () => {
    expect(parseProcNet('tcp', TCP)).toEqual([
      { protocol: 'tcp', address: '127.0.0.1', port: 18514, inode: '41001' },
      { protocol: 'tcp', address: '0.0.0.0', port: 18515, inode: '41002' },
    ]);
    expect(parseProcNet('tcp6', TCP6).map((r) => `${r.address}:${r.port}`)).toEqual([
      '::1:18516',
      ':::18517',
      '::ffff:127.0.0.1:18518',
    ]);
  });

  it('keeps unconnected UDP sockets only', () => {
    expect(parseProcNet('udp', UDP)).toEqual([
      { protocol: 'udp', address: '0.0.0.0', port: 6667, inode: '43001' },
    ]);
  });

  it('tells loopback from every other address', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.5', '::ffff:10.0.0.5'].some(isLoopback)).toBe(false);
    expect(decodeAddress('0500000A')).toBe('10.0.0.5');
  });
});
