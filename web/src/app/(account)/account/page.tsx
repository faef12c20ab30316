import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { signOut, signOutEverywhere, signOutSession } from '@/features/account/account-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { ChangePasswordForm } from '@/features/account/change-password-form';
import { DeleteAccountForm } from '@/features/account/delete-account-form';
import { callIdentity } from '@/server/identity/identity-client';
import { csrfToken, currentPrincipal } from '@/server/identity/session';

export const metadata: Metadata = { title: 'Account' };

interface SessionView {
  sessionId: string;
  device?: string;
  openedAt?: string;
  lastSeenAt?: string;
  current: boolean;
}

interface ProfileView {
  email: string;
  createdAt: string;
}

const when = (iso: string | undefined) =>
  iso
    ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) +
      ' UTC'
    : '';

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await currentPrincipal();
  if (!principal) redirect('/sign-in');
  const params = await searchParams;
  const csrf = await csrfToken();
  const [sessions, profile] = await Promise.all([
    callIdentity<{ sessions: SessionView[] }>('browser/sessions'),
    callIdentity<ProfileView>('browser/me'),
  ]);
  // Signed out elsewhere ("everywhere", or this device from another one): the access token may still be
  // valid for a few minutes, but the session is gone.
  if (
    (sessions.ok && !sessions.value.sessions.some((s) => s.current)) ||
    (!sessions.ok && sessions.problem.status === 401)
  )
    redirect('/sign-in?signed-out=ended');
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold">Your account</h1>
      {params.error === 'session' ? (
        <Alert variant="destructive">That session could not be signed out. It may have ended already.</Alert>
      ) : null}
      {params['signed-out-session'] === '1' ? <Alert role="status">The device was signed out.</Alert> : null}
      {params['password-changed'] === '1' ? (
        <Alert role="status">Your password was changed. Your other devices were signed out.</Alert>
      ) : null}
      <Card aria-labelledby="profile-title">
        <CardTitle id="profile-title">Profile</CardTitle>
        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted-foreground">Email</dt>
          <dd className="break-all">{profile.ok ? profile.value.email : 'unavailable right now'}</dd>
          {profile.ok ? (
            <>
              <dt className="text-muted-foreground">Member since</dt>
              <dd>{when(profile.value.createdAt)}</dd>
            </>
          ) : null}
          <dt className="text-muted-foreground">User id</dt>
          <dd className="font-mono break-all">{principal.userId}</dd>
          <dt className="text-muted-foreground">Shop</dt>
          <dd>{principal.tenantId}</dd>
          <dt className="text-muted-foreground">Roles</dt>
          <dd>
            {principal.admin
              ? 'Shop admin'
              : principal.roles.length > 0
                ? principal.roles.join(', ')
                : 'Shopper'}
          </dd>
        </dl>
        <form action={signOut} className="mt-6">
          <input type="hidden" name="csrf" value={csrf} />
          <Button type="submit" variant="outline">
            Sign out
          </Button>
        </form>
      </Card>
      <Card aria-labelledby="sessions-title">
        <CardTitle id="sessions-title">Active sessions</CardTitle>
        {sessions.ok ? (
          <ul className="mt-4 grid gap-3">
            {sessions.value.sessions.map((s) => (
              <li
                key={s.sessionId}
                className="flex flex-wrap items-center justify-between gap-3 rounded-md border p-3"
              >
                <div className="text-sm">
                  <p className="font-medium">
                    {s.device ?? 'Unknown device'}
                    {s.current ? <span className="ml-2 text-muted-foreground">(this device)</span> : null}
                  </p>
                  {(s.lastSeenAt ?? s.openedAt) ? (
                    <p className="text-muted-foreground">Last active {when(s.lastSeenAt ?? s.openedAt)}</p>
                  ) : null}
                </div>
                <form action={signOutSession}>
                  <input type="hidden" name="csrf" value={csrf} />
                  <input type="hidden" name="sessionId" value={s.sessionId} />
                  <input type="hidden" name="current" value={String(s.current)} />
                  <Button type="submit" variant="outline" size="sm">
                    {s.current ? 'Sign out this device' : 'Sign out device'}
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <Alert className="mt-4">Your sessions cannot be listed right now: {sessions.problem.detail}</Alert>
        )}
        <form action={signOutEverywhere} className="mt-6">
          <input type="hidden" name="csrf" value={csrf} />
          <Button type="submit" variant="destructive">
            Sign out everywhere
          </Button>
        </form>
      </Card>
      <Card aria-labelledby="password-title">
        <CardTitle id="password-title">Change password</CardTitle>
        <ChangePasswordForm csrf={csrf} />
      </Card>
      <Card aria-labelledby="delete-title">
        <CardTitle id="delete-title">Delete account</CardTitle>
        <p className="mt-2 text-sm text-muted-foreground">
          Your email and password are removed and every device is signed out. Orders you placed stay on record
          without your personal data.
        </p>
        <DeleteAccountForm csrf={csrf} />
      </Card>
    </div>
  );
}
