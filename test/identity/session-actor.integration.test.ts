import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type {
  ListSessionsResult,
  OpenSessionResult,
  RevokeAllSessionsResult,
  RevokeSessionResult,
  SessionActivity,
  TouchSessionResult,
} from '@shopstream/actor-session';
import { stackControl } from '../../tools/stack/control.js';
import { eventually, sidecar } from '@shopstream/testing/stack';

const HOST = 'identity-sessions';

async function call<T>(actorId: string, method: string, body?: unknown): Promise<T> {
  const res = await sidecar(
    HOST,
    `/v1.0/actors/SessionActor/${encodeURIComponent(actorId)}/method/${method}`,
    {
      method: 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
  );
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${method} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

const newUser = () => `tenant-a:${randomUUID()}`;
const open = (actorId: string, sessionId: string, idleTimeoutMs = 600_000) =>
  call<OpenSessionResult>(actorId, 'open', {
    sessionId,
    device: `Device ${sessionId}`,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
    ipHash: 'q2VvZmFrZWhhc2g',
    idleTimeoutMs,
  });
const ids = (list: ListSessionsResult) => list.sessions.map((s) => s.sessionId).sort();

describe('SessionActor through the identity-sessions sidecar', () => {
  it('lists open sessions (without user agent or IP hash), revokes one, then all', async () => {
    const user = newUser();
    await open(user, 'phone');
    await open(user, 'laptop');
    const listed = await call<ListSessionsResult>(user, 'list');
    expect(ids(listed)).toEqual(['laptop', 'phone']);
    expect(Object.keys(listed.sessions[0] ?? {}).sort()).toEqual([
      'createdAt',
      'device',
      'expiresAt',
      'lastSeenAt',
      'sessionId',
    ]);
    expect(listed.sessions.map((s) => s.device).sort()).toEqual(['Device laptop', 'Device phone']);
    expect(JSON.stringify(listed)).not.toMatch(/Mozilla|q2VvZmFrZWhhc2g/);

    expect(await call<TouchSessionResult>(user, 'touch', { sessionId: 'phone' })).toMatchObject({
      active: true,
    });
    expect(
      await call<RevokeSessionResult>(user, 'revoke', { sessionId: 'phone', reason: 'sign-out' }),
    ).toEqual({
      sessionId: 'phone',
      revoked: true,
    });
    expect(ids(await call<ListSessionsResult>(user, 'list'))).toEqual(['laptop']);
    expect(await call<SessionActivity>(user, 'isActive', { sessionId: 'phone' })).toMatchObject({
      active: false,
      endReason: 'sign-out',
    });
    expect(await call<TouchSessionResult>(user, 'touch', { sessionId: 'phone' })).toMatchObject({
      active: false,
    });
    await expect(open(user, 'phone')).rejects.toThrow(/Session.Ended/);
    expect(await call<SessionActivity>(user, 'isActive', { sessionId: 'laptop' })).toMatchObject({
      active: true,
    });

    await open(user, 'tablet');
    const all = await call<RevokeAllSessionsResult>(user, 'revokeAll', { reason: 'sign-out-everywhere' });
    expect(all.revokedSessionIds.sort()).toEqual(['laptop', 'tablet']);
    expect((await call<ListSessionsResult>(user, 'list')).sessions).toEqual([]);
    expect(await call<SessionActivity>(user, 'isActive', { sessionId: 'laptop' })).toMatchObject({
      active: false,
      endReason: 'sign-out-everywhere',
    });
  });

  it('signs out everywhere except the current session', async () => {
    const user = newUser();
    await Promise.all(['a', 'b', 'c'].map((id) => open(user, id)));
    const result = await call<RevokeAllSessionsResult>(user, 'revokeAll', {
      reason: 'password-changed',
      exceptSessionId: 'b',
    });
    expect(result.revokedSessionIds.sort()).toEqual(['a', 'c']);
    expect(ids(await call<ListSessionsResult>(user, 'list'))).toEqual(['b']);
  });

  it('expires an idle session by reminder, also after a restart of its app and sidecar', async () => {
    const user = newUser();
    const idle = await open(user, 'idle', 3000);
    const kept = await open(user, 'kept', 600_000);
    expect((await call<ListSessionsResult>(user, 'list')).idleSweepAt).toBe(idle.expiresAt);
    await stackControl.restart([HOST, `${HOST}-dapr`]);
    // Only the reminder re-arms itself for the next expiry (reads never write), so this proves it fired
    // after the restart and swept, rather than a read merely hiding an expired session.
    const after = await eventually(
      () => call<ListSessionsResult>(user, 'list'),
      (list) => list.idleSweepAt === kept.expiresAt,
      30_000,
      'idle-sweep reminder to fire after restart and re-arm for the kept session',
    );
    expect(ids(after)).toEqual(['kept']);
    expect(await call<SessionActivity>(user, 'isActive', { sessionId: 'idle' })).toMatchObject({
      active: false,
      endReason: 'idle-timeout',
    });
    await call(user, 'revoke', { sessionId: 'kept', reason: 'sign-out' });
    expect((await call<ListSessionsResult>(user, 'list')).idleSweepAt).toBeNull(); // unregistered: none left
  });

  it('rejects bad input without changing state', async () => {
    const user = newUser();
    await open(user, 'ok');
    const before = await call<ListSessionsResult>(user, 'list');

    await expect(call('tenant-a', 'list')).rejects.toThrow(/Session.InvalidActorId/);
    await expect(
      call('Tenant A:user', 'open', { sessionId: 's', device: 'd', idleTimeoutMs: 3000 }),
    ).rejects.toThrow(/Session.InvalidActorId/);
    await expect(call(user, 'open', { device: 'd', idleTimeoutMs: 3000 })).rejects.toThrow(
      /Session.InvalidOpen/,
    );
    await expect(call(user, 'open', { sessionId: 'neg', device: 'd', idleTimeoutMs: -5 })).rejects.toThrow(
      /Session.InvalidOpen/,
    );
    await expect(call(user, 'touch', {})).rejects.toThrow(/Session.InvalidTouch/);
    await expect(call(user, 'revoke', { sessionId: 'ok', reason: 'whatever' })).rejects.toThrow(
      /Session.InvalidRevoke/,
    );
    await expect(call(user, 'revokeAll', {})).rejects.toThrow(/Session.InvalidRevokeAll/);

    expect(await call<ListSessionsResult>(user, 'list')).toEqual(before);
    expect(await call<SessionActivity>(user, 'isActive', { sessionId: 'neg' })).toMatchObject({
      active: false,
      endReason: null,
    });
    expect(await call<SessionActivity>(user, 'isActive', { sessionId: 'ok' })).toMatchObject({
      active: true,
    });
  });
});
